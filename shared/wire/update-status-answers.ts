// What one UpdateOrderStatus call came to (issue 12 §2), the second step of a paid, cancelled
// or returned order. Codes from api-research.md §2: 0 "order status changed"; 200 nonexistent
// order, 201 wrong status, 202 order not paid ("error while paying"), 203 order number is empty;
// and, from the doc's overlapping group for deleting/changing orders, 302 nonexistent order and
// 303 wrong status. Codes 1-8 are common to every function and mean what they mean for CreateOrder.
import { classifyCreateOrder, type CallOutcome } from './create-order-answers'
import type { Message } from '../i18n/message'

export type StatusVerdict =
  /** Code 0: the order has the status now. */
  | { state: 'done' }
  /** A refusal that an order which already has this status may also get (a second "paid"):
   * look the order up; when it has the status, the step is done, else it failed. */
  | { state: 'check'; code: number; text: string; message: string }
  /** The shop refused; sending the same again will not help (`retryable`: it may). */
  | { state: 'failed'; code: number; text: string; retryable: boolean; message: string }
  | { state: 'stop'; code: number; text: string; message: string }
  | { state: 'backoff'; code: number; text: string }
  | { state: 'retry'; reason: string; stopRun?: Message }
  /** May have been applied: never resent before the order is looked up. */
  | { state: 'unknown'; reason: string; stopRun?: Message }

export interface StatusAnswerMeaning {
  documentedText: string
  meaning: string
  verdict: 'done' | 'check' | 'failed'
  retryable?: boolean
  advice: string
}

/** UpdateOrderStatus's own codes; 1-8 are read with CreateOrder's table. */
export const UPDATE_STATUS_ANSWERS: Readonly<Record<number, StatusAnswerMeaning>> = {
  0: { documentedText: 'order status changed', meaning: 'the order has the new status', verdict: 'done', advice: 'Nothing to do.' },
  200: {
    documentedText: 'nonexistent order',
    meaning: 'the shop has no order with this number',
    verdict: 'failed',
    retryable: false,
    advice: 'The shop has no order with this number: it may have been deleted in the shop. Check the order there; if it is gone, there is nothing to mark.'
  },
  201: {
    documentedText: 'wrong status',
    meaning: 'the shop refused this status for the order',
    verdict: 'check',
    advice: 'The shop refused to give the order this status (it may have another status already, set in the shop). Set it in the shop by hand, or retry the status step.'
  },
  202: {
    documentedText: 'order not paid',
    meaning: 'the shop could not record the payment',
    verdict: 'check',
    advice: 'The shop could not record the payment. Retry the status step later; if it fails again, mark the order paid in the shop (the Paid button on the order card).'
  },
  203: {
    documentedText: 'order number is empty',
    meaning: 'the request arrived without an order number',
    verdict: 'failed',
    retryable: true,
    advice: 'The request reached the shop without the order number; something between this computer and the API changed it. Retry the status step; report it to us if it persists.'
  },
  302: {
    documentedText: 'nonexistent order',
    meaning: 'the shop has no order with this number',
    verdict: 'failed',
    retryable: false,
    advice: 'The shop has no order with this number: it may have been deleted in the shop. Check the order there; if it is gone, there is nothing to mark.'
  },
  303: {
    documentedText: 'wrong status',
    meaning: 'the shop has no such status',
    verdict: 'check',
    advice: 'The shop refused to give the order this status. Set it in the shop by hand, or retry the status step.'
  }
}

export function classifyUpdateStatus(outcome: CallOutcome): StatusVerdict {
  if (outcome.kind !== 'answer') return common(outcome)
  const { errorCode: code, errorText: text } = outcome
  if (code >= 1 && code <= 8) return common(outcome)
  const known = UPDATE_STATUS_ANSWERS[code]
  if (known === undefined) {
    return {
      state: 'failed',
      code,
      text,
      retryable: true,
      message: `The API answered "${text}" (code ${code}) to UpdateOrderStatus, a code Orderbatch does not know. The order was created; its status was not changed. Retry the status step, or set the status in the shop.`
    }
  }
  if (known.verdict === 'done') {
    if (outcome.hashValid === false) return { state: 'unknown', reason: `The API answered code ${code}, but the answer's signature does not match (is the API key right?).` }
    return { state: 'done' }
  }
  const message = `The API answered "${text}" (code ${code}) to UpdateOrderStatus. ${known.advice}`
  if (known.verdict === 'check') return { state: 'check', code, text, message }
  return { state: 'failed', code, text, retryable: known.retryable === true, message }
}

/** Not-sent, unclear and codes 1-8: the same verdicts as for CreateOrder. */
function common(outcome: CallOutcome): StatusVerdict {
  const verdict = classifyCreateOrder(outcome)
  switch (verdict.state) {
    case 'retry':
    case 'unknown':
    case 'backoff':
    case 'stop':
      return verdict
    // Codes 1-8 never give these, and non-answers never either; read defensively.
    case 'succeeded':
      return { state: 'done' }
    case 'failed':
      return { state: 'failed', code: verdict.code, text: verdict.text, retryable: verdict.retryable, message: verdict.message }
  }
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
