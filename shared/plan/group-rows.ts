// Which rows make which order. With an order-number column, rows that share a number form one
// order, numbered by first appearance, even when other rows sit between them (exports sorted by
// product or date scatter an order's lines). A row whose number is empty becomes an order of its
// own and gets an error: guessing where it belongs could merge two customers, while dropping it
// would lose an order silently. Without an order-number column each row is one order.
import type { Issue } from './issue'
import { cellPlace, planIssue } from './issue-text'
import type { SheetTable } from '../sheet/sheet'
import { cellText } from './import-plan-text'
import { digitsValue } from './validate-order-syntax'

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
  const seen = new SeenKeys(keys)
  let previousKey = ''
  let previousOrder = -1
  for (let r = 0; r < count; r++) {
    const key = cellText(table.rows[r]?.[by.column] ?? null, options)
    // The lines of one order usually follow each other: the row above tells without a lookup.
    if (key !== '' && key === previousKey) {
      orderOf[r] = previousOrder
      continue
    }
    const known = key === '' ? undefined : seen.get(key)
    if (known !== undefined) {
      orderOf[r] = known
      previousKey = key
      previousOrder = known
      continue
    }
    const order = keys.length
    orderOf[r] = order
    if (key === '') {
      keys.push(null)
      const row = table.rowNumbers[r] ?? r + 1
      issues.push(
        planIssue({
          severity: 'error',
          code: 'empty-order-number',
          row,
          column: by.header,
          field: null,
          order: order + 1,
          key: 'issue.empty-order-number',
          params: cellPlace(row, by)
        })
      )
    } else {
      keys.push(key)
      seen.add(key, order)
      previousKey = key
      previousOrder = order
    }
  }
  return { orderOf, keys, issues }
}

/** Order numbers seen so far and their orders. Exports usually list orders by rising number, and
 * a number above every one before it cannot have been seen: while that holds no map is kept.
 * The first number that breaks the rise builds the map from the numbers so far. */
class SeenKeys {
  private map: Map<string, number> | null = null
  private highest = -1
  /** plainNumber() of the key get() was last asked about, for add() to reuse. */
  private asked = -1

  constructor(private readonly keys: ReadonlyArray<string | null>) {}

  get(key: string): number | undefined {
    if (this.map === null) {
      const n = plainNumber(key)
      this.asked = n
      if (n > this.highest) return undefined
      this.map = new Map()
      for (let o = 0; o < this.keys.length; o++) {
        const known = this.keys[o]
        if (known !== null && known !== undefined) this.map.set(known, o)
      }
    }
    return this.map.get(key)
  }

  /** Records a key that get() has just reported unseen. */
  add(key: string, order: number): void {
    if (this.map === null) this.highest = this.asked
    else this.map.set(key, order)
  }
}

/** The number a key of plain digits stands for, one text per number (no leading zero, at most 15
 * digits); -1 for any other key. */
function plainNumber(key: string): number {
  return key.length > 1 && key.charCodeAt(0) === 48 ? -1 : digitsValue(key)
}
