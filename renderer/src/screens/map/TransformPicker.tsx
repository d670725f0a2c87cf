// Per-field reading options for dates and amounts; "default" follows the mapping-wide settings.
import type { FieldType } from '#shared/mapping/catalog'
import type { DateOrder, DecimalSeparator, Mapping, TransformOptions } from '#shared/mapping/mapping'
import { CommitInput } from '../../components/CommitInput'
import { DATE_ORDER_WORDS, DECIMAL_WORDS, TIME_ZONE_LIST } from './transform-words'

interface TransformPickerProps {
  label: string
  type: FieldType
  transform: TransformOptions | undefined
  defaults: Mapping['defaults']
  onChange: (transform: TransformOptions | undefined) => void
}

const DEFAULT = ''

export function hasTransformOptions(type: FieldType): boolean {
  return type === 'money' || type === 'timestamp' || type === 'timer_kill'
}

export function TransformPicker({ label, type, transform, defaults, onChange }: TransformPickerProps) {
  if (!hasTransformOptions(type)) return null
  const set = (change: Partial<TransformOptions>) => {
    const next: TransformOptions = { ...transform, ...change }
    for (const key of Object.keys(next) as (keyof TransformOptions)[]) if (next[key] === undefined) delete next[key]
    onChange(Object.keys(next).length ? next : undefined)
  }
  const changed = transform && Object.keys(transform).length > 0

  return (
    <details className="transform" open={Boolean(changed)}>
      <summary>Reading options{changed ? ' (changed)' : ''}</summary>
      {type === 'money' ? (
        <label>
          Decimal separator
          <select aria-label={`${label}: decimal separator`} value={transform?.decimal ?? DEFAULT} onChange={(e) => set({ decimal: (e.target.value || undefined) as DecimalSeparator | undefined })}>
            <option value={DEFAULT}>As for all fields ({DECIMAL_WORDS[defaults.decimal]})</option>
            {(Object.keys(DECIMAL_WORDS) as DecimalSeparator[]).map((d) => <option key={d} value={d}>{DECIMAL_WORDS[d]}</option>)}
          </select>
        </label>
      ) : (
        <>
          <label>
            Date order
            <select aria-label={`${label}: date order`} value={transform?.dateOrder ?? DEFAULT} onChange={(e) => set({ dateOrder: (e.target.value || undefined) as DateOrder | undefined })}>
              <option value={DEFAULT}>As for all fields ({DATE_ORDER_WORDS[defaults.dateOrder]})</option>
              {(Object.keys(DATE_ORDER_WORDS) as DateOrder[]).map((d) => <option key={d} value={d}>{DATE_ORDER_WORDS[d]}</option>)}
            </select>
          </label>
          <label>
            Time zone
            <CommitInput
              aria-label={`${label}: time zone`}
              list={TIME_ZONE_LIST}
              placeholder={`As for all fields (${defaults.timeZone})`}
              value={transform?.timeZone ?? ''}
              onCommit={(text) => set({ timeZone: text.trim() || undefined })}
            />
          </label>
        </>
      )}
    </details>
  )
}
