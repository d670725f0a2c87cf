// From a sheet and a mapping to the orders that would be sent, with every problem found on the
// way: the "dry run" the user reviews before anything reaches the shop.
import { buildOrders } from './build-orders'
import { orderFingerprint } from './fingerprint'
import { ordersSharingEmail } from './same-email'
import { groupRows } from './group-rows'
import { compileMapping, type CompiledMapping } from './import-plan-mapping'
import { withoutTotals, type TotalsSplit } from './totals-rows'
import { cellToText } from '../transforms/index'
import { IssueCollector } from './import-plan-issues'
import { checkOrders } from './validate-order-issues'
import { orderPlaceParams, planIssue } from './issue-text'
import { applyOrderStatus, type StatusSummary } from './order-status-plan'
import type { Issue } from './issue'
import type { Mapping } from '../mapping/mapping'
import type { PlannedOrder } from './order'
import type { SheetTable } from '../sheet/sheet'

// PlannedOrder lives with OrderDraft so that the readers of orders need not import the plan.
export type { PlannedOrder } from './order'

export interface ImportPlan {
  orders: PlannedOrder[]
  /** By position in the table's rows: the index (1-based, as PlannedOrder.index) of the order
   * the row belongs to. */
  orderOfRow: Int32Array
  /** Sheet-wide issues first, then by row, then by column from left to right. */
  issues: Issue[]
  counts: { rows: number; orders: number; validOrders: number; errors: number; warnings: number }
  /** Orders per status (paid, cancelled, returned, unpaid), the status column's values, and the
   * backlog orders that are not auto-cancelled. Absent in plans made before it existed. */
  status?: StatusSummary
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

export function planImport(fullTable: SheetTable, mapping: Mapping, options?: PlanOptions): ImportPlan {
  const compiled = compileMapping(fullTable.headers, mapping, { date1904: fullTable.date1904, now: options?.now ?? Date.now() })
  const issues = new IssueCollector()
  for (const issue of compiled.issues) issues.add(issue)
  const totals = mapping.skipTotals === false ? null : skipTotals(fullTable, compiled, issues)
  const table = totals?.table ?? fullTable
  const grouping = groupRows(table, compiled.groupBy)
  for (const issue of grouping.issues) issues.add(issue, compiled.groupBy?.column)
  const { orders, failed, filled, emails, emailHashes } = buildOrders(table, compiled, grouping, issues)
  checkOrders(orders, failed, filled, compiled, mapping.shipped, issues)
  const now = options?.now ?? Date.now()
  const status = applyOrderStatus(table, grouping.orderOf, orders, mapping, compiled, { date1904: fullTable.date1904, now }, issues)
  flagRepeatedOrders(orders, emails, emailHashes, issues)
  const sheetErrors = compiled.issues.filter((i) => i.severity === 'error').length
  const orderOfRow = totals && totals.skipped.length > 0 ? spread(grouping.orderOf, totals.skipped, fullTable.rows.length) : grouping.orderOf.map((o) => o + 1)
  const allSheetErrors = sheetErrors + status.sheetErrors
  return { orders, orderOfRow, issues: issues.sorted(), counts: { rows: table.rows.length, ...tallyIssues(orders, issues.issues, allSheetErrors) }, status: status.summary }
}

/** Leaves totals rows out (a note says which); null when the sheet has none. */
function skipTotals(table: SheetTable, compiled: CompiledMapping, issues: IssueCollector): TotalsSplit | null {
  const email = compiled.columnFields.find((f) => f.key === 'bill_email')?.column ?? -1
  const first = compiled.goods[0]?.name
  const product = first?.kind === 'column' ? first.source.column : -1
  if (email < 0 && product < 0) return null
  const split = withoutTotals(table, email, product, compiled.groupBy?.column ?? -1)
  if (split.skipped.length === 0) return null
  const rows = split.skippedRows
  const example = (table.rows[split.skipped[0]!] ?? []).map((c) => (c === null ? '' : cellToText(c).trim())).find((t) => t !== '') ?? ''
  issues.add(
    planIssue({
      severity: 'warning',
      code: 'totals-row',
      row: rows[0] ?? null,
      column: null,
      field: null,
      order: null,
      key: 'issue.totals-row',
      params: { rowList: rows.join(', '), count: rows.length, example: JSON.stringify(example) }
    })
  )
  return split
}

/** Order of each row of the whole table (0 for the rows left out). */
function spread(orderOf: Int32Array, skipped: readonly number[], count: number): Int32Array {
  const result = new Int32Array(count)
  const drop = new Set(skipped)
  let k = 0
  for (let r = 0; r < count; r++) result[r] = drop.has(r) ? 0 : (orderOf[k++] ?? -1) + 1
  return result
}

/** Fills in each order's error and warning counts (orders are made with 0 and 0) and returns
 * the totals for the plan. Only orders with issues are visited, unless the sheet itself has
 * errors, which every order shares. */
function tallyIssues(orders: PlannedOrder[], issues: readonly Issue[], sheetErrors: number): Omit<ImportPlan['counts'], 'rows'> {
  let errors = 0
  let warnings = 0
  if (sheetErrors > 0) for (const order of orders) order.errors = sheetErrors
  let invalid = sheetErrors > 0 ? orders.length : 0
  for (const issue of issues) {
    const order = issue.order === null ? undefined : orders[issue.order - 1]
    if (issue.severity === 'error') {
      errors++
      if (!order) continue
      if (order.errors === 0) invalid++
      order.errors++
    } else {
      warnings++
      if (order) order.warnings++
    }
  }
  return { orders: orders.length, validOrders: orders.length - invalid, errors, warnings }
}

/** The order's fingerprint, worked out on first use and kept on the order. */
export function fingerprintOf(order: PlannedOrder): string {
  order.fingerprint ??= orderFingerprint(order)
  return order.fingerprint
}

/** The same order twice in one file is usually a pasted-twice block or a re-export; it is only a
 * warning because two identical orders can be real (a customer buying twice the same day).
 * Equal orders have equal e-mail addresses (the address is part of the fingerprint), so only
 * orders whose address another order shares are fingerprinted and compared. */
function flagRepeatedOrders(orders: readonly PlannedOrder[], emails: ReadonlyArray<string | undefined>, hashes: Uint32Array, issues: IssueCollector): void {
  const firstByPrint = new Map<string, PlannedOrder>()
  for (const o of ordersSharingEmail(emails, hashes)) {
    const order = orders[o] as PlannedOrder
    const print = fingerprintOf(order)
    const earlier = firstByPrint.get(print)
    if (earlier === undefined) {
      firstByPrint.set(print, order)
      continue
    }
    issues.add(
      planIssue({
        severity: 'warning',
        code: 'duplicate-order',
        row: order.rows[0] ?? null,
        column: null,
        field: null,
        order: order.index,
        key: 'issue.duplicate-order',
        params: { ...orderPlaceParams(order, null), earlier: earlier.rows[0] ?? '?' }
      })
    )
  }
}
