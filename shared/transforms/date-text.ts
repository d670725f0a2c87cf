// Reading dates and times written as text. Deliberately strict: V8's Date parser turns almost
// anything ("49.03-") into some date, so only the shapes below are accepted.
import type { DateOrder } from '../mapping/mapping'
import { isRealDate, isRealTime } from './civil'
import type { WallTime } from './civil'

/** A date of three numbers and an optional time: '2024-03-15T14:30:00+03:00', '15.03.2024 14:30',
 * '3/15/2024 2:30 PM', '15.03.24'. Groups: 1-3 date parts, 4 separator, 5-8 time, 9 am/pm,
 * 10 offset. */
const DATE_TIME = new RegExp(
  String.raw`^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})` +
    String.raw`(?:(?:T|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?` +
    String.raw`(?:\s*([ap])\.?m\.?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?$`,
  'i'
)
const TIME_ONLY = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?$/i
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/

export interface DateParts {
  /** The three date numbers in written order, with the digit count of the first and last. */
  first: number
  second: number
  third: number
  firstDigits: number
  thirdDigits: number
  separator: string
  time: { hour: number; minute: number; second: number } | null
  /** Explicit UTC offset in ms (Z, UTC, +03:00), or null when the text has none. */
  offsetMs: number | null
}

export type DateTextResult =
  | { kind: 'wall'; wall: WallTime; offsetMs: number | null }
  | { kind: 'time-only' }
  | { kind: 'unreadable' }
  | { kind: 'bad-time' }
  | { kind: 'impossible'; order: 'dmy' | 'mdy' | 'ymd'; otherOrderWorks: boolean }
  | { kind: 'ambiguous'; first: number; second: number }

/** Splits date text into its numbers, or null when it is not one of the accepted shapes. */
export function matchDateText(text: string): DateParts | null | 'time-only' | 'bad-time' {
  const m = DATE_TIME.exec(text)
  if (!m) return TIME_ONLY.test(text) ? 'time-only' : null
  const [, a = '', sep = '', b = '', c = '', hh, mi, ss, , ampm, zone] = m
  let time: DateParts['time'] = null
  if (hh !== undefined && mi !== undefined) {
    let hour = Number(hh)
    if (ampm !== undefined) {
      if (hour < 1 || hour > 12) return 'bad-time'
      hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0)
    }
    time = { hour, minute: Number(mi), second: ss === undefined ? 0 : Number(ss) }
    if (!isRealTime(time.hour, time.minute, time.second)) return 'bad-time'
  }
  const offsetMs = zone === undefined ? null : parseOffset(zone)
  if (offsetMs === undefined) return 'bad-time'
  return {
    first: Number(a),
    second: Number(b),
    third: Number(c),
    firstDigits: a.length,
    thirdDigits: c.length,
    separator: sep,
    time,
    offsetMs
  }
}

/** ms, or undefined for an offset no place on earth uses. */
function parseOffset(zone: string): number | undefined {
  const upper = zone.toUpperCase()
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 0
  const m = OFFSET.exec(zone)
  const hours = Number(m?.[2])
  const minutes = Number(m?.[3] ?? 0)
  if (!m || hours > 14 || minutes > 59) return undefined
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000
}

/** Which written position holds the year: first (2024-03-15), last (15.03.2024), or unclear
 * when all three parts are short (15.03.24), where only an explicit 'ymd' puts it first. */
export function yearPosition(p: DateParts, dateOrder: DateOrder): 'first' | 'last' | null {
  if (p.firstDigits === 4 && p.thirdDigits <= 2) return 'first'
  if (p.thirdDigits === 4 && p.firstDigits <= 2) return 'last'
  if (p.firstDigits > 2 || p.thirdDigits > 2) return null
  if (dateOrder === 'ymd') return p.firstDigits === 2 ? 'first' : null
  return p.thirdDigits === 2 ? 'last' : null
}

/** Two-digit years are this century: '24' is 2024 (order dates, not birthdays). */
function fullYear(n: number, digits: number): number {
  return digits <= 2 ? 2000 + n : n
}

/** Day/month order for a date with the year last. An explicit 'dmy'/'mdy' is obeyed. With
 * 'auto' (or 'ymd', which says nothing about these): a part above 12 can only be the day;
 * when both are 12 or less, dots mean day first (the convention everywhere dots are used:
 * 03.04.2024 is 3 April), equal parts cannot be misread, and slashes or dashes are truly
 * ambiguous (03/04/2024 is 3 April in Moscow and March 4 in New York), so the user is asked
 * to choose the order for the column; detectDateOrder can choose it from the whole column. */
function dayMonthOrder(p: DateParts, dateOrder: DateOrder): 'dmy' | 'mdy' | 'ambiguous' {
  if (dateOrder === 'dmy' || dateOrder === 'mdy') return dateOrder
  if (p.first > 12 && p.second <= 12) return 'dmy'
  if (p.second > 12 && p.first <= 12) return 'mdy'
  if (p.first > 12 || p.separator === '.' || p.first === p.second) return 'dmy'
  return 'ambiguous'
}

export function parseDateText(text: string, dateOrder: DateOrder): DateTextResult {
  const p = matchDateText(text)
  if (p === null) return { kind: 'unreadable' }
  if (p === 'time-only' || p === 'bad-time') return { kind: p }
  const position = yearPosition(p, dateOrder)
  if (position === null) return { kind: 'unreadable' }
  let year: number
  let month: number
  let day: number
  let order: 'dmy' | 'mdy' | 'ymd'
  let otherOrderWorks = false
  if (position === 'first') {
    order = 'ymd'
    ;[year, month, day] = [fullYear(p.first, p.firstDigits), p.second, p.third]
  } else {
    const chosen = dayMonthOrder(p, dateOrder)
    if (chosen === 'ambiguous') return { kind: 'ambiguous', first: p.first, second: p.second }
    order = chosen
    year = fullYear(p.third, p.thirdDigits)
    ;[day, month] = chosen === 'dmy' ? [p.first, p.second] : [p.second, p.first]
    otherOrderWorks = isRealDate(year, day, month)
  }
  if (!isRealDate(year, month, day)) return { kind: 'impossible', order, otherOrderWorks }
  const t = p.time ?? { hour: 0, minute: 0, second: 0 }
  return { kind: 'wall', wall: { year, month, day, ...t }, offsetMs: p.offsetMs }
}
