// A date whose time of day and time zone are in columns of their own (PayPal's Date, Time,
// TimeZone): the three cells read as one moment, in UNIX seconds.
import type { Cell } from '../sheet/sheet'
import { parseTimestamp, type DateOptions } from './index'
import { shownText } from './text'
import { zonedPartsToMs } from './time-zone'
import { quote } from './quote'
import { readZone } from './zone-offset'
import { reasonMessage, type ReasonParams } from './reason'
import type { Failure } from './result'

function failure(reason: string, params: ReasonParams): Failure {
  return { ok: false, message: reasonMessage(reason, params), reason, params }
}

export type Combined = { ok: true; value: number | null } | Failure

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?$/

/** Seconds after midnight of a time like 14:05, 14:05:09 or 2:05:09 PM, or null. */
export function timeOfDay(text: string): number | null {
  const m = TIME.exec(text.trim())
  if (!m) return null
  let hour = Number(m[1])
  const minute = Number(m[2])
  const second = Number(m[3] ?? 0)
  const half = m[4]?.toUpperCase()
  if (half) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (half === 'PM' ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return null
  return hour * 3600 + minute * 60 + second
}

export function combineDateTime(dateCell: Cell, timeCell: Cell | undefined, zoneCell: Cell | undefined, opts: DateOptions): Combined {
  const timeText = timeCell === undefined || timeCell === null ? '' : shownText(timeCell).trim()
  const zoneText = zoneCell === undefined || zoneCell === null ? '' : shownText(zoneCell).trim()
  // The date read as a wall time: UTC stands in for "no zone yet".
  const day = parseTimestamp(dateCell, { ...opts, timeZone: 'UTC' })
  if (!day.ok) return day
  if (day.value === null) return { ok: true, value: null }
  let wall = day.value
  if (timeText !== '') {
    const seconds = timeOfDay(timeText)
    if (seconds === null) return failure('date.time-column', { text: quote(timeText) })
    wall = Math.floor(wall / 86400) * 86400 + seconds
  }
  if (zoneText !== '') {
    const zone = readZone(zoneText)
    if (zone === null) return failure('date.zone-column', { text: quote(zoneText) })
    if (zone.kind === 'offset') return { ok: true, value: wall - zone.minutes * 60 }
    return inZone(wall, zone.zone)
  }
  return inZone(wall, opts.timeZone)
}

function inZone(wallSeconds: number, zone: string): Combined {
  const d = new Date(wallSeconds * 1000)
  const ms = zonedPartsToMs(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), zone)
  if (ms === null) return failure('zone.short', { zone: quote(zone) })
  return { ok: true, value: Math.floor(ms / 1000) }
}
