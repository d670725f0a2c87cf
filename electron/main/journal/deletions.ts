// Orders deleted from the shop after this app created them (orderbatch undo). The statements are
// prepared on first use: a journal opened with an older schema list for a test never needs them.
import type { Statement } from 'better-sqlite3'
import type { JournalContext } from './context'
import { JournalStateError } from './errors'
import { loadOrder, orderMessage } from './order-guards'
import type { DeletionRecord } from './types'
import { msg } from '#shared/i18n/message'
import { journalStep } from './journal-step'

interface DeletionRow {
  order_id: number
  bill_id: number
  deleted_at: number
  note: string | null
}

interface DeletionStatements {
  insert: Statement
  exists: Statement
  byRun: Statement
}

const prepared = new WeakMap<JournalContext, DeletionStatements>()

function statements(ctx: JournalContext): DeletionStatements {
  let st = prepared.get(ctx)
  if (st === undefined) {
    st = {
      exists: ctx.db.prepare('SELECT 1 FROM order_deletions WHERE order_id = ?').pluck(),
      insert: ctx.db.prepare('INSERT INTO order_deletions (order_id, bill_id, deleted_at, note) VALUES (?, ?, ?, ?)'),
      byRun: ctx.db.prepare(`SELECT d.* FROM order_deletions d JOIN orders o ON o.id = d.order_id
                             WHERE o.run_id = ? ORDER BY o.ordinal`)
    }
    prepared.set(ctx, st)
  }
  return st
}

/** Records that the shop deleted a created order. Only a created order (with its bill) can be
 * deleted, and only once. */
export function recordDeletion(ctx: JournalContext, orderId: number, note?: string): DeletionRecord {
  return ctx.write(journalStep('journal.step.recordDeletion', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    if (order.state !== 'succeeded' || order.billId === null) {
      throw new JournalStateError(ctx.path, msg('journal.deleteNeverCreated', { order: orderMessage(order) }), order.id)
    }
    const { insert, exists } = statements(ctx)
    if (exists.get(order.id) !== undefined) {
      throw new JournalStateError(ctx.path, msg('journal.alreadyDeleted', { ordinal: order.ordinal, runId: order.runId, bill: order.billId }), order.id)
    }
    const record = { orderId: order.id, billId: order.billId, deletedAt: ctx.now(), note: note ?? null }
    insert.run(record.orderId, record.billId, record.deletedAt, record.note)
    return record
  })
}

/** Deleted orders of a run, by order id. */
export function deletions(ctx: JournalContext, runId: number): Map<number, DeletionRecord> {
  const rows = ctx.read(journalStep('journal.step.readDeletions', { runId }), () => statements(ctx).byRun.all(runId) as DeletionRow[])
  return new Map(rows.map((row) => [row.order_id, { orderId: row.order_id, billId: row.bill_id, deletedAt: row.deleted_at, note: row.note }]))
}
