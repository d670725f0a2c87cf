// Putting orders of a run back in the queue, for both front-ends: failed orders as they are, or
// with corrected data; and the user's decision on an unclear order. Either may give a finished run
// work again, which then shows as paused (resumable) in the CLI and in History alike.
import { JournalStateError, type CorrectedOrder, type Journal, type OrderRecord, type RunRecord } from '../journal'
import { ROW_ERRORS_CODE } from '../pipeline/stage-run'
import { OpError } from './op-error'
import { messageOf, msg, storedMessage, type Message } from '#shared/i18n/message'

export interface Requeue {
  order: OrderRecord
  corrected?: CorrectedOrder
}

/** Failed orders that can go again as they are, and those the sheet itself rejected (their data
 * must be corrected first). */
export function failedAsTheyAre(journal: Journal, run: RunRecord): { requeue: Requeue[]; needFix: OrderRecord[] } {
  const requeue: Requeue[] = []
  const needFix: OrderRecord[] = []
  for (const order of journal.orders(run.id, ['failed'])) {
    if (order.errorCode === ROW_ERRORS_CODE) needFix.push(order)
    else requeue.push({ order })
  }
  return { requeue, needFix }
}

/** Back in the queue, each in its own step: an order the journal refuses (no longer failed, or
 * created elsewhere unless forced) stays where it is, with the journal's sentence. */
export function requeueOrders(journal: Journal, run: RunRecord, orders: readonly Requeue[], options: { force?: boolean } = {}): { requeued: number; refused: Message[] } {
  if (run.status === 'cancelled') {
    throw new OpError('invalid-state', 'op.runCancelled', { runId: run.id })
  }
  let requeued = 0
  const refused: Message[] = []
  for (const { order, corrected } of orders) {
    try {
      journal.requeueFailed(order.id, corrected, { force: options.force === true })
      requeued++
    } catch (error) {
      if (!(error instanceof JournalStateError)) throw error
      refused.push(messageOf(error))
    }
  }
  if (requeued > 0) reopen(journal, run, msg('runNote.why.failedAgain'))
  return { requeued, refused }
}

export type Decision = { kind: 'created'; billId: number } | { kind: 'absent' }

/** What the user found in the shop for an unclear order: there under a bill (created, never sent
 * again), or not there (back in the queue). */
export function resolveOrder(journal: Journal, run: RunRecord, ordinal: number, decision: Decision, note: { created: Message; absent: Message }): OrderRecord {
  const order = journal.orderByOrdinal(run.id, ordinal)
  if (!order) throw new OpError('not-found', 'op.noOrder', { runId: run.id, ordinal })
  // An order that is not unclear is refused by the journal, in its words.
  const updated =
    decision.kind === 'created'
      ? journal.resolveCreated(order.id, { billId: decision.billId, by: 'user', note: storedMessage(note.created) })
      : journal.resolveAbsent(order.id, { by: 'user', note: storedMessage(note.absent) })
  if (decision.kind === 'absent') reopen(journal, run, msg('runNote.why.foundMissing'))
  return updated
}

/** A finished run with work again is paused, so it is resumed like any other. */
export function reopen(journal: Journal, run: RunRecord, why: Message): void {
  const current = journal.getRun(run.id) ?? run
  if (current.status !== 'finished') return
  if (journal.runCounts(run.id).pending > 0) journal.setRunStatus(run.id, 'paused', msg('runNote.resume', { why }))
}
