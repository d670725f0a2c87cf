// A run's status as data, for both front-ends: what the journal says about it (its record, where it
// was sent, its orders counted by state, what undo deleted) and the orders that need a person. The
// CLI's status (lines or JSON) and the app's History (run summaries) are made from these; what
// counts as "the latest run" or "an unfinished run" is decided here once.
import { SANDBOX_DESTINATION } from '#shared/run/destination'
import { readRunInfo, type Journal, type OrderRecord, type OrderState, type RunRecord } from '../journal'

export interface RunStatus {
  run: RunRecord
  /** Sent to the built-in sandbox (the run's stored source says so). */
  sandbox: boolean
  counts: Record<OrderState, number>
  total: number
}

export interface RunReport extends RunStatus {
  /** Orders of the run that undo deleted from the shop. */
  deleted: number
}

export function runStatus(journal: Pick<Journal, 'runCounts'>, run: RunRecord): RunStatus {
  const counts = journal.runCounts(run.id)
  return { run, sandbox: readRunInfo(run).sandbox, counts, total: totalOf(counts) }
}

/** The status with what undo did (a look at the run's deletions: for one run, not for lists). */
export function runReport(journal: Pick<Journal, 'runCounts' | 'deletions'>, run: RunRecord): RunReport {
  return { ...runStatus(journal, run), deleted: journal.deletions(run.id).size }
}

export function totalOf(counts: Record<OrderState, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

/** The run asked for, or the latest when none is named; null when the journal has no such run. */
export function findRun(journal: Pick<Journal, 'getRun' | 'latestRun'>, runId?: number): RunRecord | null {
  return runId === undefined ? journal.latestRun() : journal.getRun(runId)
}

/** Neither finished nor cancelled: there is something resume can do. */
export function isUnfinished(run: Pick<RunRecord, 'status'>): boolean {
  return run.status !== 'finished' && run.status !== 'cancelled'
}

/** The latest unfinished run sent to the sandbox (sandbox true) or to a shop (false). */
export function latestUnfinished(journal: Pick<Journal, 'listRuns'>, sandbox: boolean): RunRecord | null {
  return journal.listRuns().find((run) => isUnfinished(run) && (run.destination === SANDBOX_DESTINATION) === sandbox) ?? null
}

export interface OrderInState {
  order: OrderRecord
  /** The sheet rows it was made of. */
  rows: number[]
}

/** The run's orders in one state (failed, unclear, in flight) with their sheet rows, in order;
 * at most `limit` when given. */
export function ordersInState(journal: Pick<Journal, 'orders' | 'orderRows'>, runId: number, state: OrderState, limit?: number): OrderInState[] {
  const found: OrderInState[] = []
  for (const order of journal.orders(runId, [state], limit)) {
    if (limit !== undefined && found.length >= limit) break
    found.push({ order, rows: journal.orderRows(order.id).map((row) => row.sheetRow) })
  }
  return found
}
