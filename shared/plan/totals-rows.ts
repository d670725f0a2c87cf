// Totals and subtotal rows people add under a list of orders ("Итого", "Total", a row of only
// sums): not orders. They are left out of the plan with a note instead of failing as orders
// without an e-mail.
import { normalizeHeader } from '../mapping/header-normalize'
import type { Cell, SheetTable } from '../sheet/sheet'
import { TOTAL_ROW_WORDS } from '../presets/aliases'
import { cellToText } from '../transforms/index'

const WORDS: ReadonlySet<string> = new Set(TOTAL_ROW_WORDS.map((w) => normalizeHeader(w)))
const NUMBER = /^[-+]?[\d\s\u00a0]*[.,]?\d+\s*[^\d\s]{0,4}$/

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : cellToText(cell).trim()
}

/** Whether a row with no e-mail and no product is a totals row: its first filled cell says
 * Итого/Всего/Total (also "Итого:", "Total amount"), or every filled cell is a number. */
export function isTotalsRow(cells: readonly Cell[], email: number, product: number, key = -1): boolean {
  if (email >= 0 && text(cells[email]) !== '') return false
  if (product >= 0 && text(cells[product]) !== '') return false
  const filled = cells.map(text).filter((t) => t !== '')
  if (filled.length === 0) return false
  const first = normalizeHeader(filled[0]!)
  const firstWords = first.split(' ')
  if (WORDS.has(first) || WORDS.has(firstWords[0] ?? '') || WORDS.has(firstWords.slice(0, 2).join(' '))) return true
  // A row with an order number belongs to that order, however bare it is.
  if (key >= 0 && text(cells[key]) !== '') return false
  return filled.every((t) => NUMBER.test(t) || typeof cells.find((c) => text(c) === t) === 'number')
}

export interface TotalsSplit {
  /** The table without its totals rows (the same object when it has none). */
  table: SheetTable
  /** Positions (in the original rows) of the rows left out, and their sheet row numbers. */
  skipped: number[]
  skippedRows: number[]
}

/** Leaves out every row passing isTotalsRow (`key`: the order-number column, or -1). */
export function withoutTotals(table: SheetTable, email: number, product: number, key = -1): TotalsSplit {
  const skipped: number[] = []
  for (let r = 0; r < table.rows.length; r++) {
    const cells = table.rows[r]!
    // Cheap first look: a row whose e-mail is filled is never a totals row.
    if (email >= 0) {
      const e = cells[email]
      if (e !== null && e !== undefined && e !== '') continue
    }
    if (isTotalsRow(cells, email, product, key)) skipped.push(r)
  }
  if (skipped.length === 0) return { table, skipped, skippedRows: [] }
  const drop = new Set(skipped)
  const rows: Cell[][] = []
  const rowNumbers: number[] = []
  for (let r = 0; r < table.rows.length; r++) {
    if (drop.has(r)) continue
    rows.push(table.rows[r]!)
    rowNumbers.push(table.rowNumbers[r] ?? r + 1)
  }
  return { table: { ...table, rows, rowNumbers }, skipped, skippedRows: skipped.map((r) => table.rowNumbers[r] ?? r + 1) }
}
