// A non-blank row as read from any format, with the row number the user sees.
import type { Cell } from '../../../shared/sheet'

export interface SheetRecord {
  cells: Cell[]
  /** 1-based row number in the sheet (physical line of the record's start in a text file). */
  row: number
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false
  return true
}

/** The text a person sees in the cell, for headers and for judging what a row looks like. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return cell.w
}
