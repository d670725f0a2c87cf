// Cell -> text for fields sent as they are written: ids, phones, postal codes, coupons, names.
import type { Cell, FormattedNumber } from '../sheet/sheet'
import { SECONDS_PER_DAY } from './civil'
import type { WallTime } from './civil'
import { excelSerialToWall } from './excel-serial'
import { numberToPlainText } from './number-text'

export interface TextOptions {
  /** Strip surrounding white space, NBSP and zero-width spaces included (default true). */
  trim?: boolean
  /** The workbook uses the 1904 date system; only matters for date-formatted cells. */
  date1904?: boolean
}

// \s already covers NBSP, narrow NBSP, BOM and the other Unicode spaces; zero-width spaces
// (U+200B) ride along with text copied from web pages and are invisible in a cell.
const EDGE_SPACE = /^[\s\u200B]+|[\s\u200B]+$/g

const DATE_TOKEN = /[yd]/i

export function trimText(text: string): string {
  return text.replace(EDGE_SPACE, '')
}

/** '' for null and blank cells. Numbers never come out in e-notation or with float noise.
 * A number with a format comes out as Excel shows it (`w`), which keeps the leading zeros of
 * formats like 000000; a date comes out as ISO text (YYYY-MM-DD HH:mm:ss), because the text
 * Excel shows for a date depends on the locale of whoever opens the file. */
export function cellToText(cell: Cell, opts?: TextOptions): string {
  const trim = opts?.trim ?? true
  if (cell === null) return ''
  if (typeof cell === 'string') return trim ? trimText(cell) : cell
  if (typeof cell === 'boolean') return cell ? 'true' : 'false'
  if (typeof cell === 'number') return numberToPlainText(cell)
  if (cell.date) return serialToText(cell, opts?.date1904 ?? false) ?? numberToPlainText(cell.v)
  if (cell.w === '') return numberToPlainText(cell.v)
  return trim ? trimText(cell.w) : cell.w
}

/** What a user sees for a bad value, for error messages: the text for strings and numbers,
 * Excel's displayed text for formatted numbers. */
export function shownText(cell: Cell): string {
  if (cell !== null && typeof cell === 'object') return trimText(cell.w) || numberToPlainText(cell.v)
  return cellToText(cell)
}

/** A serial below 1 is a time of day alone unless the format shows a day or year (1904-01-01
 * in the 1904 system). */
function serialToText(cell: FormattedNumber, date1904: boolean): string | null {
  const serial = cell.v
  if (serial >= 0 && serial < 1 && !(date1904 && DATE_TOKEN.test(cell.z))) {
    return timeText(Math.round(serial * SECONDS_PER_DAY) % SECONDS_PER_DAY)
  }
  const r = excelSerialToWall(serial, date1904)
  if (r.ok) return wallText(r.wall)
  return r.reason === 'lotus-leap-day' ? '1900-02-29' : null
}

function wallText(w: WallTime): string {
  const date = `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`
  const seconds = w.hour * 3600 + w.minute * 60 + w.second
  return seconds === 0 ? date : `${date} ${timeText(seconds)}`
}

function timeText(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor(seconds / 60) % 60
  const s = seconds % 60
  return s === 0 ? `${pad(h, 2)}:${pad(m, 2)}` : `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}
