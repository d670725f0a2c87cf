// Workbooks as people make them: a summary sheet before the orders, and headers in two rows
// with merged cells. The orders sheet is the one with an e-mail column and the most data rows;
// a merged cell's value applies to every cell it covers.
import type { Cell } from '#shared/sheet/sheet'
import { cellText, type SheetRecords } from './sheet-record'

export interface MergeRange {
  s: { r: number; c: number }
  e: { r: number; c: number }
}

/** Most cells a merged range may fill in (a merge over a whole sheet must not blow memory up). */
const MAX_MERGE_CELLS = 100_000

/** Copies each merged range's top-left value into the other cells it covers, in SheetJS's dense
 * rows (indexed by absolute sheet row). */
export function fillMerges<T>(data: Array<Array<T | undefined> | undefined>, merges: readonly MergeRange[] | undefined): void {
  if (!merges) return
  let budget = MAX_MERGE_CELLS
  for (const m of merges) {
    const value = data[m.s.r]?.[m.s.c]
    if (value === undefined) continue
    for (let r = m.s.r; r <= m.e.r && budget > 0; r++) {
      const row = (data[r] ??= [])
      for (let c = m.s.c; c <= m.e.c && budget > 0; c++, budget--) {
        if (r === m.s.r && c === m.s.c) continue
        if (row[c] === undefined || row[c] === null) row[c] = value
      }
    }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Data rows of a sheet that hold an e-mail address, a sign the sheet lists orders. */
export function emailRows(records: SheetRecords): number {
  let count = 0
  for (const cells of records.cells) if (cells.some((cell: Cell) => EMAIL.test(cellText(cell).trim()))) count++
  return count
}

/** A header in two rows: a name merged across columns (Покупатель over ФИО, E-mail) with the
 * columns' own names in the row below, and names merged down both rows (№ заказа). The two rows
 * become one, each column named by its lower cell (or the upper one where the lower repeats
 * it), so every column under a merged name is usable. Works on records after fillMerges. */
export function collapseTwoLevelHeader(records: SheetRecords, merges: readonly MergeRange[] | undefined): void {
  const across = (merges ?? []).find((m) => m.s.r === m.e.r && m.e.c > m.s.c && m.s.r < 20)
  if (!across) return
  const top = records.rows.indexOf(across.s.r + 1)
  if (top < 0 || records.rows[top + 1] !== across.s.r + 2) return
  const upper = records.cells[top]!
  const lower = records.cells[top + 1]!
  const texts = lower.map((cell) => cellText(cell).trim())
  if (texts.filter((t) => t !== '').length < 2 || texts.some((t) => EMAIL.test(t)) || lower.some((cell) => typeof cell === 'number')) return
  const width = Math.max(upper.length, lower.length)
  const merged: Cell[] = []
  for (let c = 0; c < width; c++) {
    const below = texts[c] ?? ''
    merged.push(below !== '' ? below : (upper[c] ?? null))
  }
  records.cells.splice(top, 2, merged)
  records.rows.splice(top, 2, across.s.r + 2)
}

/** fillMerges for records as a streamed read collects them (non-blank rows only, by 1-based row
 * number): a covered cell of a row that was blank makes that row a record, in its place. */
export function fillMergedRecords(records: SheetRecords, merges: readonly MergeRange[]): void {
  if (merges.length === 0) return
  const index = new Map<number, number>()
  records.rows.forEach((row, i) => index.set(row, i))
  const added = new Map<number, Cell[]>()
  const rowCells = (row: number): Cell[] => {
    const at = index.get(row)
    if (at !== undefined) return records.cells[at]!
    let cells = added.get(row)
    if (!cells) added.set(row, (cells = []))
    return cells
  }
  let budget = MAX_MERGE_CELLS
  for (const m of merges) {
    const at = index.get(m.s.r + 1)
    const value = at === undefined ? undefined : records.cells[at]![m.s.c]
    if (value === undefined || value === null) continue
    for (let r = m.s.r; r <= m.e.r && budget > 0; r++) {
      const cells = rowCells(r + 1)
      for (let c = m.s.c; c <= m.e.c && budget > 0; c++, budget--) {
        if (r === m.s.r && c === m.s.c) continue
        while (cells.length < c) cells.push(null)
        if (cells[c] === undefined || cells[c] === null) cells[c] = value
      }
    }
  }
  if (added.size === 0) return
  const all = records.rows.map((row, i) => [row, records.cells[i]!] as const)
  for (const [row, cells] of added) all.push([row, cells])
  all.sort((a, b) => a[0] - b[0])
  records.rows = all.map(([row]) => row)
  records.cells = all.map(([, cells]) => cells)
}
