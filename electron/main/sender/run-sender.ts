// The send loop of one run. The journal is the queue: the loop reads due orders from it, writes
// each intent ('sending') BEFORE the first byte goes out, sends one signed CreateOrder per order
// under the pacer (rate) and the semaphore (concurrency), and writes each outcome when its
// answer arrives. Unclear outcomes are looked up in the shop (reconciled), never resent blindly.
//
// GROUP COMMIT. A flushed commit costs one fsync, and a disk does a few hundred per second, so
// above ~20 orders/s intents are claimed in small batches (beginAttempts) and answers are
// written in groups (recordOutcomes), each batch one transaction. Both are safe:
// - an intent committed but not yet sent leaves its order 'sending'. If the run pauses or stops
//   first, the order is put back to 'pending' (it was never sent). If the process dies, the
//   next open turns it 'unknown', and reconciliation proves it absent -> 'pending' -> sent once.
// - an answer not yet committed also leaves its order 'sending' -> 'unknown' after a crash, and
//   reconciliation finds it in the shop -> 'succeeded', so it is not sent again.
// Nothing is sent twice and nothing is lost; a crash only costs lookups. At up to ~20 orders/s
// every batch holds one order, so each intent and each answer is its own commit.
import { englishOf, msg, storedMessage, type Message } from '#shared/i18n/message'
import { classifyCreateOrder } from '#shared/wire/create-order-answers'
import type { CallOutcome, CreateOrderVerdict } from '#shared/wire/create-order-answers'
import type { Journal, OrderRecord, OrderState, OutcomeEntry, Payload } from '../journal'
import { reconcileOrder } from '../reconcile/reconcile'
import type { CallSlot } from '../reconcile/reconcile'
import {
  BackoffGovernor,
  DEFAULT_LIMIT_BACKOFF,
  DEFAULT_LIMIT_GIVE_UP_MS,
  DEFAULT_NETWORK_GIVE_UP_MS,
  DEFAULT_RETRY_BACKOFF
} from './backoff-governor'
import { systemClock } from './clock'
import type { Clock } from './clock'
import { asLookup } from './failpoints'
import type { Failpoint } from './failpoints'
import {
  cancelledMessage,
  finishedMessage,
  limitGiveUpMessage,
  minutesOf,
  networkGiveUpMessage,
  unexpectedMessage
} from './messages'
import { OutcomeGroup } from './outcome-group'
import { Pacer } from './pacer'
import { ProgressThrottle } from './progress'
import { DEFAULT_SETTLE_MS, MAX_CARRIED_WAIT_MS, ReconcileSchedule } from './reconcile-schedule'
import { claimRun, releaseRun } from './run-registry'
import { Semaphore } from './semaphore'
import type { SendEvent, SenderDeps, SendOptions, SendProgress, SendResult } from './types'
import { notSentEntry, verdictEntry } from './verdict-entry'
import { verdictSaid } from './verdict-words'
import { Wakeup } from './wakeup'
import { StatusStepper, type StatusWork } from './status-step'

/** How long an answer may wait for others to share its commit. */
const GROUP_DELAY_MS = 20
const MAX_BATCH = 64
export { MAX_CARRIED_WAIT_MS }
const ABANDONED_NOTE = storedMessage(msg('orderNote.abandoned'))

/** Orders per intent batch and per answer group: 1 up to 20/s (each its own commit), then about
 * 50 ms worth of sending, at most 64. */
export function batchSizeFor(rate: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(rate / 20)))
}

interface Claim {
  order: OrderRecord
  attemptId: number
  payload: Payload
}

export class RunSender {
  private readonly journal: Journal
  private readonly client: SenderDeps['client']
  private readonly clock: Clock
  private readonly wallNow: () => number
  private readonly wallAtStart: number
  private readonly monoAtStart: number
  private readonly failpoint: Failpoint | undefined
  private readonly limitGiveUpMs: number
  private readonly networkGiveUpMs: number

  private readonly pacer: Pacer
  private readonly semaphore: Semaphore
  private readonly governor: BackoffGovernor
  private readonly schedule: ReconcileSchedule
  private readonly group: OutcomeGroup
  private readonly progress: ProgressThrottle<SendProgress>
  private readonly wake: Wakeup

