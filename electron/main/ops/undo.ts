// Undo, for both front-ends: DeleteOrder for every order a run created (not the ones the shop
// already had, answer 601: those were not this run's to delete), each deletion recorded in the
// journal as it is confirmed, so undo can be run again and only tries what is left. The CLI and
// the app word the outcome their own way; what is deleted, skipped or stopped is decided here.
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { CREATE_ORDER_ANSWERS } from '#shared/wire/create-order-answers'
import { answerAdvice } from '#shared/wire/answer-advice'
import { msg, storedMessage, type Message } from '#shared/i18n/message'
import type { ApiClient } from '../api/api-client'
import type { Journal, OrderRecord, RunRecord } from '../journal'

/** DeleteOrder answers: 0 deleted; 302 the shop has no such order (already gone). */
const DELETED = 0
const NONEXISTENT = 302

export interface UndoPlan {
  /** Created orders the shop had before the run (answer 601): left alone. */
  existed: number
  /** Orders an earlier undo already deleted. */
  deletedBefore: number
  /** Created orders whose bill id the journal lacks (a resolution without one): they cannot be
   * deleted by id, so they are reported, never sent as DeleteOrder(0). */
  noBillId: OrderRecord[]
  toDelete: OrderRecord[]
}

export function planUndo(journal: Pick<Journal, 'deletions' | 'orders'>, run: Pick<RunRecord, 'id'>): UndoPlan {
  const deleted = journal.deletions(run.id)
  const plan: UndoPlan = { existed: 0, deletedBefore: deleted.size, noBillId: [], toDelete: [] }
  for (const order of journal.orders(run.id, ['succeeded'])) {
    if (order.existed) plan.existed++
    else if (deleted.has(order.id)) continue
    else if (order.billId === null) plan.noBillId.push(order)
    else plan.toDelete.push(order)
  }
  return plan
}

export type UndoStop = { kind: 'cancelled' } | { kind: 'api'; text: Message }

export interface UndoTally {
  deleted: OrderRecord[]
  /** No longer in the shop (answer 302): recorded as deleted. */
  gone: OrderRecord[]
  failed: Array<{ order: OrderRecord; reason: Message }>
  /** Why undo stopped before the end, or null when every order was tried. */
  stopped: UndoStop | null
  /** Orders not tried because undo stopped. */
  untried: number
}

export interface DeleteOptions {
  /** Milliseconds between two DeleteOrder calls (the run's pace). */
  gapMs: number
  /** The journal note of a deletion, by who ran undo (stored as its key and values). */
  notes: { deleted: Message; gone: Message }
  signal?: AbortSignal
  /** Resolves false when the signal aborts during the pause; the default waits in real time. */
  pause?: (ms: number, signal: AbortSignal | undefined) => Promise<boolean>
}

export async function deleteCreated(
  journal: Pick<Journal, 'recordDeletion'>,
  orders: readonly OrderRecord[],
  client: Pick<ApiClient, 'deleteOrder'>,
  options: DeleteOptions
): Promise<UndoTally> {
  const pause = options.pause ?? pauseFor
  const tally: UndoTally = { deleted: [], gone: [], failed: [], stopped: null, untried: 0 }
  for (const [i, order] of orders.entries()) {
    if (options.signal?.aborted || (i > 0 && !(await pause(options.gapMs, options.signal)))) {
      tally.stopped = { kind: 'cancelled' }
      tally.untried = orders.length - i
      break
    }
    const verdict = readDeletion(await client.deleteOrder(order.billId as number))
    if (verdict.kind === 'deleted' || verdict.kind === 'gone') {
      journal.recordDeletion(order.id, storedMessage(options.notes[verdict.kind]))
      tally[verdict.kind].push(order)
      continue
    }
    tally.failed.push({ order, reason: verdict.text })
    if (verdict.kind === 'stop') {
      tally.stopped = { kind: 'api', text: verdict.text }
      tally.untried = orders.length - i - 1
      break
    }
  }
  return tally
}

type Deletion = { kind: 'deleted' } | { kind: 'gone' } | { kind: 'failed'; text: Message } | { kind: 'stop'; text: Message }

/** What one DeleteOrder call came to. Codes the answer table says stop or slow the whole import
 * (the account, the key, the connection) stop undo too: every other deletion would fail alike. */
export function readDeletion(outcome: CallOutcome): Deletion {
  if (outcome.kind === 'not-sent') return { kind: 'failed', text: msg('undo.notSent', { reason: outcome.reasonMessage ?? outcome.reason }) }
  if (outcome.kind === 'unknown') return { kind: 'failed', text: msg('undo.unclear', { reason: outcome.reason.replace(/\.$/, '') }) }
  if (outcome.errorCode === DELETED) return { kind: 'deleted' }
  if (outcome.errorCode === NONEXISTENT) return { kind: 'gone' }
  const meaning = CREATE_ORDER_ANSWERS[outcome.errorCode]
  const advice = answerAdvice(outcome.errorCode)
  const text = advice
    ? msg('undo.answeredAdvice', { text: outcome.errorText, code: outcome.errorCode, advice })
    : msg('undo.answered', { text: outcome.errorText, code: outcome.errorCode })
  return { kind: meaning?.verdict === 'stop' || meaning?.verdict === 'backoff' ? 'stop' : 'failed', text }
}

/** Resolves false when the signal aborts during the pause. */
function pauseFor(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
