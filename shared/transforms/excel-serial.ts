// Excel stores a date as a day count (a "serial") with the time of day as the fraction. It has
// no time zone: a serial is a wall-clock value. Two systems exist:
// - 1900 (the default): serial 1 is 1900-01-01. Lotus 1-2-3 wrongly treated 1900 as a leap
//   year and Excel kept the bug for compatibility, so serial 60 is the day that never was,
//   1900-02-29, and from serial 61 (1900-03-01) on every serial is one more than the true count.
// - 1904 (old Mac workbooks): serial 0 is 1904-01-01, and there is no phantom day.
import { SECONDS_PER_DAY, wallFromEpochDays } from './civil'
import type { WallTime } from './civil'

/** Days from 1970-01-01 back to the day before serial 1 (1899-12-31), and to 1899-12-30, the
 * day serial 0 would be if the phantom leap day had not pushed every later serial up by one. */
const EPOCH_DAYS_1900_BEFORE_BUG = -25_568
const EPOCH_DAYS_1900_AFTER_BUG = -25_569
const EPOCH_DAYS_1904 = -24_107
const LOTUS_LEAP_DAY = 60
/** 9999-12-31, the last day Excel can show. */
const LAST_EPOCH_DAY = 2_932_896

export type SerialResult =
  | { ok: true; wall: WallTime }
  | { ok: false; reason: 'lotus-leap-day' | 'out-of-range' }

/** The wall time an Excel serial stands for. Fractions are rounded to the nearest second,
 * because 14:30 is stored as 0.6041666…, which is a hair off in binary. */
export function excelSerialToWall(serial: number, date1904: boolean): SerialResult {
  // 1900 has no day 0 (Excel shows 1900-01-00); 1904's day 0 is 1904-01-01.
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1)) return { ok: false, reason: 'out-of-range' }
  const totalSeconds = Math.round(serial * SECONDS_PER_DAY)
  const day = Math.floor(totalSeconds / SECONDS_PER_DAY)
  const second = totalSeconds - day * SECONDS_PER_DAY
  let epochDays: number
  if (date1904) epochDays = EPOCH_DAYS_1904 + day
  else if (day < LOTUS_LEAP_DAY) epochDays = EPOCH_DAYS_1900_BEFORE_BUG + day
  else if (day === LOTUS_LEAP_DAY) return { ok: false, reason: 'lotus-leap-day' }
  else epochDays = EPOCH_DAYS_1900_AFTER_BUG + day
  if (epochDays > LAST_EPOCH_DAY) return { ok: false, reason: 'out-of-range' }
  return { ok: true, wall: wallFromEpochDays(epochDays, second) }
}