  private interruptController = new AbortController()
  private cancelled = false
  private pausedFlag = false
  private over = false
  private stopMessage: Message | null = null
  private claimed: Claim[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private lastCounts: Record<OrderState, number> | null = null
  /** The second step of paid, cancelled and returned orders (UpdateOrderStatus, issue 12). */
  private readonly steps: StatusStepper
  /** The run has status steps at all (read at the start; no step queries otherwise). */
  private hasSteps = false

  constructor(
    private readonly runId: number,
    deps: SenderDeps,
    private readonly options: SendOptions
  ) {
    checkOptions(options)
    this.journal = deps.journal
    this.client = deps.client
    this.clock = deps.clock ?? systemClock
    this.wallNow = deps.wallNow ?? Date.now
    this.wallAtStart = this.wallNow()
    this.monoAtStart = this.clock.now()
    this.failpoint = deps.failpoint
    this.limitGiveUpMs = options.limitGiveUpMs ?? DEFAULT_LIMIT_GIVE_UP_MS
    this.networkGiveUpMs = options.networkGiveUpMs ?? DEFAULT_NETWORK_GIVE_UP_MS
    this.pacer = new Pacer(this.clock, options.rate)
    this.semaphore = new Semaphore(options.concurrency)
    this.governor = new BackoffGovernor({
      clock: this.clock,
      pacer: this.pacer,
      rate: options.rate,
      random: deps.random ?? Math.random,
      limitBackoff: options.limitBackoff ?? DEFAULT_LIMIT_BACKOFF,
      retryBackoff: options.retryBackoff ?? DEFAULT_RETRY_BACKOFF,
      limitGiveUpMs: this.limitGiveUpMs,
      networkGiveUpMs: this.networkGiveUpMs
    })
    this.schedule = new ReconcileSchedule(this.clock, options.settleMs ?? DEFAULT_SETTLE_MS)
    this.wake = new Wakeup(this.clock)
    this.progress = new ProgressThrottle(this.clock, () => this.snapshot(), options.onProgress)
    this.group = new OutcomeGroup({
      commit: (entries) => this.journal.recordOutcomes(entries),
      beforeCommit: () => this.failpoint?.('before-outcome-commit'),
      onError: (error) => this.requestStop(unexpectedMessage(this.runId, error)),
      delayMs: GROUP_DELAY_MS
    })
    this.steps = new StatusStepper({
      journal: this.journal,
      client: this.client,
      runId,
      journalNow: () => this.journalNow(),
      monoNow: () => this.clock.now(),
      // Status calls and their lookups share the run's pace and concurrency with CreateOrder.
      callSlot: this.lookupSlot,
      settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
      requestStop: (message) => this.requestStop(message),
      retryDelayMs: (attempt) => Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6)),
      onEvent: (event) => {
        this.emit(event)
        this.progress.update()
      },
      ...(this.failpoint === undefined ? {} : { failpoint: this.failpoint })
    })
    const { signal } = options
    if (signal?.aborted) this.cancelled = true
    else signal?.addEventListener('abort', () => this.cancel(), { once: true })
  }

  get paused(): boolean {
    return this.pausedFlag
  }

  pause(): void {
    if (this.over || this.pausedFlag || this.halted) return
    this.pausedFlag = true
    this.setStatus('paused')
    this.interrupt()
    this.progress.update()
  }

  resume(): void {
    if (this.over || !this.pausedFlag) return
    this.pausedFlag = false
    if (!this.halted) this.setStatus('running')
    this.wake.notify()
    this.progress.update()
  }

  cancel(): void {
    if (this.over || this.cancelled) return
    this.cancelled = true
    this.interrupt()
  }

  async run(): Promise<SendResult> {
    const key = `${this.journal.path}#${this.runId}`
    if (!claimRun(key)) {
      this.over = true
      return this.result('stopped', msg('sendEnd.alreadySending', { runId: this.runId }))
    }
    try {
      const problem = this.prepare()
      if (problem !== null) return this.result('stopped', problem)
      await this.prePass()
      await this.sendLoop()
      await this.drain()
      return this.conclude()
    } catch (error) {
      this.requestStop(unexpectedMessage(this.runId, error))
      await this.drain()
      return this.conclude()
    } finally {
      this.over = true
      this.group.dispose()
      releaseRun(key)
      this.progress.final()
    }
  }

  /** Wall-clock time for the journal's next_attempt_at, moved on by the monotonic clock: within
   * this process a wall clock set back (or forward) changes no wait. */
  private journalNow(): number {
    return Math.round(this.wallAtStart + (this.clock.now() - this.monoAtStart))
  }

  // Phases

  private prepare(): Message | null {
    const run = this.journal.getRun(this.runId)
    if (run === null) return msg('sendEnd.noRun', { runId: this.runId, path: this.journal.path })
    if (run.status === 'cancelled') return msg('sendEnd.cancelled', { runId: this.runId })
    // Nothing of this run is in flight (the registry says so): an order still 'sending' was
    // left by a sender that stopped on a storage error, and may have been sent.
    this.journal.abandonSending(this.runId, ABANDONED_NOTE)
    this.hasSteps = this.journal.runHasStatusSteps(this.runId)
    // Status steps left 'sending' are unclear: looked up before they are sent again.
    if (this.hasSteps) this.steps.scheduleUnclear()
    // Waits an earlier process wrote by its wall clock are carried over for at most 2 minutes.
    this.journal.capPendingWaits(this.runId, this.journalNow() + MAX_CARRIED_WAIT_MS)
    this.journal.setRunStatus(this.runId, this.pausedFlag ? 'paused' : 'running')
    this.progress.update()
    return null
  }

  /** Before sending: every unclear order of the run is looked up, once its settle delay passed. */
  private async prePass(): Promise<void> {
    for (const order of this.unknownOrders()) this.schedule.carriedOver(order.id, order.sentAt, this.journalNow())
    for (;;) {
      if (this.halted) return
      if (this.pausedFlag) {
        await this.wake.wait(null)
        continue
      }
      const next = this.schedule.earliest()
      if (next === null) return
      const wait = next.dueAt - this.clock.now()
      if (wait > 0) await this.wake.wait(wait)
      else await this.reconcileOne(next.orderId)
    }
  }

  private async sendLoop(): Promise<void> {
    for (;;) {
      if (this.halted) return
      if (this.pausedFlag) {
        await this.whilePaused()
        continue
      }
      const due = this.schedule.due()
      if (due !== null) {
        await this.reconcileOne(due)
        continue
      }
      // A created order's status goes before the next order: an order meant as paid should not
      // sit unpaid (payment reminders) longer than it must.
      const step = this.hasSteps ? this.steps.nextDue() : null
      if (step !== null) {
        await this.statusStep(step)
        continue
      }
      if (!(await this.interruptible(() => this.semaphore.acquire(this.interruptController.signal)))) continue
      if (this.halted || this.pausedFlag) {
        this.semaphore.release()
        continue
      }
      if (this.claimed.length === 0) this.claimBatch()
      if (this.claimed.length === 0) {
        this.semaphore.release()
        if ((await this.idle()) === 'done') return
        continue
      }
      let launched = false
      await this.interruptible(() =>
        this.pacer.acquire(this.interruptController.signal, () => {
          if (this.halted || this.pausedFlag) return
          this.launch(this.claimed.shift()!)
          launched = true
        })
      )
      if (!launched) this.semaphore.release()
    }
  }

  /** Nothing to start now: commit what is waiting, then sleep until the next timed work, or
   * end the run when there is none. */
  private async idle(): Promise<'again' | 'done'> {
    if (this.group.size > 0) {
      this.group.flush()
      return 'again'
    }
    const dueAt = this.journal.nextDueTime(this.runId)
    const slot = this.schedule.earliest()
    const stepWait = this.hasSteps ? this.steps.waitMs() : null
    const waits = [dueAt === null ? Infinity : dueAt - this.journalNow(), slot === null ? Infinity : slot.dueAt - this.clock.now(), stepWait ?? Infinity]
    const wait = Math.min(...waits)
    if (wait === Infinity && this.inFlight.size === 0) {
      const finalTries = this.schedule.scheduleFinalTries()
      const finalChecks = this.hasSteps && this.steps.scheduleFinalChecks()
      return finalTries || finalChecks ? 'again' : 'done'
    }
    await this.wake.wait(wait === Infinity ? null : Math.max(1, wait))
    return 'again'
  }

  private async whilePaused(): Promise<void> {
    this.releaseClaimed(msg('orderNote.notSent.paused'))
    this.group.flush()
    while (this.pausedFlag && !this.halted) await this.wake.wait(null)
  }

  /** In-flight requests finish and everything learnt is committed. */
  private async drain(): Promise<void> {
    this.releaseClaimed(msg(this.cancelled ? 'orderNote.notSent.cancelled' : 'orderNote.notSent.stopped'))
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
    this.group.flush()
  }

  private conclude(): SendResult {
    if (this.stopMessage !== null) {
      this.setStatus('stopped')
      return this.result('stopped', this.stopMessage)
    }
    if (this.cancelled) {
      this.setStatus('paused')
      return this.result('cancelled', cancelledMessage(this.runId, this.counts()))
    }
    this.setStatus('finished')
    return this.result('finished', finishedMessage(this.runId, this.counts()))
  }

  // Sending

  private claimBatch(): void {
    const size = batchSizeFor(this.governor.rate)
    const due = this.journal.nextDue(this.runId, this.journalNow(), size)
    if (due.length === 0) return
    const begun = this.journal.beginAttempts(due.map((order) => order.id))
    this.claimed = begun.map((attempt, i) => ({ order: due[i]!, attemptId: attempt.attemptId, payload: attempt.payload }))
    for (let i = 0; i < begun.length; i++) this.failpoint?.('after-intent-commit')
    this.progress.update()
  }

  /** Claimed intents that were never sent go back to the queue. */
  private releaseClaimed(why: Message): void {
    const claimed = this.claimed
    this.claimed = []
    for (const claim of claimed) {
      this.record(notSentEntry({ orderId: claim.order.id, attemptId: claim.attemptId }, why, this.journalNow()))
    }
  }

  private launch(claim: Claim): void {
    const task: Promise<void> = this.sendOne(claim)
      .catch((error: unknown) => this.requestStop(unexpectedMessage(this.runId, error)))
      .finally(() => {
        this.inFlight.delete(task)
        this.wake.notify()
      })
    this.inFlight.add(task)
  }

  private async sendOne(claim: Claim): Promise<void> {
    const startedAt = this.clock.now()
    let outcome: CallOutcome
    try {
      outcome = await this.client.createOrder(claim.payload)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      const reasonMessage = msg('orderNote.unexpected', { detail })
      outcome = { kind: 'unknown', reason: englishOf(reasonMessage), reasonMessage }
    } finally {
      // The client resolves only when the connection is closed: the slot is really free.
      this.semaphore.release()
    }
    if (outcome.kind === 'answer') this.failpoint?.('after-answer')
    this.handle(claim, classifyCreateOrder(outcome), outcome, startedAt)
  }

  private handle(claim: Claim, verdict: CreateOrderVerdict, outcome: CallOutcome, startedAt: number): void {
    const { order, attemptId } = claim
    const ids = { orderId: order.id, attemptId }
    const event = { orderId: order.id, ordinal: order.ordinal }
    switch (verdict.state) {
      case 'succeeded':
        this.governor.answered()
        this.record(verdictEntry(ids, verdict, outcome, this.journalNow()), () => {
          this.progress.completed()
          this.emit({ kind: 'created', ...event, billId: verdict.billId, existed: verdict.existed })
        })
        return
      case 'failed':
        this.governor.answered()
        this.record(verdictEntry(ids, verdict, outcome, this.journalNow()), () => {
          this.progress.completed()
          this.emit({ kind: 'failed', ...event, code: verdict.code, message: verdict.message, said: verdictSaid(verdict, outcome) })
        })
        return
      case 'stop':
        this.governor.endNetworkTrouble()
        this.requestStop(verdictSaid(verdict, outcome))
        this.record(verdictEntry(ids, verdict, outcome, this.journalNow()))
        return
      case 'backoff': {
        this.governor.endNetworkTrouble()
        const delayMs = this.rateLimited(startedAt, verdict.code, verdict.text)
        this.record(verdictEntry(ids, verdict, outcome, this.journalNow() + delayMs))
        return
      }
      case 'retry': {
        if (verdict.stopRun !== undefined) {
          this.governor.endNetworkTrouble()
          this.requestStop(verdict.stopRun)
          this.record(verdictEntry(ids, verdict, outcome, this.journalNow()))
          return
        }
        const delayMs = this.notSent(verdict.reason)
        this.record(verdictEntry(ids, verdict, outcome, this.journalNow() + delayMs), () => {
          // A run that is stopping will not try again: the stop event says what happens instead.
          if (!this.halted) this.emit({ kind: 'retry', ...event, reason: verdict.reason, delayMs, ...reasonWhyOf(verdict.reason, outcome) })
        })
        return
      }
      case 'unknown':
        this.governor.endNetworkTrouble()
        if (verdict.stopRun !== undefined) this.requestStop(verdict.stopRun)
        this.record(verdictEntry(ids, verdict, outcome, this.journalNow()), () => {
          this.progress.completed()
          this.emit({ kind: 'unknown', ...event, reason: verdict.reason, ...(verdict.reasonMessage ? { reasonWhy: verdict.reasonMessage } : reasonWhyOf(verdict.reason, outcome)) })
          if (this.schedule.turnedUnknown(order.id)) this.wake.notify()
        })
        return
    }
  }

  private record(entry: OutcomeEntry, after?: () => void): void {
    const limit = batchSizeFor(this.governor.rate)
    // Nothing else in flight: no answer will come to share the commit with.
    const alone = this.semaphore.inFlight === 0 && this.claimed.length === 0
    this.group.add(
      {
        entry,
        after: () => {
          after?.()
          this.progress.update()
        }
      },
      limit,
      alone
    )
  }

  // Back-off (decided by the governor; the loop tells and stops)

  /** Code 8: the governor holds every start; a new back-off is told, and may end the run. */
  private rateLimited(startedAt: number, code: number, text: string): number {
    const decision = this.governor.rateLimited(startedAt)
    if (decision.fresh) {
      this.emit({ kind: 'backoff', code, text, delayMs: decision.delayMs, rate: this.governor.rate })
      this.progress.update()
      if (decision.giveUp) this.requestStop(limitGiveUpMessage(this.runId, minutesOf(this.limitGiveUpMs)))
    }
    return decision.delayMs
  }

  /** The request never left: the governor holds every start; a long outage ends the run. */
  private notSent(reason: string): number {
    const decision = this.governor.notSent()
    if (decision.giveUp) this.requestStop(networkGiveUpMessage(this.runId, minutesOf(this.networkGiveUpMs), reason))
    return decision.delayMs
  }

  // Status steps (status-step.ts decides; the loop gives them their turn)

  private async statusStep(work: StatusWork): Promise<void> {
    try {
      await this.steps.runDue(work)
    } catch (error) {
      this.requestStop(unexpectedMessage(this.runId, error))
    }
    this.progress.update()
  }

  // Reconciliation (timed by the schedule)

  private async reconcileOne(orderId: number): Promise<void> {
    if (!this.schedule.start(orderId)) return
    const order = this.journal.getOrder(orderId)
    if (order === null || order.state !== 'unknown') {
      this.schedule.drop(orderId)
      return
    }
    const found = await reconcileOrder(order, { journal: this.journal, client: this.client, callSlot: this.lookupSlot })
    if (this.halted && found.result === 'undecided') {
      // Cut short by a stop or cancel: not a real try; the order stays unclear for now.
      this.schedule.interrupted(orderId)
      return
    }
    this.schedule.tried(orderId, found.result !== 'undecided')
    this.emit({
      kind: 'reconciled',
      orderId,
      ordinal: order.ordinal,
      result: found.result,
      ...(found.result === 'created' ? { billId: found.billId } : {}),
      note: found.note,
      ...(found.said ? { said: found.said } : {})
    })
    this.progress.update()
  }

  /** Lookups share the run's limits: they count against the API's rate and take a connection. */
  private readonly lookupSlot: CallSlot = async (call) => {
    for (;;) {
      if (this.halted) throw new Error(`run ${this.runId} stopped before the lookup was made`)
      if (this.pausedFlag) {
        await this.wake.wait(null)
        continue
      }
      const signal = this.interruptController.signal
      if (!(await this.interruptible(() => this.semaphore.acquire(signal)))) continue
      try {
        if (!(await this.interruptible(() => this.pacer.acquire(signal)))) continue
        if (this.halted || this.pausedFlag) continue
        const startedAt = this.clock.now()
        const outcome = await asLookup(call)
        this.observeLookup(outcome, startedAt)
        return outcome
      } finally {
        this.semaphore.release()
      }
    }
  }

  private observeLookup(outcome: unknown, startedAt: number): void {
    if (!isCallOutcome(outcome)) return
    if (outcome.kind === 'not-sent') this.notSent(outcome.reason)
    else if (outcome.kind === 'unknown') this.governor.endNetworkTrouble()
    else if (outcome.errorCode === 8) this.rateLimited(startedAt, outcome.errorCode, outcome.errorText)
    else this.governor.answered()
  }

  // State

  private get halted(): boolean {
    return this.cancelled || this.stopMessage !== null
  }

  private requestStop(given: string | Message): void {
    if (this.stopMessage !== null) return
    const said = typeof given === 'string' ? msg('error.asIs', { text: given }) : given
    this.stopMessage = said
    this.emit({ kind: 'stop', message: englishOf(said), said })
    this.interrupt()
  }

  /** Wakes every wait of the loop (semaphore, pacer, sleeps) so it looks at its state again. */
  private interrupt(): void {
    this.interruptController.abort()
    this.interruptController = new AbortController()
    this.wake.notify()
  }

  private async interruptible(wait: () => Promise<void>): Promise<boolean> {
    try {
      await wait()
      return true
    } catch {
      return false
    }
  }

  private setStatus(status: 'running' | 'paused' | 'stopped' | 'finished'): void {
    try {
      this.journal.setRunStatus(this.runId, status)
    } catch (error) {
      this.requestStop(unexpectedMessage(this.runId, error))
    }
  }

  private unknownOrders(): OrderRecord[] {
    return [...this.journal.orders(this.runId, ['unknown'])]
  }

  private counts(): Record<OrderState, number> {
    try {
      this.lastCounts = this.journal.runCounts(this.runId)
    } catch {
      // The journal could not be read (closed or failing): report what was last known.
    }
    return this.lastCounts ?? { pending: 0, sending: 0, succeeded: 0, failed: 0, unknown: 0, skipped: 0 }
  }

  private snapshot(): SendProgress {
    const counts = this.counts()
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
    const perMinute = this.progress.perMinute()
    const remaining = counts.pending + counts.sending
    // Calls left: CreateOrder for each order to send, UpdateOrderStatus for each status to set.
    const calls = remaining + (this.hasSteps ? this.remainingStatusCalls() : 0)
    const perSecond = this.hasSteps
      ? this.governor.rate
      : perMinute === null ? this.governor.rate : Math.min(this.governor.rate, perMinute / 60)
    const heldFor = this.governor.heldUntil - this.clock.now()
    return {
      runId: this.runId,
      counts,
      total,
      inFlight: this.semaphore.inFlight,
      paused: this.pausedFlag,
      rate: this.governor.rate,
      perMinute,
      etaSeconds: calls === 0 ? 0 : this.pausedFlag || perSecond <= 0 ? null : Math.ceil(calls / perSecond),
      calls,
      ordersLeft: remaining,
      backoffUntil: heldFor > 0 ? Math.round(this.wallNow() + heldFor) : null
    }
  }

  private remainingStatusCalls(): number {
    try {
      return this.journal.remainingStatusCalls(this.runId)
    } catch {
      return 0
    }
  }

  private result(outcome: SendResult['outcome'], said: Message): SendResult {
    return { runId: this.runId, outcome, counts: this.counts(), message: englishOf(said), said }
  }

  private emit(event: SendEvent): void {
    try {
      this.options.onEvent?.(event)
    } catch {
      // A failing listener must not stop the sending.
    }
  }
}

function isCallOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'object' && value !== null && 'kind' in value
}

function checkOptions(options: SendOptions): void {
  if (!(Number.isFinite(options.rate) && options.rate > 0)) {
    throw new RangeError(`The sending rate must be a positive number of orders per second, not ${String(options.rate)}.`)
  }
  if (!(Number.isInteger(options.concurrency) && options.concurrency >= 1)) {
    throw new RangeError(`The number of requests in flight must be a whole number from 1, not ${String(options.concurrency)}.`)
  }
  for (const key of ['settleMs', 'limitGiveUpMs', 'networkGiveUpMs'] as const) {
    const value = options[key]
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`The sending option ${key} must be 0 or more milliseconds, not ${String(value)}.`)
    }
  }
}

/** The client's reason as a message, when the verdict's reason is that reason (network trouble),
 * so the live log and the CLI word it in the reader's language. */
function reasonWhyOf(reason: string, outcome: CallOutcome): { reasonWhy?: Message } {
  if (outcome.kind === 'answer' || outcome.reasonMessage === undefined || outcome.reason !== reason) return {}
  return { reasonWhy: outcome.reasonMessage }
}
