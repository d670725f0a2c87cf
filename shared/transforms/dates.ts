// Cell -> UNIX seconds for bill_created and bill_timer_kill.
import type { Cell } from '../sheet/sheet'
import type { DateOrder } from '../mapping/mapping'
import { isRealDate, isRealTime, wallAsUtcMs } from './civil'
import type { WallTime } from './civil'
import { parseDateText } from './date-text'
import { excelSerialToWall } from './excel-serial'
import { quote } from './quote'
import { NOTHING, failWith, ok } from './result'
import type { Transformed } from './result'
import { shownText } from './text'
import { isValidTimeZone, zonedPartsToMs, zonedWallToMs } from './time-zone'

export { detectDateOrder } from './date-order'
export { isValidTimeZone } from './time-zone'

export interface DateOptions {
  dateOrder: DateOrder
  /** IANA name; local wall times (text without an offset, Excel serials) are read in it. */
  timeZone: string
  /** The workbook uses Excel's 1904 date system. */
  date1904: boolean
}

const DIGITS = /^\d+(?:\.\d+)?$/

/** UNIX seconds (an integer; fractions of a second are dropped). Accepts ISO 8601 (an offset or
 * Z in the text wins over the time zone), 'YYYY-MM-DD HH:mm[:ss]', 'DD.MM.YYYY[ HH:mm[:ss]]',
 * 'DD.MM.YY' (20YY), slashed dates, 'YYYYMMDD', Excel serials (1900 system with the Lotus
 * phantom 1900-02-29, or 1904), and numbers that look like UNIX seconds (1e9..4e9) or
 * milliseconds (1e12..4e12). With dateOrder 'auto' a day above 12 decides; otherwise dotted
 * dates are day first and slashed ones are an error asking the user to choose (detectDateOrder
 * can choose for a whole column). Wall times are read in opts.timeZone; for DST gaps and
 * overlaps see zonedWallToMs. */
export function parseTimestamp(cell: Cell, opts: DateOptions): Transformed<number> {
  if (cell === null) return NOTHING
  if (typeof cell === 'string') {
    const plain = plainTimestamp(cell, opts)
    if (plain !== undefined) return ok(plain)
  }
  const shown = shownText(cell)
  if (typeof cell === 'string' && shown === '') return NOTHING
  if (!isValidTimeZone(opts.timeZone)) {
    return failWith('zone', { zone: quote(opts.timeZone) })
  }
  if (typeof cell === 'boolean') return failWith('date.yes-no', { text: quote(shown) })
  if (typeof cell === 'number') return numberToTimestamp(cell, shown, opts)
  if (typeof cell === 'object') {
    return cell.date ? serialToTimestamp(cell.v, shown, opts) : numberToTimestamp(cell.v, shown, opts)
  }
  if (DIGITS.test(shown)) return numberToTimestamp(Number(shown), shown, opts)
  return textToTimestamp(shown, opts)
}

function textToTimestamp(text: string, opts: DateOptions): Transformed<number> {
  const r = parseDateText(text, opts.dateOrder)
  switch (r.kind) {
    case 'wall':
      return r.offsetMs === null ? wallToTimestamp(r.wall, opts) : ok(toSeconds(wallAsUtcMs(r.wall) - r.offsetMs))
    case 'time-only':
      return failWith('date.time-only', { text: quote(text) })
    case 'bad-time':
      return failWith('date.bad-time', { text: quote(text) })
    case 'impossible':
      return r.otherOrderWorks ? failWith('date.impossible-order', { text: quote(text), dateOrder: r.order }) : failWith('date.impossible', { text: quote(text) })
    case 'ambiguous':
      return failWith('date.ambiguous', { text: quote(text), first: r.first, second: r.second })
    case 'unreadable':
      return failWith('date.unreadable', { text: quote(text) })
  }
}

/** A bare number: UNIX milliseconds or seconds when it is that large, a YYYYMMDD date when it
 * has 8 digits, otherwise an Excel serial. */
function numberToTimestamp(n: number, shown: string, opts: DateOptions): Transformed<number> {
  if (n >= 1e12 && n < 4e12) return ok(Math.floor(n / 1000))
  if (n >= 1e9 && n < 4e9) return ok(Math.floor(n))
  if (Number.isInteger(n) && n >= 1e7 && n < 1e8) return compactDateToTimestamp(n, shown, opts)
  return serialToTimestamp(n, shown, opts)
}

