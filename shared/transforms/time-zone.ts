// Wall time in an IANA time zone -> instant, with only Intl (no tz database of our own).
import { MS_PER_DAY, wallAsUtcMs, wallPartsAsUtcMs } from './civil'
import type { WallTime } from './civil'

interface Zone {
  /** null for UTC itself, which needs no formatter (making one costs some 20 ms of ICU). */
  format: Intl.DateTimeFormat | null
  utc: boolean
  /** UTC offset (ms) at the start of each UTC day asked about; formatToParts is slow, and a
   * 100k-row sheet only spans a few hundred days. */
  dayOffsets: Map<number, number>
}

const MAX_CACHED_DAYS = 20_000
const zones = new Map<string, Zone | null>()

// The zone asked for last: a sheet's dates are nearly always read in one zone.
let lastName: string | null = null
let lastZone: Zone | null = null

function zoneFor(timeZone: string): Zone | null {
  if (timeZone === lastName) return lastZone
  const zone = lookUpZone(timeZone)
  lastName = timeZone
  lastZone = zone
  return zone
}

function lookUpZone(timeZone: string): Zone | null {
  const cached = zones.get(timeZone)
  if (cached !== undefined) return cached
  let zone: Zone | null = null
  if (timeZone === 'UTC') {
    zone = { format: null, utc: true, dayOffsets: new Map() }
    zones.set(timeZone, zone)
    return zone
  }
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    zone = { format, utc: format.resolvedOptions().timeZone === 'UTC', dayOffsets: new Map() }
  } catch {
    zone = null // RangeError: not a time zone Intl knows
  }
  zones.set(timeZone, zone)
  return zone
}

export function isValidTimeZone(timeZone: string): boolean {
  return timeZone.trim() !== '' && zoneFor(timeZone) !== null
}

/** Local time minus UTC, in ms, at the instant `ms` (a whole second). */
function offsetAt(zone: Zone, ms: number): number {
  if (zone.format === null) return 0
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const part of zone.format.formatToParts(ms)) {
    if (part.type === 'literal') continue
    const n = Number(part.value)
    if (part.type === 'year') wall.year = n
    else if (part.type === 'month') wall.month = n
    else if (part.type === 'day') wall.day = n
    else if (part.type === 'hour') wall.hour = n === 24 ? 0 : n
    else if (part.type === 'minute') wall.minute = n
    else if (part.type === 'second') wall.second = n
  }
  return wallAsUtcMs(wall) - ms
}

function dayOffset(zone: Zone, dayStartMs: number): number {
  const cached = zone.dayOffsets.get(dayStartMs)
  if (cached !== undefined) return cached
  if (zone.dayOffsets.size >= MAX_CACHED_DAYS) zone.dayOffsets.clear()
  const offset = offsetAt(zone, dayStartMs)
  zone.dayOffsets.set(dayStartMs, offset)
  return offset
}

/** Milliseconds since the epoch of a wall time in `timeZone`, or null for an unknown zone.
 * Around a DST change, resolves like Temporal's 'compatible' mode: a time that happens twice
 * (clocks go back) is the first, earlier one; a time that never happens (clocks jump forward)
 * is read with the offset in force before the jump, i.e. moved later by the jump
 * (New York 2024-03-10 02:30 -> 03:30 EDT). */
export function zonedWallToMs(wall: WallTime, timeZone: string): number | null {
  return zonedPartsToMs(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, timeZone)
}

/** zonedWallToMs for a wall time given as numbers (no object per cell on the hot path). */
export function zonedPartsToMs(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number | null {
  const zone = zoneFor(timeZone)
  if (zone === null) return null
  const asUtc = wallPartsAsUtcMs(year, month, day, hour, minute, second)
  if (zone.utc) return asUtc
  // Any instant that shows this wall time lies within 15 h of `asUtc`. Offsets a day before and
  // two days after the UTC day bracket it; if they agree, no change of offset is near (zones
  // never change twice in three days).
  const dayStart = Math.floor(asUtc / MS_PER_DAY) * MS_PER_DAY
  const before = dayOffset(zone, dayStart - MS_PER_DAY)
  const after = dayOffset(zone, dayStart + 2 * MS_PER_DAY)
  if (before === after) return asUtc - before
  const early = asUtc - before
  const late = asUtc - after
  const earlyShowsWall = offsetAt(zone, early) === before
  const lateShowsWall = offsetAt(zone, late) === after
  return lateShowsWall && !earlyShowsWall ? late : early
}
