// The journal: one SQLite file that is the durable queue and the audit trail of every import.
// One process drives it at a time (SQLite's exclusive lock on the file, see lock.ts); every state
// change is one flushed transaction, and none is made once the file at the path is not this one.
import { msg, storedMessage, type Message } from '#shared/i18n/message'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Database } from 'better-sqlite3'
import { ORDER_STATES } from '#shared/run/order-state'
import { createContext } from './context'
import { deletions, recordDeletion } from './deletions'
import { orderAfter } from './after-note'
import type { OrderAfter } from './after-note'
import { exportExtent, exportTuplesPage } from './export-rows'
import type { ExportExtent, ExportTuple } from './export-rows'
import type { JournalContext } from './context'
import { JournalError } from './errors'
import { fileIdentity, realJournalPath } from './lock'
import type { FileIdentity, JournalLock } from './lock'
import type { Migration } from './migrations'
import { integrityProblems, openDatabase } from './open-database'
import { replacedRefusal } from './refusals'
import { readDurabilityPragmas } from './pragmas'
import type { DurabilityPragmas } from './pragmas'
import * as queries from './queries'
import * as runs from './runs'
import { stageOrders } from './staging'
import { abandonSending, beginAttempts, recordOutcomes } from './batch'
import type { BegunOrderAttempt, OutcomeEntry } from './batch'
import { prepareStatements } from './statements'
import * as steps from './status-steps'
import type { StatusAttemptRecord, StatusOutcome, StatusStepRecord, StatusStepState } from './status-steps'
import * as transitions from './transitions'
import type { BegunAttempt, ResolveCreatedInput } from './transitions'
import type {
  AttemptRecord,
  CorrectedOrder,
  CreatedMatch,
  CreatedOutcome,
  CreateRunInput,
  DeletionRecord,
  FailedOutcome,
  OrderRecord,
  OrderRowRecord,
  OrderState,
  Page,
  RetryOutcome,
  RunRecord,
  RunSettings,
  RunStatus,
  StageOrderInput,
  StageResult,
  UnknownOutcome,
  StageOptions
} from './types'
import { journalStep } from './journal-step'

export interface JournalOptions {
  /** Clock for every timestamp the journal writes (epoch ms). Default Date.now. */
  now?: () => number
  /** Schema steps; tests pass a shorter list to build an older journal. Default: all. */
  migrations?: readonly Migration[]
}

const CRASH_NOTE = storedMessage(msg('orderNote.crashed'))
const STATUS_CRASH_NOTE = storedMessage(msg('orderNote.statusCrashed'))

export class Journal {
  /** Absolute real path of the journal file (symlinks followed). */
  readonly path: string
  /** Orders found 'sending' at open (a crash happened mid-flight), now 'unknown'. */
  readonly recoveredSending: number
  /** The previous Orderbatch holding this journal died without closing it. */
  readonly uncleanShutdown: boolean

  private readonly db: Database
  private readonly ctx: JournalContext
  private readonly lock: JournalLock
  /** The file that was opened and locked: every write first checks the path still names it. */
  private readonly identity: FileIdentity | null
  private closed = false

  private constructor(path: string, db: Database, lock: JournalLock, now: () => number) {
    this.path = path
    this.db = db
    this.lock = lock
    this.identity = fileIdentity(path)
    this.uncleanShutdown = lock.tookOverStale
    this.ctx = createContext(db, prepareStatements(db), path, now, () => this.requireSameFile())
    this.recoveredSending = this.recoverSending()
  }

  static open(path: string, options: JournalOptions = {}): Journal {
    const now = options.now ?? Date.now
    const absolute = resolve(path)
    makeFolder(absolute)
    const real = realJournalPath(absolute)
    const { db, lock } = openDatabase(real, { now, ...(options.migrations === undefined ? {} : { migrations: options.migrations }) })
    try {
      return new Journal(real, db, lock, now)
    } catch (error) {
      lock.abandon()
      db.close()
      throw error
    }
  }

