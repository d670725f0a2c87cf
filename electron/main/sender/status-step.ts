// The second step of a paid, cancelled or returned order (issue 12 §2): once CreateOrder gave
// the order its bill id, UpdateOrderStatus(bill_id, status, date). Crash-safe like the first
// step: the intent is journaled before the request (inside the call slot, so a request that is
// never made leaves no intent); an unclear outcome is looked up with getOrderDetails before the
// request is sent again; a refusal that an already marked order may get ("wrong status" to a
// second "paid") is looked up too, and the order having the status counts as success.
//
// The run's sender owns the loop: it asks this module for due work and hands it its call slot
// (the run's pacer and concurrency), so both calls count against the same pace.
import { englishOf, messageOf, msg, storedMessage, type Message } from '#shared/i18n/message'
import type { ApiClient } from '../api/api-client'
import { parseOrderDetails } from '../api/lookup-parsers'
import type { Journal, StatusStepRecord } from '../journal'
import type { CallSlot } from '../reconcile/find-order'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { classifyUpdateStatus, hasStatus } from '#shared/wire/update-status-answers'

export type StatusClient = Pick<ApiClient, 'getOrderDetails'> & Partial<Pick<ApiClient, 'updateOrderStatus'>>

export type StatusEvent =
  | { kind: 'status-done'; orderId: number; ordinal: number; billId: number; status: string; already: boolean }
  /** `message`: English; `said`: the same as a message, for the reader's language. */
  | { kind: 'status-failed'; orderId: number; ordinal: number; billId: number; status: string; code: number | string | null; message: string; said?: Message }
  | { kind: 'status-unknown'; orderId: number; ordinal: number; billId: number; status: string; reason: string; reasonWhy?: Message }
  | { kind: 'status-retry'; orderId: number; ordinal: number; reason: string; delayMs: number }
  | { kind: 'status-checked'; orderId: number; ordinal: number; result: 'done' | 'absent' | 'undecided'; note: Message }

export type StatusFailpoint = 'before-status-intent' | 'after-status-intent' | 'after-status-answer'

/** Work the sender's loop gives its turn: an unclear step to look up, or a step to send. */
export type StatusWork = { kind: 'check'; orderId: number } | { kind: 'send'; step: StatusStepRecord }

export interface StatusStepDeps {
  journal: Journal
  client: StatusClient
  runId: number
  /** Epoch ms for the journal, as the sender keeps it. */
  journalNow: () => number
  /** Monotonic ms, for the settle delay of unclear steps. */
  monoNow: () => number
  /** The run's slot for one API call (pace and concurrency). Throws when the run stops first. */
  callSlot: CallSlot
  /** Wait after an unclear outcome before looking the order up. */
  settleMs: number
  /** The run must stop (codes 1-7, an unreadable TLS set-up). */
  requestStop: (message: string | Message) => void
  /** Delay before a request that never left is tried again (the sender's back-off). */
  retryDelayMs: (attempt: number) => number
  onEvent?: (event: StatusEvent) => void
  failpoint?: (name: StatusFailpoint) => void
}

/** Looks per unclear step and run, as for orders: the second comes before the run ends. */
const CHECK_TRIES = 2

export class StatusStepper {
  /** Unclear steps waiting to be looked up: order id -> monotonic due time and tries made. */
  private readonly checks = new Map<number, { dueAt: number | null; tries: number }>()

  constructor(private readonly deps: StatusStepDeps) {}

  /** Every step of the run the shop may have applied (left 'sending' or 'unknown') is looked
   * up before anything else is sent, once its settle delay has passed. */
  scheduleUnclear(): void {
    const { journal, runId } = this.deps
    journal.abandonStatusSending(runId, storedMessage(msg('orderNote.statusAbandoned')))
    for (const step of journal.statusStepsIn(runId, ['unknown'])) this.checks.set(step.orderId, { dueAt: this.deps.monoNow(), tries: 0 })
  }

  /** A step due now: first unclear steps to look up, then steps to send. */
  nextDue(): StatusWork | null {
    const now = this.deps.monoNow()
    for (const [orderId, check] of this.checks) if (check.dueAt !== null && check.dueAt <= now) return { kind: 'check', orderId }
    const [step] = this.deps.journal.nextDueStatusSteps(this.deps.runId, this.deps.journalNow(), 1)
    return step === undefined ? null : { kind: 'send', step }
  }

  /** Milliseconds until the next step is due (0: now), or null when none waits. */
  waitMs(): number | null {
    const waits: number[] = []
    const now = this.deps.monoNow()
    for (const check of this.checks.values()) if (check.dueAt !== null) waits.push(Math.max(0, check.dueAt - now))
    const due = this.deps.journal.nextStatusDueTime(this.deps.runId)
    if (due !== null) waits.push(Math.max(0, due - this.deps.journalNow()))
    return waits.length === 0 ? null : Math.min(...waits)
  }

