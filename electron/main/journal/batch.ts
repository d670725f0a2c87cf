// Group commit for the sender. Each function is ONE flushed transaction over many orders, built
// from the single-order transitions (nested as savepoints), so every rule of the state machine
// still applies to each order. If any order breaks a rule, nothing of the batch is written.
// Why batches are safe (see electron/main/sender/run-sender.ts): an intent committed but not yet
// sent, or an answer not yet committed, leaves the order 'sending'; a crash then turns it into
// 'unknown' at the next open, and reconciliation finds it (-> succeeded) or proves it absent
// (-> pending). Nothing is ever sent twice and nothing is lost.
import type { Database, Statement } from 'better-sqlite3'
import type { JournalContext } from './context'
import { beginAttempt, recordCreated, recordFailed, recordRetry, recordUnknown } from './transitions'
import type { BegunAttempt } from './transitions'
import type { CreatedOutcome, FailedOutcome, OrderRecord, RetryOutcome, UnknownOutcome } from './types'
import { journalStep } from './journal-step'

export interface BegunOrderAttempt extends BegunAttempt {
  orderId: number
}

/** One answer to record; `kind` names the transition (recordCreated, recordFailed, ...). */
export type OutcomeEntry =
  | { kind: 'created'; orderId: number; attemptId: number; outcome: CreatedOutcome }
  | { kind: 'failed'; orderId: number; attemptId: number; outcome: FailedOutcome }
  | { kind: 'retry'; orderId: number; attemptId: number; outcome: RetryOutcome }
  | { kind: 'unknown'; orderId: number; attemptId: number; outcome: UnknownOutcome }

/** pending -> sending for every order, in the given order, in one commit. */
export function beginAttempts(ctx: JournalContext, orderIds: readonly number[]): BegunOrderAttempt[] {
  if (orderIds.length === 0) return []
  return ctx.write(journalStep('journal.step.recordSendings', { count: orderIds.length }), () =>
    orderIds.map((orderId) => ({ orderId, ...beginAttempt(ctx, orderId) }))
  )
}

/** Records many answers in one commit; returns the orders as written, in the given order. */
export function recordOutcomes(ctx: JournalContext, entries: readonly OutcomeEntry[]): OrderRecord[] {
  if (entries.length === 0) return []
  return ctx.write(journalStep('journal.step.recordAnswers', { count: entries.length }), () => entries.map((entry) => recordOutcome(ctx, entry)))
}

/** sending -> unknown for the orders of one run, with their open attempts closed. Only for when
 * nothing of that run is in flight: a sender that stopped on a storage error leaves its orders
 * 'sending' while the journal stays open. Returns how many orders changed. */
export function abandonSending(ctx: JournalContext, runId: number, reason: string): number {
  const st = statementsFor(ctx.db)
  return ctx.write(journalStep('journal.step.markSendingUnclear', { runId }), () => {
    st.closeOpenAttempts.run({ runId, at: ctx.now(), note: reason })
    return st.sendingToUnknown.run({ runId, reason }).changes
  })
}

function recordOutcome(ctx: JournalContext, entry: OutcomeEntry): OrderRecord {
  switch (entry.kind) {
    case 'created':
      return recordCreated(ctx, entry.orderId, entry.attemptId, entry.outcome)
    case 'failed':
      return recordFailed(ctx, entry.orderId, entry.attemptId, entry.outcome)
    case 'retry':
      return recordRetry(ctx, entry.orderId, entry.attemptId, entry.outcome)
    case 'unknown':
      return recordUnknown(ctx, entry.orderId, entry.attemptId, entry.outcome)
  }
}

interface BatchStatements {
  closeOpenAttempts: Statement
  sendingToUnknown: Statement
}

const prepared = new WeakMap<Database, BatchStatements>()

function statementsFor(db: Database): BatchStatements {
  let st = prepared.get(db)
  if (st === undefined) {
    st = {
      closeOpenAttempts: db.prepare(`UPDATE attempts SET finished_at = @at, outcome = 'unknown', note = @note
                                     WHERE outcome IS NULL
                                       AND order_id IN (SELECT id FROM orders WHERE run_id = @runId AND state = 'sending')`),
      sendingToUnknown: db.prepare(`UPDATE orders SET state = 'unknown', error_code = NULL, error_text = @reason
                                    WHERE run_id = @runId AND state = 'sending'`)
    }
    prepared.set(db, st)
  }
  return st
}