  /** Closes the file (folding the write-ahead log into it) and releases the lock: the note of
   * who holds it goes first, while the lock is still ours, then the connection and its lock. */
  close(): void {
    if (this.closed) return
    this.closed = true
    try {
      if (this.fileIsHere()) this.lock.release()
    } finally {
      this.db.close()
    }
  }

  /** Whether the path still names the file this journal has open (not deleted, moved or replaced). */
  fileIsHere(): boolean {
    const now = fileIdentity(this.path)
    return this.identity !== null && now !== null && now.dev === this.identity.dev && now.ino === this.identity.ino
  }

  // Runs

  createRun(input: CreateRunInput): RunRecord {
    return runs.createRun(this.live(), input)
  }

  stageOrders(runId: number, orders: readonly StageOrderInput[], options?: StageOptions): StageResult {
    return stageOrders(this.live(), runId, orders, options)
  }

  /** createRun and stageOrders as ONE transaction: a failure anywhere leaves no run behind. */
  stageRun(input: CreateRunInput, orders: readonly StageOrderInput[], options?: StageOptions): { run: RunRecord; result: StageResult } {
    const ctx = this.live()
    return ctx.write(journalStep('journal.step.startImport', { source: input.sourceName }), () => {
      const run = runs.createRun(ctx, input)
      return { run, result: stageOrders(ctx, run.id, orders, options) }
    })
  }

  getRun(runId: number): RunRecord | null {
    return queries.getRun(this.live(), runId)
  }

  latestRun(): RunRecord | null {
    return queries.latestRun(this.live())
  }

  latestUnfinishedRun(): RunRecord | null {
    return queries.latestUnfinishedRun(this.live())
  }

  listRuns(): RunRecord[] {
    return queries.listRuns(this.live())
  }

  runsBySource(sourceHash: string): RunRecord[] {
    return queries.runsBySource(this.live(), sourceHash)
  }

  runCounts(runId: number): Record<OrderState, number> {
    return queries.runCounts(this.live(), runId)
  }

  setRunStatus(runId: number, status: RunStatus, note?: string | Message): RunRecord {
    return runs.setRunStatus(this.live(), runId, status, note)
  }

  updateRunSettings(runId: number, settings: RunSettings): RunRecord {
    return runs.updateRunSettings(this.live(), runId, settings)
  }

  // Orders

  nextDue(runId: number, now: number, limit: number): OrderRecord[] {
    return queries.nextDue(this.live(), runId, now, limit)
  }

  nextDueTime(runId: number): number | null {
    return queries.nextDueTime(this.live(), runId)
  }

  /** Every order of the run in the given states, in file order, read a page at a time by keyset:
   * changing the states of orders already yielded (or of any other) while iterating is safe. */
  *orders(runId: number, states: readonly OrderState[] = ORDER_STATES, pageSize = 1000): Generator<OrderRecord> {
    for (let after = 0; ; ) {
      const page = queries.ordersAfter(this.live(), runId, states, after, pageSize)
      yield* page
      if (page.length < pageSize) return
      after = page[page.length - 1]!.ordinal
    }
  }

  ordersByState(runId: number, states: readonly OrderState[], page: Page): OrderRecord[] {
    return queries.ordersByState(this.live(), runId, states, page)
  }

  orderByOrdinal(runId: number, ordinal: number): OrderRecord | null {
    return queries.orderByOrdinal(this.live(), runId, ordinal)
  }

  getOrder(orderId: number): OrderRecord | null {
    return queries.getOrder(this.live(), orderId)
  }

  orderRows(orderId: number): OrderRowRecord[] {
    return queries.orderRows(this.live(), orderId)
  }

  attempts(orderId: number): AttemptRecord[] {
    return queries.attempts(this.live(), orderId)
  }

  /** The first order created at this destination (any run) with this fingerprint: what staging
   * would skip it for. An order created elsewhere (the sandbox, another shop) does not count. */
  findCreated(fingerprint: string, destination: string): CreatedMatch | null {
    return queries.findCreated(this.live(), fingerprint, destination)
  }