  /** Before the run ends, each step that turned unclear during it gets one more look. */
  scheduleFinalChecks(): boolean {
    let scheduled = false
    for (const check of this.checks.values()) {
      if (check.dueAt !== null || check.tries >= CHECK_TRIES) continue
      check.dueAt = this.deps.monoNow() + this.deps.settleMs
      scheduled = true
    }
    return scheduled
  }

  async runDue(work: StatusWork): Promise<void> {
    if (work.kind === 'check') await this.check(work.orderId)
    else await this.send(work.step)
  }

  /** One UpdateOrderStatus for a step that is due. */
  async send(step: StatusStepRecord): Promise<void> {
    const { journal, client } = this.deps
    const billId = step.billId
    if (billId === null) return
    const update = client.updateOrderStatus?.bind(client)
    if (update === undefined) {
      this.deps.requestStop(msg('sendEnd.noStatusCalls'))
      return
    }
    this.deps.failpoint?.('before-status-intent')
    let attemptId: number | null = null
    let outcome: CallOutcome
    try {
      outcome = await this.deps.callSlot(async () => {
        // The intent, committed before the request: a crash from here on leaves the step
        // 'sending', which the next start turns 'unknown' and looks up.
        attemptId = journal.beginStatusAttempt(step.orderId).attemptId
        this.deps.failpoint?.('after-status-intent')
        const date = step.date ?? Math.floor(this.deps.journalNow() / 1000)
        try {
          return await update(billId, step.status, step.status === 'paid' ? date : undefined)
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error)
          const reasonMessage = msg('statusNote.unexpected', { detail })
          return { kind: 'unknown', reason: englishOf(reasonMessage), reasonMessage } as CallOutcome
        }
      })
    } catch (error) {
      // The slot was refused (the run stopped or was cancelled) before the intent: nothing sent.
      if (attemptId === null) return
      throw error
    }
    if (attemptId === null) return
    if (outcome.kind === 'answer') this.deps.failpoint?.('after-status-answer')
    await this.handle(step, attemptId, billId, outcome)
  }

  private async handle(step: StatusStepRecord, attemptId: number, billId: number, outcome: CallOutcome): Promise<void> {
    const { journal } = this.deps
    const raw = outcome.kind === 'not-sent' ? null : (outcome.raw ?? null)
    const httpStatus = outcome.kind === 'answer' ? outcome.httpStatus : outcome.kind === 'unknown' ? (outcome.httpStatus ?? null) : null
    const base = { orderId: step.orderId, ordinal: step.ordinal }
    const verdict = classifyUpdateStatus(outcome)
    switch (verdict.state) {
      case 'done':
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'done', raw, httpStatus })
        this.emit({ kind: 'status-done', ...base, billId, status: step.status, already: false })
        return
      case 'check': {
        // The order may have the status already (a second "paid"): the shop's record decides.
        let has: { result: 'done' | 'absent' | 'undecided'; note: Message }
        try {
          has = await this.lookUp(billId, step.status)
        } catch {
          has = { result: 'undecided', note: msg('statusNote.runStopped') }
        }
        if (has.result === 'undecided') {
          // Not known either way: unclear, looked up again before anything is resent.
          journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'unknown', reason: storedMessage(msg('statusNote.answerAndLookup', { answer: verdict.said, note: has.note })), raw, httpStatus })
          this.emit({ kind: 'status-unknown', ...base, billId, status: step.status, reason: englishOf(has.note), reasonWhy: has.note })
          this.checks.set(step.orderId, { dueAt: this.deps.monoNow() + this.deps.settleMs, tries: 0 })
          return
        }
        if (has.result === 'done') {
          journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'done', already: true, raw, httpStatus, note: storedMessage(has.note) })
          this.emit({ kind: 'status-done', ...base, billId, status: step.status, already: true })
          return
        }
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'failed', code: verdict.code, text: storedMessage(verdict.said), raw, httpStatus })
        this.emit({ kind: 'status-failed', ...base, billId, status: step.status, code: verdict.code, message: verdict.message, said: verdict.said })
        return
      }
      case 'failed':
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'failed', code: verdict.code, text: storedMessage(verdict.said), raw, httpStatus })
        this.emit({ kind: 'status-failed', ...base, billId, status: step.status, code: verdict.code, message: verdict.message, said: verdict.said })
        return
      case 'stop':
        this.deps.requestStop(verdict.said)
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'stop', reason: storedMessage(verdict.said), nextAttemptAt: this.deps.journalNow(), code: verdict.code, raw, httpStatus })
        return
      case 'backoff': {
        // The call slot saw the code 8 and holds the run; the step waits as long.
        const reason = storedMessage(msg('statusNote.backoff', { code: verdict.code }))
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'backoff', reason, nextAttemptAt: this.deps.journalNow() + this.deps.retryDelayMs(step.attempts), code: verdict.code, raw, httpStatus })
        return
      }
      case 'retry': {
        if (verdict.stopRun !== undefined) this.deps.requestStop(verdict.stopRun)
        const delayMs = this.deps.retryDelayMs(step.attempts)
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'retry', reason: storedReason(verdict.reason, outcome), nextAttemptAt: this.deps.journalNow() + delayMs })
        this.emit({ kind: 'status-retry', ...base, reason: verdict.reason, delayMs })
        return
      }
      case 'unknown': {
        if (verdict.stopRun !== undefined) this.deps.requestStop(verdict.stopRun)
        const why = verdict.reasonMessage ?? reasonMessageOf(verdict.reason, outcome)
        journal.recordStatusOutcome(step.orderId, attemptId, { kind: 'unknown', reason: why === undefined ? verdict.reason : storedMessage(why), raw, httpStatus })
        this.emit({ kind: 'status-unknown', ...base, billId, status: step.status, reason: verdict.reason, ...(why === undefined ? {} : { reasonWhy: why }) })
        this.checks.set(step.orderId, { dueAt: this.deps.monoNow() + this.deps.settleMs, tries: this.checks.get(step.orderId)?.tries ?? 0 })
      }
    }
  }

  /** An unclear step looked up: the order has the status (done), or it has not (sent again). */
  async check(orderId: number): Promise<void> {
    const slot = this.checks.get(orderId)
    if (slot === undefined) return
    slot.dueAt = null
    const step = this.deps.journal.getStatusStep(orderId)
    if (step === null || step.state !== 'unknown' || step.billId === null) {
      this.checks.delete(orderId)
      return
    }
    let found: { result: 'done' | 'absent' | 'undecided'; note: Message }
    try {
      found = await this.lookUp(step.billId, step.status)
    } catch {
      // The run stopped before the lookup: not a try; the step stays unclear for now.
      slot.dueAt = this.deps.monoNow()
      return
    }
    slot.tries += 1
    if (found.result !== 'undecided') {
      this.deps.journal.resolveStatus(orderId, { result: found.result, by: 'check', note: storedMessage(found.note) })
      this.checks.delete(orderId)
    } else if (slot.tries >= CHECK_TRIES) this.checks.delete(orderId)
    this.emit({ kind: 'status-checked', orderId, ordinal: step.ordinal, result: found.result, note: found.note })
  }

  /** getOrderDetails: whether the order has the status now. Throws when the slot is refused. */
  private async lookUp(billId: number, status: StatusStepRecord['status']): Promise<{ result: 'done' | 'absent' | 'undecided'; note: Message }> {
    const outcome = await this.deps.callSlot(() => this.deps.client.getOrderDetails(billId))
    if (outcome.kind !== 'answer') return { result: 'undecided', note: msg('statusNote.notLookedUp', { reason: outcome.reasonMessage ?? outcome.reason }) }
    if (outcome.errorCode !== 0) return { result: 'undecided', note: msg('statusNote.lookupAnswered', { text: outcome.errorText, code: outcome.errorCode }) }
    try {
      const details = parseOrderDetails(outcome.result)
      return hasStatus(details.payStatus, status)
        ? { result: 'done', note: msg('statusNote.shows', { bill: billId, payStatus: details.payStatus }) }
        : { result: 'absent', note: msg(`statusNote.showsNot.${status}`, { bill: billId, payStatus: details.payStatus }) }
    } catch (error) {
      return { result: 'undecided', note: messageOf(error) }
    }
  }

  private emit(event: StatusEvent): void {
    try {
      this.deps.onEvent?.(event)
    } catch {
      // A failing listener must not stop the sending.
    }
  }
}

/** The client's reason as a message when the verdict's reason is that reason (network trouble). */
function reasonMessageOf(reason: string, outcome: CallOutcome): Message | undefined {
  if (outcome.kind === 'answer' || outcome.reasonMessage === undefined || outcome.reason !== reason) return undefined
  return outcome.reasonMessage
}

/** The reason as the journal keeps it: the client's message as its key and values, else its words. */
function storedReason(reason: string, outcome: CallOutcome): string {
  const message = reasonMessageOf(reason, outcome)
  return message === undefined ? reason : storedMessage(message)
}
