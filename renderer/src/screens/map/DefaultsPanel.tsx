// How dates and amounts are read unless a field says otherwise.
import { useId } from 'react'
import type { DateOrder, DecimalSeparator } from '#shared/mapping/mapping'
import { CommitInput } from '../../components/CommitInput'
import { useT } from '../../lib/i18n'
import type { MapEditor } from './map-editor'
import { setDefaults } from './mapping-edit'
import { DATE_ORDER_WORDS, DECIMAL_WORDS, TIME_ZONE_LIST } from './transform-words'

export function DefaultsPanel({ editor }: { editor: MapEditor }) {
  const t = useT()
  const { mapping } = editor
  const ids = { order: useId(), zone: useId(), decimal: useId() }
  return (
    <fieldset className="card field-group">
      <legend>{t('map.defaults')}</legend>
      <div className="form-grid">
        <label htmlFor={ids.order}>{t('map.defaults.dateOrder')}</label>
        <select id={ids.order} value={mapping.defaults.dateOrder} onChange={(e) => editor.update(setDefaults(mapping, { dateOrder: e.target.value as DateOrder }))}>
          {(Object.keys(DATE_ORDER_WORDS) as DateOrder[]).map((d) => <option key={d} value={d}>{t(DATE_ORDER_WORDS[d])}</option>)}
        </select>

        <label htmlFor={ids.zone}>{t('map.defaults.timeZone')}</label>
        <CommitInput
          id={ids.zone}
          list={TIME_ZONE_LIST}
          value={mapping.defaults.timeZone}
          onCommit={(text) => text.trim() && editor.update(setDefaults(mapping, { timeZone: text.trim() }))}
        />

        <label htmlFor={ids.decimal}>{t('map.defaults.decimal')}</label>
        <select id={ids.decimal} value={mapping.defaults.decimal} onChange={(e) => editor.update(setDefaults(mapping, { decimal: e.target.value as DecimalSeparator }))}>
          {(Object.keys(DECIMAL_WORDS) as DecimalSeparator[]).map((d) => <option key={d} value={d}>{t(DECIMAL_WORDS[d])}</option>)}
        </select>
      </div>
    </fieldset>
  )
}
