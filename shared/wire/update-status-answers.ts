// What one UpdateOrderStatus call came to (issue 12 §2), the second step of a paid, cancelled
// or returned order. Codes from api-research.md §2: 0 "order status changed"; 200 nonexistent
// order, 201 wrong status, 202 order not paid ("error while paying"), 203 order number is empty;
// and, from the doc's overlapping group for deleting/changing orders, 302 nonexistent order and
// 303 wrong status. Codes 1-8 are common to every function and mean what they mean for CreateOrder.
import { classifyCreateOrder, type CallOutcome } from './create-order-answers'
import { answerAdvice } from './answer-advice'
import { englishOf, msg, type Message } from '../i18n/message'
import type { CatalogKey } from '../i18n/catalog/index'

export type StatusVerdict =
  /** Code 0: the order has the status now. */
  | { state: 'done' }
  /** A refusal that an order which already has this status may also get (a second "paid"):
   * look the order up; when it has the status, the step is done, else it failed. */
  | { state: 'check'; code: number; text: string; message: string; said: Message }
  /** The shop refused; sending the same again will not help (`retryable`: it may). `message`:
   * English; `said`: the same as a message (kept as a key in the journal, worded where read). */
  | { state: 'failed'; code: number; text: string; retryable: boolean; message: string; said: Message }
  | { state: 'stop'; code: number; text: string; message: string; said: Message }
  | { state: 'backoff'; code: number; text: string }
  | { state: 'retry'; reason: string; stopRun?: Message }
  /** May have been applied: never resent before the order is looked up. `reasonMessage`: the
   * reason as a message when Orderbatch words it (reason is its English). */
  | { state: 'unknown'; reason: string; reasonMessage?: Message; stopRun?: Message }

export interface StatusAnswerMeaning {
  documentedText: string
  meaning: string
  verdict: 'done' | 'check' | 'failed'
  retryable?: boolean
  /** The English of the advice; `adviceKey` is the same in the catalog (a unit test checks). */
  advice: string
  adviceKey: CatalogKey
}

/** UpdateOrderStatus's own codes; 1-8 are read with CreateOrder's table. */
export const UPDATE_STATUS_ANSWERS: Readonly<Record<number, StatusAnswerMeaning>> = {
  0: { documentedText: 'order status changed', meaning: 'the order has the new status', verdict: 'done', advice: 'Nothing to do.', adviceKey: 'statusAdvice.0' },
  200: {
    documentedText: 'nonexistent order',
    meaning: 'the shop has no order with this number',
    verdict: 'failed',
    retryable: false,
    advice: 'The shop has no order with this number: it may have been deleted in the shop. Check the order there; if it is gone, there is nothing to mark.',
    adviceKey: 'statusAdvice.200'
  },
  201: {
    documentedText: 'wrong status',
    meaning: 'the shop refused this status for the order',
    verdict: 'check',
    advice: 'The shop refused to give the order this status (it may have another status already, set in the shop). Set it in the shop by hand, or retry the status step.',
    adviceKey: 'statusAdvice.201'
  },
  202: {
    documentedText: 'order not paid',
    meaning: 'the shop could not record the payment',
    verdict: 'check',
    advice: 'The shop could not record the payment. Retry the status step later; if it fails again, mark the order paid in the shop (the Paid button on the order card).',
    adviceKey: 'statusAdvice.202'
  },
  203: {
    documentedText: 'order number is empty',
    meaning: 'the request arrived without an order number',
    verdict: 'failed',
    retryable: true,
    advice: 'The request reached the shop without the order number; something between this computer and the API changed it. Retry the status step; report it to us if it persists.',
    adviceKey: 'statusAdvice.203'
  },
  302: {
    documentedText: 'nonexistent order',
    meaning: 'the shop has no order with this number',
    verdict: 'failed',
    retryable: false,
    advice: 'The shop has no order with this number: it may have been deleted in the shop. Check the order there; if it is gone, there is nothing to mark.',
    adviceKey: 'statusAdvice.302'
  },
  303: {
    documentedText: 'wrong status',
    meaning: 'the shop has no such status',
    verdict: 'check',
    advice: 'The shop refused to give the order this status. Set it in the shop by hand, or retry the status step.',
    adviceKey: 'statusAdvice.303'
  }
}

export function classifyUpdateStatus(outcome: CallOutcome): StatusVerdict {
  if (outcome.kind !== 'answer') return common(outcome)
  const { errorCode: code, errorText: text } = outcome
  if (code >= 1 && code <= 8) return common(outcome)
  const known = UPDATE_STATUS_ANSWERS[code]
  if (known === undefined) {
    const said = msg('statusVerdict.unrecognized', { text, code })
    return { state: 'failed', code, text, retryable: true, message: englishOf(said), said }
  }
  if (known.verdict === 'done') {
    if (outcome.hashValid === false) {
      const reasonMessage = msg('verdict.signatureMismatch', { code })
      return { state: 'unknown', reason: englishOf(reasonMessage), reasonMessage }
    }
    return { state: 'done' }
  }
  const said = msg('statusVerdict.answered', { text, code, advice: msg(known.adviceKey) })
  const message = englishOf(said)
  if (known.verdict === 'check') return { state: 'check', code, text, message, said }
  return { state: 'failed', code, text, retryable: known.retryable === true, message, said }
}

/** Not-sent, unclear and codes 1-8: the same verdicts as for CreateOrder. */
function common(outcome: CallOutcome): StatusVerdict {
  const verdict = classifyCreateOrder(outcome)
  switch (verdict.state) {
    case 'retry':
    case 'unknown':
    case 'backoff':
      return verdict
    case 'stop':
      return { ...verdict, said: answerSaid(verdict.code, verdict.text, verdict.message) }
    // Codes 1-8 never give these, and non-answers never either; read defensively.
    case 'succeeded':
      return { state: 'done' }
    case 'failed':
      return { state: 'failed', code: verdict.code, text: verdict.text, retryable: verdict.retryable, message: verdict.message, said: answerSaid(verdict.code, verdict.text, verdict.message) }
  }
}

/** A CreateOrder-table answer as a message: the API's text and code, the table's advice. */
function answerSaid(code: number, text: string, english: string): Message {
  const advice = answerAdvice(code)
  return advice === null ? msg('error.asIs', { text: english }) : msg('verdict.answered', { text, code, advice, hint: '' })
}

/** The words shops use in getOrderDetails' pay_status for each status we set. The sandbox
 * answers with the status names themselves; the others are guesses at the real shop's words. */
const PAY_STATUS_WORDS: Readonly<Record<'paid' | 'cancel' | 'return', readonly string[]>> = {
  paid: ['paid', 'payed', '1', 'оплачен'],
  cancel: ['cancel', 'cancelled', 'canceled', 'отменен', 'отменён'],
  return: ['return', 'returned', 'moneyback', 'refund', 'refunded', 'возврат']
}

/** Whether an order's pay_status (from getOrderDetails) is the status we set. */
export function hasStatus(payStatus: string, status: 'paid' | 'cancel' | 'return'): boolean {
  return PAY_STATUS_WORDS[status].includes(payStatus.trim().toLowerCase())
}