  /** A page of a run's results for the export: keyset-paged on the ordinal (see export-rows). */
  exportTuplesPage(runId: number, states: readonly OrderState[], afterOrdinal: number, limit: number): ExportTuple[] {
    return exportTuplesPage(this.live(), runId, states, afterOrdinal, limit)
  }

  exportExtent(runId: number, states: readonly OrderState[]): ExportExtent {
    return exportExtent(this.live(), runId, states)
  }

  deletions(runId: number): Map<number, DeletionRecord> {
    return deletions(this.live(), runId)
  }

  /** Whether the order was deleted afterwards and the note to show for what was done with it
   * (undo's, or the user's decision while it is the last attempt): the export's rule (after-note). */
  orderAfter(orderId: number): OrderAfter {
    return orderAfter(this.live(), orderId)
  }

  recordDeletion(orderId: number, note?: string): DeletionRecord {
    return recordDeletion(this.live(), orderId, note)
  }

  /** Bill numbers the shop at this destination gave to created orders of the journal. */
  /** No pending order of the run waits past `latest` (epoch ms): waits written by an earlier
   * process, by a wall clock that may have moved since, are bounded. Returns how many moved. */
  capPendingWaits(runId: number, latest: number): number {
    const ctx = this.live()
    return ctx.write(journalStep('journal.step.boundWaits', { runId }), () => Number(ctx.st.capPendingWaits.run({ runId, latest: Math.floor(latest) }).changes))
  }

  billIdsClaimed(destination: string): Set<number> {
    return queries.billIdsClaimed(this.live(), destination)
  }

  // State machine

  beginAttempt(orderId: number): BegunAttempt {
    return transitions.beginAttempt(this.live(), orderId)
  }

  recordCreated(orderId: number, attemptId: number, outcome: CreatedOutcome): OrderRecord {
    return transitions.recordCreated(this.live(), orderId, attemptId, outcome)
  }

  recordFailed(orderId: number, attemptId: number, outcome: FailedOutcome): OrderRecord {
    return transitions.recordFailed(this.live(), orderId, attemptId, outcome)
  }

  recordRetry(orderId: number, attemptId: number, outcome: RetryOutcome): OrderRecord {
    return transitions.recordRetry(this.live(), orderId, attemptId, outcome)
  }

  recordUnknown(orderId: number, attemptId: number, outcome: UnknownOutcome): OrderRecord {
    return transitions.recordUnknown(this.live(), orderId, attemptId, outcome)
  }

  resolveCreated(orderId: number, input: ResolveCreatedInput): OrderRecord {
    return transitions.resolveCreated(this.live(), orderId, input)
  }

  resolveAbsent(orderId: number, input: { by: 'reconcile' | 'user'; note?: string }): OrderRecord {
    return transitions.resolveAbsent(this.live(), orderId, input)
  }

  requeueFailed(orderId: number, corrected?: CorrectedOrder, options?: { force?: boolean }): OrderRecord {
    return transitions.requeueFailed(this.live(), orderId, corrected, options)
  }

  skip(orderId: number, reason: string): OrderRecord {
    return transitions.skipOrder(this.live(), orderId, reason)
  }

  // Group commit (for the sender): many orders per flushed transaction

  /** beginAttempt for each order, all in one commit (all or none). */
  beginAttempts(orderIds: readonly number[]): BegunOrderAttempt[] {
    return beginAttempts(this.live(), orderIds)
  }

  /** recordCreated / recordFailed / recordRetry / recordUnknown for each entry, in one commit (all or none). */
  recordOutcomes(entries: readonly OutcomeEntry[]): OrderRecord[] {
    return recordOutcomes(this.live(), entries)
  }

  /** The run's orders left 'sending' by a sender that stopped without recording their answers
   * become 'unknown' (as at open after a crash). Call only when nothing of the run is in flight. */
  abandonSending(runId: number, reason: string): number {
    return abandonSending(this.live(), runId, reason)
  }

