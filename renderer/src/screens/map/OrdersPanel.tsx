// How rows become orders, and whether goods travel by mail (which makes the address required).
import { useId } from 'react'
import { DELIVERY_FIELD_KEYS } from '#shared/mapping/field-keys'
import { columnIndexOf } from '../../lib/columns'
import { fieldLabel } from '../../lib/field-words'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import type { MapEditor } from './map-editor'
import { setGroupBy, setShipped } from './mapping-edit'

const EACH_ROW = 'row'
const MISSING = 'missing'

export function OrdersPanel({ editor }: { editor: MapEditor }) {
  const t = useT()
  const { mapping, headers, choices } = editor
  const ids = { group: useId(), shipped: useId(), groupHelp: useId() }
  const groupIndex = mapping.groupBy ? columnIndexOf(headers, mapping.groupBy) : -1
  const deliveryWords = DELIVERY_FIELD_KEYS.map((key) => fieldLabel(key, t)).join(', ')

  return (
    <fieldset className="card field-group">
      <legend>{t('map.orders')}</legend>
      <div className="form-grid">
        <label htmlFor={ids.group}>{t('map.groupBy')}</label>
        <div>
          <select
            id={ids.group}
            data-testid={TID.map.groupBy}
            aria-describedby={ids.groupHelp}
            value={groupIndex >= 0 ? `c${groupIndex}` : mapping.groupBy ? MISSING : EACH_ROW}
            onChange={(e) => {
              if (e.target.value === MISSING) return
              const ref = e.target.value === EACH_ROW ? null : choices[Number(e.target.value.slice(1))]?.ref ?? null
              editor.update(setGroupBy(mapping, ref))
            }}
          >
            <option value={EACH_ROW}>{t('map.eachRow')}</option>
            {mapping.groupBy && groupIndex < 0 && <option value={MISSING}>{t('map.notInFile', { column: t('column.ref', { column: mapping.groupBy.column }) })}</option>}
            {choices.map((choice) => <option key={choice.index} value={`c${choice.index}`} disabled={!choice.ref}>{choice.label}</option>)}
          </select>
          <p id={ids.groupHelp} className="field-help">
            {groupIndex >= 0
              ? t('map.groupedBy', { column: headers[groupIndex] })
              : t('map.groupHelp')}
          </p>
        </div>

        <label htmlFor={ids.shipped}>{t('map.shipped')}</label>
        <div>
          <input
            id={ids.shipped}
            type="checkbox"
            role="switch"
            className="switch"
            data-testid={TID.map.shipped}
            checked={mapping.shipped}
            aria-checked={mapping.shipped}
            onChange={(e) => editor.update(setShipped(mapping, e.target.checked))}
          />
          <p className="field-help">{mapping.shipped ? t('map.shippedOn', { fields: deliveryWords }) : t('map.shippedOff', { fields: deliveryWords })}</p>
        </div>
      </div>
    </fieldset>
  )
}
