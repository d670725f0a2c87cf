// Calendar arithmetic on wall-clock values, independent of any time zone.

/** A local date and time as written or stored, before a time zone gives it an instant. */
export interface WallTime {
  year: number
  /** 1..12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

export const SECONDS_PER_DAY = 86_400
export const MS_PER_DAY = SECONDS_PER_DAY * 1000

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0)
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function isRealTime(hour: number, minute: number, second: number): boolean {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
}

/** Milliseconds since 1970-01-01T00:00 for this wall time read as if it were UTC. */
export function wallAsUtcMs(w: WallTime): number {
  return wallPartsAsUtcMs(w.year, w.month, w.day, w.hour, w.minute, w.second)
}

/** wallAsUtcMs for a wall time given as numbers, for callers that have no WallTime object. */
export function wallPartsAsUtcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC maps years 0..99 to 1900..1999; put such years back where they belong.
  return year < 100 ? new Date(ms).setUTCFullYear(year) : ms
}

/** The wall time `days` days and `seconds` seconds after 1970-01-01 00:00. */
export function wallFromEpochDays(days: number, seconds: number): WallTime {
  const d = new Date((days * SECONDS_PER_DAY + seconds) * 1000)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds()
  }
}
