// An order as built from the sheet: normalized values only (strings as they will be sent).
import type { OrderFieldKey } from './field-keys'

export interface GoodLine {
  good_name: string
  /** Exact decimal string ('1500', '1500.50'); absent means "use the shop price". */
  good_sum?: string
  /** Sheet row the good came from. */
  row: number
}

export interface OrderDraft {
  /** 1-based position of the order in the file. */
  index: number
  /** The group-by value, or null when each row is its own order. */
  key: string | null
  /** Sheet row numbers the order was built from, ascending. */
  rows: number[]
  /** Normalized order-level values; a missing key is not sent. */
  fields: Partial<Record<OrderFieldKey, string>>
  goods: GoodLine[]
}
