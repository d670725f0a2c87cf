// A run's orders after the fact: paging them, the user's decision for an unclear order, correcting
// a failed order in place, and putting failed orders back in the queue.
import { applyProductChoices } from '#shared/shop/product-choices'
import { createOrderParams } from '#shared/wire/create-order-params'
import type { RunOrder } from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'
import { planIssue } from '#shared/plan/issue-text'
import { fingerprintOf, planImport, type PlannedOrder } from '#shared/plan/import-plan'
import type { Mapping } from '#shared/mapping/mapping'
import type { Cell } from '#shared/sheet/sheet'
import { rowsMessage } from '../ops/describe-rows'
import { msg, type Message } from '#shared/i18n/message'
import { ORDER_STATES, type Journal, type OrderRecord, type OrderState, type RunRecord, type StagedRow } from '../journal'
import { failedAsTheyAre, reopen, requeueOrders, resolveOrder } from '../ops/requeue'
import { readRunInfo } from '../journal'
import type { CreatedIndex } from './created-index'
import { notFound, ServiceError } from './errors'
import type { JournalHolder } from './journal-holder'
import { runOrder } from './run-view'

export class RunOrders {
  constructor(
    private readonly journal: JournalHolder,
    private readonly created: CreatedIndex,
    private readonly now: () => number
  ) {}

  page(runId: number, states: readonly OrderState[] | undefined, offset: number, limit: number): { total: number; orders: RunOrder[] } {
    const journal = this.journal.get()
    const run = requireRun(journal, runId)
    const wanted = states && states.length > 0 ? states : ORDER_STATES
    const counts = journal.runCounts(runId)
    const total = wanted.reduce((sum, state) => sum + counts[state], 0)
    const orders = journal.ordersByState(runId, wanted, { offset, limit }).map((order) => runOrder(journal, run, order))
    return { total, orders }
  }

  resolve(runId: number, ordinal: number, decision: { kind: 'created'; billId: number } | { kind: 'absent' }): RunOrder {
    const journal = this.journal.get()
    const run = requireRun(journal, runId)
    const order = requireOrder(journal, runId, ordinal)
    if (order.state !== 'unknown') {
      throw new ServiceError('invalid-state', msg('service.notUnclear', { ordinal, runId, state: msg(`word.state.${order.state}`) }))
    }
    const updated = resolveOrder(journal, run, ordinal, decision, { created: msg('orderNote.resolve.createdInApp'), absent: msg('orderNote.resolve.absentInApp') })
    this.created.invalidate()
    return runOrder(journal, journal.getRun(runId) ?? run, updated)
  }

  /** Applies the user's corrections to a failed order's rows, plans it again with the run's
   * mapping and, when it is now valid, puts it back in the queue with the corrected data. */
  editFailed(runId: number, ordinal: number, cells: Record<string, string>): { order: RunOrder; issues: Issue[] } {
    const journal = this.journal.get()
    const run = requireRun(journal, runId)
    const order = requireOrder(journal, runId, ordinal)
    if (order.state !== 'failed') {
      throw new ServiceError('invalid-state', msg('service.notFailed', { ordinal, runId, state: msg(`word.state.${order.state}`) }))
    }
    const { mapping, source } = readRunInfo(run)
    if (!mapping || !source) {
      throw new ServiceError('invalid-state', msg('service.noRunInfo', { runId }))
    }
    const rows = applyCellEdits(journal.orderRows(order.id), source.headers, cells, ordinal)
    const replanned = planOrder(rows, source.headers, mapping, this.now())
    if (!replanned.valid || !replanned.order) return { order: runOrder(journal, run, order), issues: replanned.issues }
    const updated = journal.requeueFailed(order.id, {
      payload: createOrderParams(replanned.order),
      fingerprint: fingerprintOf(replanned.order),
      email: replanned.order.fields.bill_email ?? '',
      rows
    })
    reopen(journal, run, msg('runNote.why.corrected'))
    return { order: runOrder(journal, journal.getRun(runId) ?? run, updated), issues: replanned.issues }
  }

