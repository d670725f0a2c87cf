// The rows of a run for its results export, read a page at a time: one query joins a page of
// orders (keyset-paged on the ordinal, never OFFSET) with their sheet rows, their status step and
// their deletion, so memory stays the size of a page whatever the run's size. What was done with an
// order afterwards is the same SQL History reads (`afterNoteSql`, after-note.ts).
//
// The state filter is written `+o.state` so SQLite walks the (run_id, ordinal) index in file
// order and checks the state on the way, instead of collecting every order of the listed states
// and sorting them for each page.
import type { Statement } from 'better-sqlite3'
import type { JournalContext } from './context'
import type { OrderState } from './types'
import { journalStep } from './journal-step'
import { afterNoteSql } from './after-note'

export interface ExportExtent {
  /** Sheet rows that will be exported. */
  rows: number
  /** The most cells any of those rows has. */
  width: number
}

/** One sheet row of an order with what became of the order, as a tuple in the order of the page
 * query's columns (no object made per row: a 500k-order export made half a million of 13 fields).
 * `afterNote`: what was done with the order afterwards, as stored (after-note.ts), null when
 * nothing; the step fields: the order's status step (migration 6), null when none; `row`: the
 * stored JSON of its cells, null for an order without sheet rows (it is not exported). */
export type ExportTuple = [
  ordinal: number,
  state: OrderState,
  existed: number,
  billId: number | null,
  errorCode: number | string | null,
  errorText: string | null,
  skipReason: string | null,
  deleted: number,
  afterNote: string | null,
  stepStatus: string | null,
  stepState: string | null,
  stepError: string | null,
  row: string | null
]

interface ExportStatements {
  page: Statement
  extent: Statement
}

const prepared = new WeakMap<JournalContext, ExportStatements>()

function statements(ctx: JournalContext): ExportStatements {
  let st = prepared.get(ctx)
  if (st === undefined) {
    const pageSql = `
        WITH page AS (
          SELECT id, ordinal, state, existed, bill_id, error_code, error_text, skip_reason, resolved_by
          FROM orders
          WHERE run_id = ? AND ordinal > ? AND +state IN (SELECT value FROM json_each(?))
          ORDER BY ordinal
          LIMIT ?
        )
        SELECT p.ordinal AS ordinal, p.state AS state, p.existed AS existed, p.bill_id AS billId,
               p.error_code AS errorCode, p.error_text AS errorText, p.skip_reason AS skipReason,
               d.order_id IS NOT NULL AS deleted,
               ${afterNoteSql('p', 'd')} AS afterNote,
               s.status AS stepStatus, s.state AS stepState, s.error_text AS stepError,
               r.row AS row
        FROM page p LEFT JOIN order_rows r ON r.order_id = p.id LEFT JOIN order_status_steps s ON s.order_id = p.id
          LEFT JOIN order_deletions d ON d.order_id = p.id
        ORDER BY p.ordinal, r.sheet_row`
    st = {
      page: ctx.db.prepare(pageSql).raw(true),
      extent: ctx.db.prepare(`
        SELECT count(r.order_id) AS rows, coalesce(max(json_array_length(r.row)), 0) AS width
        FROM orders o JOIN order_rows r ON r.order_id = o.id
        WHERE o.run_id = ? AND +o.state IN (SELECT value FROM json_each(?))`)
    }
    prepared.set(ctx, st)
  }
  return st
}

/** The rows of up to `limit` orders of the run in `states` whose ordinal is above `afterOrdinal`,
 * in file order (an order's rows in sheet order). An order without sheet rows gives one entry
 * with `row` null, so the last ordinal of a page is always known. */
export function exportTuplesPage(ctx: JournalContext, runId: number, states: readonly OrderState[], afterOrdinal: number, limit: number): ExportTuple[] {
  return ctx.read(journalStep('journal.step.readResults', { runId }), () => statements(ctx).page.all(runId, afterOrdinal, JSON.stringify(states), limit) as ExportTuple[])
}

/** How many sheet rows the export will have and how wide the widest is (for the header). */
export function exportExtent(ctx: JournalContext, runId: number, states: readonly OrderState[]): ExportExtent {
  return ctx.read(journalStep('journal.step.measureResults', { runId }), () => statements(ctx).extent.get(runId, JSON.stringify(states)) as ExportExtent)
}
