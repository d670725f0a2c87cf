// What was done with an order after its own outcome, as the reader is told it (History's answer
// column, the export's Error column): why undo deleted it, else the user's decision for an unclear
// order (resolve: found in the shop, or not there) while that decision is the order's last
// attempt; an order sent again after "not there" has its own outcome to show instead.
//
// The rule is written once, here, in SQL: the export's page query embeds `afterNoteSql`, and
// History reads the same expression for one order through `orderAfter`.
import type { Statement } from 'better-sqlite3'
import type { JournalContext } from './context'
import { journalStep } from './journal-step'

/** The note as an SQL expression. `order` is the alias of an `orders` row (its `id` and
 * `resolved_by`), `deletion` the alias of `order_deletions` LEFT JOINed on it
 * (`deletion.order_id = order.id`). A deleted order shows the deletion's note, even none. */
export function afterNoteSql(order: string, deletion: string): string {
  return `CASE WHEN ${deletion}.order_id IS NOT NULL THEN ${deletion}.note
            WHEN ${order}.resolved_by = 'user' THEN
              (SELECT CASE WHEN a.outcome IN ('user-created', 'user-absent') THEN a.note END
               FROM attempts a WHERE a.order_id = ${order}.id ORDER BY a.id DESC LIMIT 1) END`
}

/** Whether an order was deleted from the shop afterwards, and the note to show for it. */
export interface OrderAfter {
  deleted: boolean
  note: string | null
}

const prepared = new WeakMap<JournalContext, Statement>()

function statement(ctx: JournalContext): Statement {
  let st = prepared.get(ctx)
  if (st === undefined) {
    st = ctx.db.prepare(`
      SELECT d.order_id IS NOT NULL AS deleted, ${afterNoteSql('o', 'd')} AS note
      FROM orders o LEFT JOIN order_deletions d ON d.order_id = o.id
      WHERE o.id = ?`)
    prepared.set(ctx, st)
  }
  return st
}

/** What became of the order afterwards (see the top of this file); an unknown id reads as
 * nothing done. */
export function orderAfter(ctx: JournalContext, orderId: number): OrderAfter {
  const row = ctx.read(journalStep('journal.step.readOrderAfter', { orderId }), () => statement(ctx).get(orderId) as { deleted: number; note: string | null } | undefined)
  return row === undefined ? { deleted: false, note: null } : { deleted: row.deleted === 1, note: row.note }
}
