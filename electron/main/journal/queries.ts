// Reads for the sender, the CLI and the UI. None of them changes anything.
import type { JournalContext } from './context'
import { toAttemptRecord, toOrderRecord, toOrderRowRecord, toRunRecord } from './records'
import type { AttemptRow, OrderRow, OrderRowsRow, RunRow } from './records'
import { ORDER_STATES } from './types'
import type { AttemptRecord, CreatedMatch, OrderRecord, OrderRowRecord, OrderState, Page, RunRecord } from './types'
import { journalStep } from './journal-step'

export function getRun(ctx: JournalContext, runId: number): RunRecord | null {
  const row = ctx.read(journalStep('journal.step.readRun', { runId }), () => ctx.st.getRun.get(runId) as RunRow | undefined)
  return row === undefined ? null : toRunRecord(ctx.path, row)
}

export function latestRun(ctx: JournalContext): RunRecord | null {
  const row = ctx.read(journalStep('journal.step.readLatestRun'), () => ctx.st.latestRun.get() as RunRow | undefined)
  return row === undefined ? null : toRunRecord(ctx.path, row)
}

/** The newest run that is neither finished nor cancelled (staged, running, paused or stopped). */
export function latestUnfinishedRun(ctx: JournalContext): RunRecord | null {
  const row = ctx.read(journalStep('journal.step.readLatestUnfinishedRun'), () => ctx.st.latestUnfinishedRun.get() as RunRow | undefined)
  return row === undefined ? null : toRunRecord(ctx.path, row)
}

/** Newest first. */
export function listRuns(ctx: JournalContext): RunRecord[] {
  const rows = ctx.read(journalStep('journal.step.listRuns'), () => ctx.st.listRuns.all() as RunRow[])
  return rows.map((row) => toRunRecord(ctx.path, row))
}

/** Earlier imports of the same file bytes, newest first. */
export function runsBySource(ctx: JournalContext, sourceHash: string): RunRecord[] {
  const rows = ctx.read(journalStep('journal.step.findEarlierImports'), () => ctx.st.runsBySource.all(sourceHash) as RunRow[])
  return rows.map((row) => toRunRecord(ctx.path, row))
}

export function runCounts(ctx: JournalContext, runId: number): Record<OrderState, number> {
  const rows = ctx.read(journalStep('journal.step.countOrders', { runId }), () => ctx.st.runCounts.all(runId) as Array<{ state: OrderState; n: number }>)
  const counts = Object.fromEntries(ORDER_STATES.map((state) => [state, 0])) as Record<OrderState, number>
  for (const row of rows) counts[row.state] = row.n
  return counts
}

/** Pending orders due at `now`, in file order. */
export function nextDue(ctx: JournalContext, runId: number, now: number, limit: number): OrderRecord[] {
  const rows = ctx.read(journalStep('journal.step.readNextOrders', { runId }), () => ctx.st.nextDue.all(runId, now, limit) as OrderRow[])
  return rows.map((row) => toOrderRecord(ctx.path, row))
}

/** When the earliest pending order of the run is due; null when nothing is pending. */
export function nextDueTime(ctx: JournalContext, runId: number): number | null {
  const at = ctx.read(journalStep('journal.step.readNextDueTime', { runId }), () => ctx.st.nextDueTime.get(runId) as number | null)
  return at ?? null
}

/** Orders of the run in the given states that come after `afterOrdinal` in file order: a keyset
 * page, so orders changing state between pages neither shift nor repeat the ones still to come. */
export function ordersAfter(ctx: JournalContext, runId: number, states: readonly OrderState[], afterOrdinal: number, limit: number): OrderRecord[] {
  const rows = ctx.read(journalStep('journal.step.listOrders', { runId }), () =>
    ctx.st.ordersAfter.all(runId, JSON.stringify(states), afterOrdinal, limit) as OrderRow[]
  )
  return rows.map((row) => toOrderRecord(ctx.path, row))
}

/** Orders of the run in the given states, in file order, one page at a time (for a screen that
 * shows page N; walking a whole run is orders()). */
export function ordersByState(ctx: JournalContext, runId: number, states: readonly OrderState[], page: Page): OrderRecord[] {
  const rows = ctx.read(journalStep('journal.step.listOrders', { runId }), () =>
    ctx.st.ordersByState.all(runId, JSON.stringify(states), page.limit, page.offset) as OrderRow[]
  )
  return rows.map((row) => toOrderRecord(ctx.path, row))
}

export function getOrder(ctx: JournalContext, orderId: number): OrderRecord | null {
  const row = ctx.read(journalStep('journal.step.readOrder', { orderId }), () => ctx.st.getOrder.get(orderId) as OrderRow | undefined)
  return row === undefined ? null : toOrderRecord(ctx.path, row)
}

/** Order #ordinal of the run (ordinals are 1..N within a run), or null. */
export function orderByOrdinal(ctx: JournalContext, runId: number, ordinal: number): OrderRecord | null {
  const row = ctx.read(journalStep('journal.step.readOrderByOrdinal', { ordinal, runId }), () => ctx.st.orderByOrdinal.get(runId, ordinal) as OrderRow | undefined)
  return row === undefined ? null : toOrderRecord(ctx.path, row)
}

export function orderRows(ctx: JournalContext, orderId: number): OrderRowRecord[] {
  const rows = ctx.read(journalStep('journal.step.readOrderRows', { orderId }), () => ctx.st.orderRows.all(orderId) as OrderRowsRow[])
  return rows.map((row) => toOrderRowRecord(ctx.path, row))
}

/** Oldest first. */
export function attempts(ctx: JournalContext, orderId: number): AttemptRecord[] {
  const rows = ctx.read(journalStep('journal.step.readAttempts', { orderId }), () => ctx.st.attempts.all(orderId) as AttemptRow[])
  return rows.map(toAttemptRecord)
}

/** Bill numbers already held by a created order in any run to this destination: reconciliation must not give one
 * shop order to two orders of a sheet. */
export function billIdsClaimed(ctx: JournalContext, destination: string): Set<number> {
  return new Set(ctx.read(journalStep('journal.step.readBillsInUse'), () => ctx.st.billIdsClaimed.all(destination) as number[]))
}

export function findCreated(ctx: JournalContext, fingerprint: string, destination: string): CreatedMatch | null {
  const row = ctx.read(journalStep('journal.step.findCreatedOrders'), () =>
    ctx.st.createdByFingerprint.get({ fingerprint, destination }) as { run_id: number; bill_id: number | null } | undefined
  )
  return row === undefined ? null : { runId: row.run_id, billId: row.bill_id }
}
