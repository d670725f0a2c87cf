// Which rows make which order. With an order-number column, rows that share a number form one
// order, numbered by first appearance, even when other rows sit between them (exports sorted by
// product or date scatter an order's lines). A row whose number is empty becomes an order of its
// own and gets an error: guessing where it belongs could merge two customers, while dropping it
// would lose an order silently. Without an order-number column each row is one order.
import type { Issue } from './issue'
import { place } from './import-plan-messages'
import type { SheetTable } from './sheet'
import { cellText } from './import-plan-text'

export interface RowGrouping {
  /** 0-based order of each table row (index into `keys`). */
  orderOf: Int32Array
  /** Order number of each order; null when rows are not grouped or the number was empty. */
  keys: Array<string | null>
  issues: Issue[]
}

export interface GroupColumn {
  column: number
  /** How messages name the column ('column "Order no."'). */
  name: string
  header: string
}

export function groupRows(table: SheetTable, by: GroupColumn | null): RowGrouping {
  const count = table.rows.length
  const orderOf = new Int32Array(count)
  const keys: Array<string | null> = []
  const issues: Issue[] = []
  if (by === null) {
    for (let r = 0; r < count; r++) orderOf[r] = r
    return { orderOf, keys: new Array<string | null>(count).fill(null), issues }
  }
  const options = { trim: true, date1904: table.date1904 }
  const orderByKey = new Map<string, number>()
  for (let r = 0; r < count; r++) {
    const key = cellText(table.rows[r]?.[by.column] ?? null, options)
    const known = key === '' ? undefined : orderByKey.get(key)
    if (known !== undefined) {
      orderOf[r] = known
      continue
    }
    const order = keys.length
    orderOf[r] = order
    if (key === '') {
      keys.push(null)
      const row = table.rowNumbers[r] ?? r + 1
      issues.push({
        severity: 'error',
        code: 'empty-order-number',
        row,
        column: by.header,
        field: null,
        order: order + 1,
        message: `${place(row, by.name)}: the order number is empty, so this row is kept as an order of its own. Write the order number it belongs to, or a new one if it is a separate order.`
      })
    } else {
      keys.push(key)
      orderByKey.set(key, order)
    }
  }
  return { orderOf, keys, issues }
}
