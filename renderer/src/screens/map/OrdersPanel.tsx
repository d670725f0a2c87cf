// How rows become orders, and whether goods travel by mail (which makes the address required).
import { useId } from 'react'
import { DELIVERY_FIELD_KEYS } from '#shared/mapping/field-keys'
import { fieldSpec } from '#shared/mapping/catalog'
import { columnIndexOf } from '../../lib/columns'
import { TID } from '../../test-ids'
import type { MapEditor } from './map-editor'
import { setGroupBy, setShipped } from './mapping-edit'

const EACH_ROW = 'row'
const MISSING = 'missing'

export function OrdersPanel({ editor }: { editor: MapEditor }) {
  const { mapping, headers, choices } = editor
  const ids = { group: useId(), shipped: useId(), groupHelp: useId() }
  const groupIndex = mapping.groupBy ? columnIndexOf(headers, mapping.groupBy) : -1
  const deliveryWords = DELIVERY_FIELD_KEYS.map((key) => fieldSpec(key)?.label ?? key).join(', ')

  return (
    <fieldset className="card field-group">
      <legend>Orders</legend>
      <div className="form-grid">
        <label htmlFor={ids.group}>Rows with the same</label>
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
            <option value={EACH_ROW}>(nothing: each row is its own order)</option>
            {mapping.groupBy && groupIndex < 0 && <option value={MISSING}>"{mapping.groupBy.column}" (not in this file)</option>}
            {choices.map((choice) => <option key={choice.index} value={`c${choice.index}`} disabled={!choice.ref}>{choice.label}</option>)}
          </select>
          <p id={ids.groupHelp} className="field-help">
            {groupIndex >= 0
              ? `Rows with the same value in "${headers[groupIndex]}" make one order, with one good per row.`
              : 'Pick an order number column when one order spans several rows.'}
          </p>
        </div>

        <label htmlFor={ids.shipped}>Goods are shipped</label>
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
          <p className="field-help">{mapping.shipped ? `Sent by mail: ${deliveryWords} are required.` : `Not shipped: ${deliveryWords} are optional.`}</p>
        </div>
      </div>
    </fieldset>
  )
}
