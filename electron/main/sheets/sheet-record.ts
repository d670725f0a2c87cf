// The non-blank rows of a sheet as read from any format, with the row numbers the user sees. Kept
// as two parallel arrays rather than an object per row: sheets run to millions of rows.
import { startsSolid } from '#shared/plan/import-plan-text'
import type { Cell } from '#shared/sheet/sheet'

export interface SheetRecords {
  cells: Cell[][]
  /** 1-based row number in the sheet (the physical line a text record starts on). */
  rows: number[]
}

export function emptyRecords(): SheetRecords {
  return { cells: [], rows: [] }
}

/** Adds a batch of records (as a text file's reader hands them on) to `records`. */
export function appendRecords(records: SheetRecords, cells: readonly Cell[][], rows: readonly number[]): void {
  for (let i = 0; i < cells.length; i++) records.cells.push(cells[i] as Cell[])
  for (let i = 0; i < rows.length; i++) records.rows.push(rows[i] as number)
}

export function isBlankCell(cell: Cell | undefined): boolean {
  // trim() copies the text, and almost every cell of a sheet starts with a letter or a digit.
  return cell === null || cell === undefined || (typeof cell === 'string' && !startsSolid(cell) && cell.trim() === '')
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlankCell(cells[c])) return false
  return true
}

export function filledCount(cells: readonly Cell[]): number {
  let filled = 0
  for (const cell of cells) if (!isBlankCell(cell)) filled++
  return filled
}

/** The text a person sees in the cell, for headers and for judging what a row looks like. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return cell.w
}
