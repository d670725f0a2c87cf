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
  const fingerprints = orders.map(orderFingerprint)
  flagRepeatedOrders(orders, fingerprints, issues)

  const sheetErrors = compiled.issues.filter((i) => i.severity === 'error').length
  const errors = new Int32Array(orders.length).fill(sheetErrors)
  const warnings = new Int32Array(orders.length)
  let errorCount = 0
  let warningCount = 0
  for (const issue of issues.issues) {
    const tally = issue.severity === 'error' ? errors : warnings
    if (issue.severity === 'error') errorCount++
    else warningCount++
    if (issue.order !== null) tally[issue.order - 1] = (tally[issue.order - 1] ?? 0) + 1
  }
  let validOrders = 0
  orders.forEach((order, i) => {
    order.fingerprint = fingerprints[i] ?? ''
    order.errors = errors[i] ?? 0
    order.warnings = warnings[i] ?? 0
    if (order.errors === 0) validOrders++
  })
  return {
    orders,
    issues: issues.sorted(),
    counts: {
      rows: table.rows.length,
      orders: orders.length,
      validOrders,
      errors: errorCount,
      warnings: warningCount
    }
  }
}

/** The same order twice in one file is usually a pasted-twice block or a re-export; it is only a
 * warning because two identical orders can be real (a customer buying twice the same day). */
function flagRepeatedOrders(orders: readonly OrderDraft[], fingerprints: readonly string[], issues: IssueCollector): void {
  const firstByPrint = new Map<string, OrderDraft>()
  orders.forEach((order, i) => {
    const print = fingerprints[i] ?? ''
    const earlier = firstByPrint.get(print)
    if (!earlier) {
      firstByPrint.set(print, order)
      return
    }
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
  })
}
