// What the journal records for one CreateOrder attempt, from the verdict on its answer. Pure:
// the send loop decides the waits (the back-off governor) and acts on the verdict; this only
// says what goes on disk.
import type { CallOutcome, CreateOrderVerdict } from '#shared/wire/create-order-answers'
import type { OutcomeEntry } from '../journal'
import { msg, storedMessage, type Message } from '#shared/i18n/message'
import { verdictSaid } from './verdict-words'

export interface AttemptIds {
  orderId: number
  attemptId: number
}

/** `nextAttemptAt`: wall-clock ms when an order that goes back to the queue is due again (for a
 * stop, now: it waits for the user, not for a delay). Unused for the other verdicts. */
export function verdictEntry(ids: AttemptIds, verdict: CreateOrderVerdict, outcome: CallOutcome, nextAttemptAt: number): OutcomeEntry {
  const raw = outcome.kind === 'not-sent' ? null : (outcome.raw ?? null)
  const httpStatus = outcome.kind === 'answer' ? outcome.httpStatus : outcome.kind === 'unknown' ? (outcome.httpStatus ?? null) : null
  switch (verdict.state) {
    case 'succeeded':
      return { ...ids, kind: 'created', outcome: { billId: verdict.billId, existed: verdict.existed, raw: raw ?? '', httpStatus } }
    case 'failed':
      // Kept as its key and values: the API's text and code as they came, our advice worded where read.
      return { ...ids, kind: 'failed', outcome: { code: verdict.code, text: storedMessage(verdictSaid(verdict, outcome)), raw, httpStatus } }
    case 'stop':
      return { ...ids, kind: 'retry', outcome: { kind: 'stop', reason: storedMessage(verdictSaid(verdict, outcome)), nextAttemptAt, code: verdict.code, raw, httpStatus } }
    case 'backoff': {
      const reason = storedMessage(msg('orderNote.backoff', { code: verdict.code }))
      return { ...ids, kind: 'retry', outcome: { kind: 'backoff', reason, nextAttemptAt, code: verdict.code, raw, httpStatus } }
    }
    case 'retry':
      // A TLS certificate error stops the run: the order waits for the user, not for a delay.
      if (verdict.stopRun !== undefined) return { ...ids, kind: 'retry', outcome: { kind: 'stop', reason: verdict.reason, nextAttemptAt, code: 'tls' } }
      return { ...ids, kind: 'retry', outcome: { kind: 'retry', reason: storedReason(verdict.reason, outcome), nextAttemptAt } }
    case 'unknown':
      return { ...ids, kind: 'unknown', outcome: { reason: verdict.reasonMessage ? storedMessage(verdict.reasonMessage) : storedReason(verdict.reason, outcome), raw, httpStatus } }
  }
}

/** An intent claimed but never sent (the run paused or stopped first): back to the queue, due now. */
export function notSentEntry(ids: AttemptIds, why: Message, now: number): OutcomeEntry {
  return { ...ids, kind: 'retry', outcome: { kind: 'retry', reason: storedMessage(msg('orderNote.notSent', { why })), nextAttemptAt: now } }
}

/** The reason as the journal keeps it: the client's message (network trouble, an unexpected
 * problem) as its key and values when the verdict's reason is that reason, else its words. */
function storedReason(reason: string, outcome: CallOutcome): string {
  if (outcome.kind === 'answer' || outcome.reasonMessage === undefined || outcome.reason !== reason) return reason
  return storedMessage(outcome.reasonMessage)
}
