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

/** Cells of a column tried before it is judged (a sheet's first rows show what its columns are). */
const INTERN_TRIAL = 1024
/** Distinct texts remembered per column, so a column of mostly unique values costs bounded memory. */
const INTERN_MAX_DISTINCT = 16_384

/**
 * Makes equal texts of a column one string. Each cell that crosses from the sheet worker arrives
 * as a string of its own; order sheets repeat most of their columns (products, countries, tags,
 * coupons, statuses), so keeping one string per distinct text holds far fewer objects, and the
 * copies that arrive die young, which costs the collector almost nothing (a cell kept is copied by
 * it twice). A column that repeats less than half its texts in its first INTERN_TRIAL cells is
 * left alone from then on. Strings cannot be told apart by identity, so nothing else changes.
 */
export class CellInterner {
  private readonly columns: (Map<string, string> | null | undefined)[] = []
  private readonly tried: number[] = []
  private readonly hits: number[] = []

  /** Replaces, in place, each text cell of `rows` that an earlier cell of its column had; gives
   * how many it replaced. */
  internRows(rows: readonly Cell[][]): number {
    let shared = 0
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r] as Cell[]
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c]
        if (typeof cell !== 'string' || cell.length === 0) continue
        let column = this.columns[c]
        if (column === null) continue
        if (column === undefined) {
          column = new Map()
          this.columns[c] = column
          this.tried[c] = 0
          this.hits[c] = 0
        }
        const known = column.get(cell)
        if (known !== undefined) {
          cells[c] = known
          this.hits[c]!++
          shared++
        } else if (column.size < INTERN_MAX_DISTINCT) {
          column.set(cell, cell)
        }
        if (++this.tried[c]! === INTERN_TRIAL && this.hits[c]! * 2 < INTERN_TRIAL) this.columns[c] = null
      }
    }
    return shared
  }
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