  // Status steps (UpdateOrderStatus after CreateOrder; see status-steps.ts)

  statusSteps(runId: number): Map<number, StatusStepRecord> {
    return steps.statusSteps(this.live(), runId)
  }

  statusStepsIn(runId: number, states: readonly StatusStepState[]): StatusStepRecord[] {
    return steps.statusStepsIn(this.live(), runId, states)
  }

  getStatusStep(orderId: number): StatusStepRecord | null {
    return steps.getStatusStep(this.live(), orderId)
  }

  nextDueStatusSteps(runId: number, now: number, limit: number): StatusStepRecord[] {
    return steps.nextDueStatusSteps(this.live(), runId, now, limit)
  }

  nextStatusDueTime(runId: number): number | null {
    return steps.nextStatusDueTime(this.live(), runId)
  }

  runHasStatusSteps(runId: number): boolean {
    return steps.runHasStatusSteps(this.live(), runId)
  }

  remainingStatusCalls(runId: number): number {
    return steps.remainingStatusCalls(this.live(), runId)
  }

  statusStepCounts(runId: number): Record<StatusStepState, number> {
    return steps.statusStepCounts(this.live(), runId)
  }

  beginStatusAttempt(orderId: number): { attemptId: number; step: StatusStepRecord } {
    return steps.beginStatusAttempt(this.live(), orderId)
  }

  recordStatusOutcome(orderId: number, attemptId: number, outcome: StatusOutcome): StatusStepRecord {
    return steps.recordStatusOutcome(this.live(), orderId, attemptId, outcome)
  }

  resolveStatus(orderId: number, input: { result: 'done' | 'absent'; by: 'check' | 'user'; note: string }): StatusStepRecord {
    return steps.resolveStatus(this.live(), orderId, input)
  }

  requeueStatus(orderId: number): StatusStepRecord {
    return steps.requeueStatus(this.live(), orderId)
  }

  /** The run's status steps left 'sending' become 'unknown'. Call only when nothing of the run is in flight. */
  abandonStatusSending(runId: number, note: string): number {
    return steps.abandonStatusSending(this.live(), runId, note)
  }

  statusAttempts(orderId: number): StatusAttemptRecord[] {
    return steps.statusAttempts(this.live(), orderId)
  }

  // Maintenance

  /** The durability settings as the connection reports them now (for tests and diagnostics). */
  durability(): DurabilityPragmas {
    const ctx = this.live()
    return ctx.read(journalStep('journal.step.readSettings'), () => readDurabilityPragmas(ctx.db))
  }

  /** Full SQLite integrity check; an empty list means the file is sound. */
  integrityCheck(): string[] {
    const ctx = this.live()
    return ctx.read(journalStep('journal.step.checkJournal'), () => integrityProblems(ctx.db))
  }

  private requireSameFile(): void {
    if (this.fileIsHere()) return
    const what = fileIdentity(this.path) === null ? 'missing' : 'other-file'
    throw new JournalError('replaced', this.path, replacedRefusal(this.path, what))
  }

  private live(): JournalContext {
    if (this.closed) {
      throw new JournalError('cannot-open', this.path, msg('journal.closed', { path: this.path }))
    }
    return this.ctx
  }

  /** We hold the lock, so nothing is in flight: an order still 'sending' was cut off by a crash
   * and may or may not exist in the shop. */
  private recoverSending(): number {
    const { st, now } = this.ctx
    const orders = this.ctx.write(journalStep('journal.step.recoverSending'), () => {
      st.closeOpenAttempts.run({ at: now(), note: CRASH_NOTE })
      return st.sendingToUnknown.run({ reason: CRASH_NOTE }).changes
    })
    steps.abandonStatusSending(this.ctx, null, STATUS_CRASH_NOTE)
    return orders
  }
}

function makeFolder(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true })
  } catch (cause) {
    throw new JournalError(
      'cannot-open',
      path,
      msg('journal.noFolder', { path }),
      { cause }
    )
  }
}
