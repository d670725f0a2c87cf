// Where one field's value comes from: a column, a constant, or nowhere.
import type { FieldSource } from '#shared/mapping/mapping'
import { CommitInput } from '../../components/CommitInput'
import { columnIndexOf, describeRef, type ColumnChoice } from '../../lib/columns'
import { useT } from '../../lib/i18n'

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
  const t = useT()
  const { id, label, source, choices, samples, headers, noneLabel = t('map.notMapped'), allowConstant = true, testId, constantTestId, onChange } = props
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
        {value === MISSING && source?.kind === 'column' && <option value={MISSING}>{t('map.notInFile', { column: describeRef(source, t) })}</option>}
        <optgroup label={t('map.columns')}>
          {choices.map((choice) => (
            <option key={choice.index} value={`c${choice.index}`} disabled={!choice.ref}>{choice.label}</option>
          ))}
        </optgroup>
        {allowConstant && <option value={CONSTANT}>{t('map.constant')}</option>}
      </select>
      {source?.kind === 'constant' && (
        <CommitInput
          aria-label={t('map.constantLabel', { label })}
          data-testid={constantTestId}
          placeholder={t('map.constantPlaceholder')}
          value={source.value}
          onCommit={(text) => onChange({ kind: 'constant', value: text })}
        />
      )}
      {sample ? <span className="sample" title={t('map.sampleTitle')}>{t('map.sample', { sample })}</span> : null}
    </div>
  )
}
