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
const SHARE_TRIAL = 1024
/** Distinct texts kept per column, so a column of mostly unique values costs bounded memory. */
const SHARE_MAX_DISTINCT = 16_384

/**
 * What a batch of records needs besides its cells to be made whole again on the other side
 * (see CellSharer): the texts met for the first time, and for every cell in reading order 0 (the
 * cell is in `cells`) or 1 + the number of the text it is.
 */
export interface SharedTexts {
  texts: string[]
  refs: Uint32Array
}

/**
 * Sends each distinct text of a column once. Every cell that crosses from the sheet worker to the
 * app would otherwise be copied and arrive as a string of its own, and order sheets repeat most of
 * their columns (products, countries, tags, coupons, statuses): the worker sends a repeated text
 * once and then its number, so less is copied both ways, and the app holds one string per distinct
 * text instead of millions of equal ones (each of which its collector would copy twice). A column
 * that repeats less than half its texts in its first SHARE_TRIAL cells is sent as it is from then
 * on. Strings cannot be told apart by identity, so nothing else changes.
 */
export class CellSharer {
  private readonly columns: (Map<string, number> | null | undefined)[] = []
  private readonly tried: number[] = []
  private readonly hits: number[] = []
  private count = 0

  /** Takes the batch over: each cell it shares becomes null in `rows` (restored by CellUnsharer). */
  share(rows: readonly Cell[][]): SharedTexts {
    let total = 0
    for (let r = 0; r < rows.length; r++) total += (rows[r] as Cell[]).length
    const refs = new Uint32Array(total)
    const texts: string[] = []
    let at = 0
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r] as Cell[]
      for (let c = 0; c < cells.length; c++, at++) {
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
          refs[at] = known
          cells[c] = null
          this.hits[c]!++
        } else if (column.size < SHARE_MAX_DISTINCT) {
          texts.push(cell)
          column.set(cell, ++this.count)
          refs[at] = this.count
          cells[c] = null
        }
        if (++this.tried[c]! === SHARE_TRIAL && this.hits[c]! * 2 < SHARE_TRIAL) this.columns[c] = null
      }
    }
    return { texts, refs }
  }
}

/** The receiving side of CellSharer: gives the shared cells of each batch their texts back. */
export class CellUnsharer {
  /** Text number n is at n - 1. */
  private readonly texts: string[] = []

  /** Restores `rows` in place; gives how many cells were shared. */
  restore(rows: readonly Cell[][], shared: SharedTexts): number {
    const texts = this.texts
    for (let i = 0; i < shared.texts.length; i++) texts.push(shared.texts[i]!)
    const refs = shared.refs
    let at = 0
    let restored = 0
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r] as Cell[]
      for (let c = 0; c < cells.length; c++, at++) {
        const ref = refs[at]!
        if (ref === 0) continue
        cells[c] = texts[ref - 1]!
        restored++
      }
    }
    return restored
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