  /** Every failed order back in the queue as it is, except orders the sheet itself rejected: their
   * data must be corrected first. */
  requeueAllFailed(runId: number): { requeued: number; stillInvalid: number; messages: Message[] } {
    const journal = this.journal.get()
    const run = requireRun(journal, runId)
    const { requeue, needFix } = failedAsTheyAre(journal, run)
    const messages = needFix.map((order) => msg('service.stillErrors', { ordinal: order.ordinal, rows: rowsMessage(journal.orderRows(order.id).map((r) => r.sheetRow)) }))
    const { requeued, refused } = requeueOrders(journal, run, requeue)
    return { requeued, stillInvalid: requeue.length + needFix.length - requeued, messages: [...messages, ...refused] }
  }
}

export function requireRun(journal: Journal, runId: number): RunRecord {
  const run = journal.getRun(runId)
  if (!run) throw notFound(msg('service.noRun', { runId }))
  return run
}

function requireOrder(journal: Journal, runId: number, ordinal: number): OrderRecord {
  const order = journal.orderByOrdinal(runId, ordinal)
  if (!order) throw notFound(msg('service.noOrder', { runId, ordinal }))
  return order
}

/** A finished run with orders queued again is resumable once more. */

/** Keys are "<sheet row>:<0-based column>" for one cell, or a header for that column on every row. */
export function applyCellEdits(rows: ReadonlyArray<{ sheetRow: number; cells: unknown[] }>, headers: readonly string[], cells: Record<string, string>, ordinal: number): StagedRow[] {
  const copies = rows.map((row) => ({ sheetRow: row.sheetRow, cells: row.cells.slice() }))
  for (const [key, value] of Object.entries(cells)) {
    const cell = /^(\d+):(\d+)$/.exec(key)
    if (cell) {
      const target = copies.find((row) => row.sheetRow === Number(cell[1]))
      const column = Number(cell[2])
      if (!target) throw new ServiceError('invalid-input', msg('service.rowNotInOrder', { row: cell[1] ?? '', ordinal, rows: rowsMessage(copies.map((r) => r.sheetRow)) }))
      if (column >= headers.length) throw new ServiceError('invalid-input', msg('service.noColumnNumber', { number: column + 1, columns: headers.length }))
      setCell(target.cells, column, value)
      continue
    }
    const column = headers.findIndex((h) => h.trim() === key.trim())
    if (column < 0) throw new ServiceError('invalid-input', msg('service.noColumn', { column: key }))
    for (const row of copies) setCell(row.cells, column, value)
  }
  return copies
}

function setCell(cells: unknown[], column: number, value: string): void {
  while (cells.length <= column) cells.push(null)
  cells[column] = value
}

/** One order planned again from its rows alone. The run does not keep whether the workbook used
 * the 1904 date system; corrected cells are text, and dates typed as text do not depend on it. */
function planOrder(rows: readonly StagedRow[], headers: readonly string[], mapping: Mapping, now: number): { order: PlannedOrder | undefined; issues: Issue[]; valid: boolean } {
  const table = { headers: [...headers], rows: rows.map((r) => r.cells as Cell[]), rowNumbers: rows.map((r) => r.sheetRow), date1904: false }
  // The product choices the run was sent with (kept in its mapping) apply to a corrected order too.
  const plan = applyProductChoices(planImport(table, mapping, { now }), mapping.products ?? {})
  const issues = [...plan.issues]
  // The rows of one order stay one order: grouping by the run's column still holds them together,
  // and without grouping the order had one row. A changed order number would split them.
  if (plan.orders.length > 1) {
    issues.push(
      planIssue({
        severity: 'error',
        code: 'split-order',
        row: rows[0]?.sheetRow ?? null,
        column: null,
        field: null,
        order: null,
        key: 'issue.split-order',
        params: { sheetRows: rows.map((r) => r.sheetRow).join(','), orders: plan.orders.length }
      })
    )
  }
  const order = plan.orders.length === 1 ? plan.orders[0] : undefined
  const valid = order !== undefined && order.errors === 0 && !issues.some((i) => i.severity === 'error')
  return { order, issues, valid }
}
