// From a sheet and a mapping to the orders that would be sent, with every problem found on the
// way: the "dry run" the user reviews before anything reaches the shop.
import { buildOrders } from './build-orders'
import { orderFingerprint } from './fingerprint'
import { groupRows } from './group-rows'
import { compileMapping } from './import-plan-mapping'
import { IssueCollector } from './import-plan-issues'
import { checkOrders, orderPlace } from './validate-order-issues'
import type { Issue } from './issue'
import type { Mapping } from './mapping'
import type { OrderDraft } from './order'
import type { SheetTable } from './sheet'

export interface PlannedOrder extends OrderDraft {
  /** orderFingerprint() of the order. */
  fingerprint: string
  /** Errors that stop this order from being sent: its own, plus every sheet-wide mapping error
   * (a missing column or unmapped required field makes every order unsendable; such an issue is
   * listed once, with row null). An order may be sent only when this is 0. */
  errors: number
  warnings: number
}

export interface ImportPlan {
  orders: PlannedOrder[]
  /** Sheet-wide issues first, then by row, then by column from left to right. */
  issues: Issue[]
  counts: { rows: number; orders: number; validOrders: number; errors: number; warnings: number }
}

export interface PlanOptions {
  /** The moment dates are judged against, in milliseconds as Date.now(); default: now. */
  now?: number
}

/** Problems of the mapping itself, before any row is read: mapped columns this sheet lacks, and
 * required fields (the e-mail, the first product, delivery fields when shipped) not mapped. */
export function mappingIssues(headers: readonly string[], mapping: Mapping): Issue[] {
  return compileMapping(headers, mapping, { date1904: false, now: Date.now() }).issues
}

export function planImport(table: SheetTable, mapping: Mapping, options?: PlanOptions): ImportPlan {
  const compiled = compileMapping(table.headers, mapping, { date1904: table.date1904, now: options?.now ?? Date.now() })
  const issues = new IssueCollector()
  for (const issue of compiled.issues) issues.add(issue)
  const grouping = groupRows(table, compiled.groupBy)
  for (const issue of grouping.issues) issues.add(issue, compiled.groupBy?.column)
  const { orders, failed } = buildOrders(table, compiled, grouping, issues)
  checkOrders(orders, failed, compiled, mapping.shipped, issues)
  for (const order of orders) order.fingerprint = orderFingerprint(order)
  flagRepeatedOrders(orders, issues)
  const sheetErrors = compiled.issues.filter((i) => i.severity === 'error').length
  return { orders, issues: issues.sorted(), counts: { rows: table.rows.length, ...tallyIssues(orders, issues.issues, sheetErrors) } }
}

/** Fills in each order's error and warning counts and returns the totals for the plan. */
function tallyIssues(orders: PlannedOrder[], issues: readonly Issue[], sheetErrors: number): Omit<ImportPlan['counts'], 'rows'> {
  let errors = 0
  let warnings = 0
  for (const order of orders) order.errors = sheetErrors
  for (const issue of issues) {
    const order = issue.order === null ? undefined : orders[issue.order - 1]
    if (issue.severity === 'error') {
      errors++
      if (order) order.errors++
    } else {
      warnings++
      if (order) order.warnings++
    }
  }
  const validOrders = orders.reduce((n, order) => (order.errors === 0 ? n + 1 : n), 0)
  return { orders: orders.length, validOrders, errors, warnings }
}

/** The same order twice in one file is usually a pasted-twice block or a re-export; it is only a
 * warning because two identical orders can be real (a customer buying twice the same day). */
function flagRepeatedOrders(orders: readonly PlannedOrder[], issues: IssueCollector): void {
  const firstByPrint = new FirstByFingerprint(orders)
  for (let o = 0; o < orders.length; o++) {
    const order = orders[o] as PlannedOrder
    const earlier = firstByPrint.earlierOrAdd(o)
    if (earlier === undefined) continue
    issues.add({
      severity: 'warning',
      code: 'duplicate-order',
      row: order.rows[0] ?? null,
      column: null,
      field: null,
      order: order.index,
      message:
        `${orderPlace(order, null)}: this order is the same as the one at row ${earlier.rows[0] ?? '?'} (same customer, products, prices and details). ` +
        'If it is really a second order, keep it; otherwise delete the repeated rows so it is not created twice.'
    })
  }
}

/** Which earlier order has the same fingerprint: an open-addressing table of order positions in
 * one typed array, since a Map of 100k fingerprint strings costs more than the search itself. */
class FirstByFingerprint {
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(private readonly orders: readonly PlannedOrder[]) {
    let size = 16
    while (size < orders.length * 2) size *= 2
    this.slots = new Int32Array(size)
    this.mask = size - 1
  }

  /** The first order before `o` with o's fingerprint; else records `o` and returns undefined. */
  earlierOrAdd(o: number): PlannedOrder | undefined {
    const print = (this.orders[o] as PlannedOrder).fingerprint
    let at = hashText(print) & this.mask
    for (;;) {
      const slot = this.slots[at] as number
      if (slot === 0) {
        this.slots[at] = o + 1
        return undefined
      }
      const other = this.orders[slot - 1] as PlannedOrder
      if (other.fingerprint === print) return other
      at = (at + 1) & this.mask
    }
  }
}

/** FNV-1a over the last 8 UTF-16 code units: a fingerprint ends in md5 hex digits, which are
 * spread evenly (any other text still works, only with more equal hashes to compare). */
function hashText(text: string): number {
  let hash = 0x811c9dc5
  for (let i = Math.max(0, text.length - 8); i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
