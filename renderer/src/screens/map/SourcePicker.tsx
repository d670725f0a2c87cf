// Where one field's value comes from: a column, a constant, or nowhere.
import type { FieldSource } from '#shared/mapping/mapping'
import { CommitInput } from '../../components/CommitInput'
import { columnIndexOf, describeRef, type ColumnChoice } from '../../lib/columns'

interface SourcePickerProps {
  id: string
  label: string
  source: FieldSource | undefined
  choices: readonly ColumnChoice[]
  /** First value of each column, shown as an example. */
  samples: readonly string[]
  headers: readonly string[]
  noneLabel?: string
  allowConstant?: boolean
  testId: string
  constantTestId?: string
  onChange: (source: FieldSource) => void
}

const NONE = 'none'
const CONSTANT = 'constant'
const MISSING = 'missing'

export function SourcePicker(props: SourcePickerProps) {
  const { id, label, source, choices, samples, headers, noneLabel = 'Not mapped', allowConstant = true, testId, constantTestId, onChange } = props
  const index = source?.kind === 'column' ? columnIndexOf(headers, source) : -1
  const value = !source || source.kind === 'none' ? NONE : source.kind === 'constant' ? CONSTANT : index >= 0 ? `c${index}` : MISSING

  const pick = (choice: string) => {
    if (choice === NONE) return onChange({ kind: 'none' })
    if (choice === CONSTANT) return onChange({ kind: 'constant', value: source?.kind === 'constant' ? source.value : '' })
    const ref = choices[Number(choice.slice(1))]?.ref
    if (ref) onChange({ kind: 'column', ...ref })
  }

  const sample = index >= 0 ? samples[index] : undefined
  return (
    <div className="source-picker">
      <select id={id} aria-label={label} data-testid={testId} value={value} onChange={(e) => pick(e.target.value)}>
        <option value={NONE}>{noneLabel}</option>
        {value === MISSING && source?.kind === 'column' && <option value={MISSING}>{describeRef(source)} (not in this file)</option>}
        <optgroup label="Columns">
          {choices.map((choice) => (
            <option key={choice.index} value={`c${choice.index}`} disabled={!choice.ref}>{choice.label}</option>
          ))}
        </optgroup>
        {allowConstant && <option value={CONSTANT}>Same value for every order…</option>}
      </select>
      {source?.kind === 'constant' && (
        <CommitInput
          aria-label={`${label}: value for every order`}
          data-testid={constantTestId}
          placeholder="Type the value, then press Enter"
          value={source.value}
          onCommit={(text) => onChange({ kind: 'constant', value: text })}
        />
      )}
      {sample ? <span className="sample" title="First value in this column">e.g. {sample}</span> : null}
    </div>
  )
}