function compactDateToTimestamp(n: number, shown: string, opts: DateOptions): Transformed<number> {
  const digits = String(n)
  const r = parseDateText(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`, 'ymd')
  if (r.kind === 'wall') return wallToTimestamp(r.wall, opts)
  return failWith('date.compact', { text: quote(shown) })
}

/** Below 1 a serial is a time of day alone (a 'hh:mm' cell), in both date systems: 1904's
 * day 0 is a real day, but no one means 1904-01-01 as an order date. */
function serialToTimestamp(serial: number, shown: string, opts: DateOptions): Transformed<number> {
  if (serial > 0 && serial < 1) return failWith('date.time-only', { text: quote(shown) })
  const r = excelSerialToWall(serial, opts.date1904)
  if (r.ok) return wallToTimestamp(r.wall, opts)
  if (r.reason === 'lotus-leap-day') {
    return failWith('date.lotus', { text: quote(shown) })
  }
  return failWith('date.number', { text: quote(shown) })
}

function wallToTimestamp(wall: WallTime, opts: DateOptions): Transformed<number> {
  const ms = zonedWallToMs(wall, opts.timeZone)
  return ms === null ? failWith('zone.short', { zone: quote(opts.timeZone) }) : ok(toSeconds(ms))
}

function toSeconds(ms: number): number {
  return Math.floor(ms / 1000)
}

// The zone last found valid: a column's dates all use one zone, so it is checked once.
let validZone: string | null = null

function knownZone(timeZone: string): boolean {
  if (timeZone === validZone) return true
  if (!isValidTimeZone(timeZone)) return false
  validZone = timeZone
  return true
}

function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/** parseTimestamp's answer for the commonest date text, read without its regular expressions:
 * 'YYYY-M-D', optionally with ' ' or 'T' and 'H:MM' or 'H:MM:SS' (one- or two-digit month, day
 * and hour), a real date and time, no offset, in a known zone. undefined for anything else,
 * which parseTimestamp then reads in full (and words the problems of). */
export function plainTimestamp(text: string, opts: DateOptions): number | undefined {
  const n = text.length
  if (n < 8 || n > 19) return undefined
  const y0 = digitAt(text, 0)
  const y1 = digitAt(text, 1)
  const y2 = digitAt(text, 2)
  const y3 = digitAt(text, 3)
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || text.charCodeAt(4) !== 45 /* - */) return undefined
  let i = 5
  let month = digitAt(text, i++)
  if (month < 0) return undefined
  let d = digitAt(text, i)
  if (d >= 0) {
    month = month * 10 + d
    i++
  }
  if (text.charCodeAt(i++) !== 45) return undefined
  let day = digitAt(text, i++)
  if (day < 0) return undefined
  d = digitAt(text, i)
  if (d >= 0) {
    day = day * 10 + d
    i++
  }
  let hour = 0
  let minute = 0
  let second = 0
  if (i < n) {
    const gap = text.charCodeAt(i++)
    if (gap !== 32 && gap !== 84 /* T */) return undefined
    hour = digitAt(text, i++)
    if (hour < 0) return undefined
    d = digitAt(text, i)
    if (d >= 0) {
      hour = hour * 10 + d
      i++
    }
    const m0 = text.charCodeAt(i) === 58 /* : */ ? digitAt(text, i + 1) : -1
    const m1 = digitAt(text, i + 2)
    if (m0 < 0 || m1 < 0) return undefined
    minute = m0 * 10 + m1
    i += 3
    if (i < n) {
      const s0 = text.charCodeAt(i) === 58 ? digitAt(text, i + 1) : -1
      const s1 = digitAt(text, i + 2)
      if (s0 < 0 || s1 < 0 || i + 3 !== n) return undefined
      second = s0 * 10 + s1
      i += 3
    }
  }
  if (i !== n) return undefined
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
  if (!isRealDate(year, month, day) || !isRealTime(hour, minute, second) || !knownZone(opts.timeZone)) return undefined
  const ms = zonedPartsToMs(year, month, day, hour, minute, second, opts.timeZone)
  return ms === null ? undefined : toSeconds(ms)
}
