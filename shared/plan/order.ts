// An order as built from the sheet: normalized values only (strings as they will be sent).
import type { OrderFieldKey } from '../mapping/field-keys'

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
  /** The status the order gets after it is created (UpdateOrderStatus), from the mapping's
   * status; absent: it stays a new, unpaid invoice. `date` is unix seconds or null (now). */
  status?: { status: 'paid' | 'cancel' | 'return'; date: number | null }
  /** Created in the past and the sheet does not set bill_timer_kill: CreateOrder sends
   * bill_timer_kill = 0 (never auto-cancel) for it, see shared/plan/order-status-plan.ts. */
  backlogNoCancel?: true
}

export interface PlannedOrder extends OrderDraft {
  /** orderFingerprint() of the order once fingerprintOf() has worked it out, else null. Read it
   * through fingerprintOf(): reviewing a sheet never needs it (only staging and the check for
   * orders created by earlier runs do), and for 100k orders it costs as much as the rest of the
   * validation. */
  fingerprint: string | null
  /** Errors that stop this order from being sent: its own, plus every sheet-wide mapping error
   * (a missing column or unmapped required field makes every order unsendable; such an issue is
   * listed once, with row null). An order may be sent only when this is 0. */
  errors: number
  warnings: number
}

/** A copy of an order made field by field keeps the status step and the backlog auto-cancel of
 * the order it copies: they change what is sent (UpdateOrderStatus, bill_timer_kill = 0). */
export function withStatus(copy: PlannedOrder, from: PlannedOrder): PlannedOrder {
  if (from.status !== undefined) copy.status = from.status
  if (from.backlogNoCancel !== undefined) copy.backlogNoCancel = from.backlogNoCancel
  return copy
}
