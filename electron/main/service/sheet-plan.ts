// The orders a session would send, re-made after every change: the table as read, with the
// user's cell edits applied to copies of the edited rows (the table itself is never changed) and
// the excluded rows left out, planned with the session's mapping, plus the indexes the grid needs.
import { planImport, type ImportPlan, type PlannedOrder } from '#shared/plan/import-plan'
import type { Issue } from '#shared/plan/issue'
import type { Mapping } from '#shared/mapping/mapping'
import type { Cell, SheetTable } from '#shared/sheet/sheet'
import type { Note } from '#shared/presets/notes'
import { withSourceNotes } from '#shared/presets/plan-notes'

/** Sheet row -> column index -> the user's value. */
export type Edits = ReadonlyMap<number, ReadonlyMap<number, string>>

export interface SheetPlan {
  /** The table the plan was made from (edited, excluded rows left out). */
  table: SheetTable
  plan: ImportPlan
  /** Sheet row -> 1-based order index. */
  orderOfRow: Map<number, number>
  /** Sheet row -> its issues (an order's own issues go on its first row). */
  issuesOfRow: Map<number, Issue[]>
  /** Issues about the whole sheet or mapping (no row, no order). */
  sheetIssues: Issue[]
}

export function planSheet(table: SheetTable, mapping: Mapping, edits: Edits, excluded: ReadonlySet<number>, now: number, notes: readonly Note[] = []): SheetPlan {
  const { table: effective, plan, sheetIssues } = planSheetOnly(table, mapping, edits, excluded, now, notes)
  const orderOfRow = new Map<number, number>()
  const { rowNumbers } = effective
  for (let r = 0; r < rowNumbers.length; r++) orderOfRow.set(rowNumbers[r] ?? r + 1, plan.orderOfRow[r] ?? 0)
  const issuesOfRow = new Map<number, Issue[]>()
  for (const issue of plan.issues) {
    const row = issue.row ?? firstRowOf(plan.orders, issue.order)
    if (row === null) continue
    const list = issuesOfRow.get(row)
    if (list) list.push(issue)
    else issuesOfRow.set(row, [issue])
  }
  return { table: effective, plan, orderOfRow, issuesOfRow, sheetIssues }
}

/** planSheet() without its maps by sheet row (one entry per row: the session's plan keeps its own
 * indexes by position and never reads them). */
export function planSheetOnly(
  table: SheetTable,
  mapping: Mapping,
  edits: Edits,
  excluded: ReadonlySet<number>,
  now: number,
  notes: readonly Note[] = []
): Pick<SheetPlan, 'table' | 'plan' | 'sheetIssues'> {
  const effective = effectiveTable(table, edits, excluded)
  const planned = planImport(effective, mapping, { now })
  const plan = notes.length > 0 ? withSourceNotes(planned, notes, mapping) : planned
  const sheetIssues: Issue[] = []
  for (const issue of plan.issues) if ((issue.row ?? firstRowOf(plan.orders, issue.order)) === null) sheetIssues.push(issue)
  return { table: effective, plan, sheetIssues }
}

export function effectiveTable(table: SheetTable, edits: Edits, excluded: ReadonlySet<number>): SheetTable {
  if (edits.size === 0 && excluded.size === 0) return table
  const rows: Cell[][] = []
  const rowNumbers: number[] = []
  table.rows.forEach((cells, i) => {
    const sheetRow = table.rowNumbers[i] ?? 0
    if (excluded.has(sheetRow)) return
    const changed = edits.get(sheetRow)
    rows.push(changed ? applyEdits(cells, changed) : cells)
    rowNumbers.push(sheetRow)
  })
  return { ...table, rows, rowNumbers }
}

export function applyEdits(cells: readonly Cell[], changed: ReadonlyMap<number, string>): Cell[] {
  const copy = cells.slice()
  for (const [column, value] of changed) {
    while (copy.length <= column) copy.push(null)
    copy[column] = value
  }
  return copy
}

function firstRowOf(orders: readonly PlannedOrder[], order: number | null): number | null {
  if (order === null) return null
  return orders[order - 1]?.rows[0] ?? null
}
