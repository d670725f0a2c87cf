// Per-field reading options for dates and amounts; "default" follows the mapping-wide settings.
import type { FieldType } from '#shared/mapping/catalog'
import type { DateOrder, DecimalSeparator, Mapping, TransformOptions } from '#shared/mapping/mapping'
import { CommitInput } from '../../components/CommitInput'
import { useT } from '../../lib/i18n'
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

export function TransformPicker(props: TransformPickerProps) {
  if (!hasTransformOptions(props.type)) return null
  return <TransformOptionsPicker {...props} />
}

function TransformOptionsPicker({ label, type, transform, defaults, onChange }: TransformPickerProps) {
  const t = useT()
  const set = (change: Partial<TransformOptions>) => {
    const next: TransformOptions = { ...transform, ...change }
    for (const key of Object.keys(next) as (keyof TransformOptions)[]) if (next[key] === undefined) delete next[key]
    onChange(Object.keys(next).length ? next : undefined)
  }
  const changed = transform && Object.keys(transform).length > 0

  return (
    <details className="transform" open={Boolean(changed)}>
      <summary>{changed ? t('map.transformChanged') : t('map.transform')}</summary>
      {type === 'money' ? (
        <label>
          {t('map.transform.decimal')}
          <select aria-label={t('map.transform.decimalLabel', { label })} value={transform?.decimal ?? DEFAULT} onChange={(e) => set({ decimal: (e.target.value || undefined) as DecimalSeparator | undefined })}>
            <option value={DEFAULT}>{t('map.transform.asDefault', { value: t(DECIMAL_WORDS[defaults.decimal]) })}</option>
            {(Object.keys(DECIMAL_WORDS) as DecimalSeparator[]).map((d) => <option key={d} value={d}>{t(DECIMAL_WORDS[d])}</option>)}
          </select>
        </label>
      ) : (
        <>
          <label>
            {t('map.transform.dateOrder')}
            <select aria-label={t('map.transform.dateOrderLabel', { label })} value={transform?.dateOrder ?? DEFAULT} onChange={(e) => set({ dateOrder: (e.target.value || undefined) as DateOrder | undefined })}>
              <option value={DEFAULT}>{t('map.transform.asDefault', { value: t(DATE_ORDER_WORDS[defaults.dateOrder]) })}</option>
              {(Object.keys(DATE_ORDER_WORDS) as DateOrder[]).map((d) => <option key={d} value={d}>{t(DATE_ORDER_WORDS[d])}</option>)}
            </select>
          </label>
          <label>
            {t('map.transform.timeZone')}
            <CommitInput
              aria-label={t('map.transform.timeZoneLabel', { label })}
              list={TIME_ZONE_LIST}
              placeholder={t('map.transform.asDefault', { value: defaults.timeZone })}
              value={transform?.timeZone ?? ''}
              onCommit={(text) => set({ timeZone: text.trim() || undefined })}
            />
          </label>
        </>
      )}
    </details>
  )
}
