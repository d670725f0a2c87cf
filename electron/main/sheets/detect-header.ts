// Which row holds the column names. Exports often put a title, a date or a note above the header
// ("Attendees of Conference 2026", a blank line, then the header), so the first row is not always
// it. The header is the first row with (nearly) the most filled, mostly non-numeric, distinct cells
// whose next rows are not much wider.
import type { Cell, Detected } from '#shared/sheet/sheet'
import { detected } from './detected'
import { cellText, filledCount, isBlankCell, type SheetRecords } from './sheet-record'

/** Rows looked at; a header further down is rare enough to leave to the override. */
const CANDIDATE_ROWS = 25
/** Rows after a candidate that must not be much wider than it. */
const FOLLOWERS = 3
/** A later row must beat the first good one by this factor to be chosen instead; data rows full
 * of names and e-mails are often as "wordy" as the header. */
const LATER_ROW_MARGIN = 0.75

/** Numbers, dates, times, amounts and phone numbers: what data looks like, not a header. */
const NUMERIC_TEXT = /^[\s\d.,:;'\-+/()%$€£₽#*]*\d[\s\d.,:;'\-+/()%$€£₽#*]*$/

interface Candidate {
  index: number
  score: number
}

/** Index into `records` of the header row. */
export function detectHeader(records: SheetRecords): { index: number; detected: Detected<number> } {
  const limit = Math.min(records.cells.length, CANDIDATE_ROWS)
  const candidates: Candidate[] = []
  for (let index = 0; index < limit; index++) {
    const score = headerScore(records, index)
    if (score > 0) candidates.push({ index, score })
  }
  if (candidates.length === 0) {
    const first = records.rows[0]!
    return { index: 0, detected: detected(first, 0.3, `no row looks like column names; using row ${first}, the first row with content`, 'detect.header.none', { row: first }) }
  }
  const best = Math.max(...candidates.map((c) => c.score))
  const chosen = candidates.find((c) => c.score >= best * LATER_ROW_MARGIN)!
  const row = records.rows[chosen.index]!
  const named = namedCells(records.cells[chosen.index]!)
  if (chosen.index === 0) {
    return { index: 0, detected: detected(row, 0.9, `row ${row} has ${named} column ${named === 1 ? 'name' : 'names'}`, 'detect.header.first', { row, count: named }) }
  }
  return {
    index: chosen.index,
    detected: detected(row, 0.75, `row ${row} is the first row with ${named} column ${named === 1 ? 'name' : 'names'}; the rows above it look like a title`, 'detect.header.belowTitle', { row, count: named })
  }
}

/** The number of non-numeric cells, less a little for repeats ("Product, Price, Product, Price"
 * is a real header for two goods per row); 0 when the row does not look like a header. */
function headerScore(records: SheetRecords, index: number): number {
  const cells = records.cells[index]!
  const filled = cells.filter((cell) => !isBlankCell(cell))
  const words = filled.filter(isWordy)
  if (words.length === 0 || words.length * 2 < filled.length) return 0
  if (!followedBySimilarWidth(records, index, filled.length)) return 0
  const distinct = new Set(words.map((cell) => cellText(cell).trim().toLowerCase())).size
  return words.length * (0.5 + (0.5 * distinct) / words.length)
}

function namedCells(cells: readonly Cell[]): number {
  return cells.filter((cell) => !isBlankCell(cell) && isWordy(cell)).length
}

function isWordy(cell: Cell): boolean {
  return typeof cell === 'string' && !NUMERIC_TEXT.test(cell)
}

/** A title row (one cell) followed by ten-cell rows is not a header. Rows narrower than the
 * header are normal (optional columns left empty), so only much wider followers count against. */
function followedBySimilarWidth(records: SheetRecords, index: number, width: number): boolean {
  const next = records.cells.slice(index + 1, index + 1 + FOLLOWERS)
  if (next.length === 0) return true
  const similar = next.filter((cells) => filledCount(cells) <= width * 2 + 1)
  return similar.length * 2 >= next.length
}
