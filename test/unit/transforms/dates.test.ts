import { describe, expect, it } from 'vitest'
import type { DateOrder } from '#shared/mapping/mapping'
import type { Cell } from '#shared/sheet/sheet'
import { parseTimestamp } from '#shared/transforms/index'
import type { DateOptions } from '#shared/transforms/index'

// Expected instants are built from Date.UTC and offsets known from the tz database, never from
// the code under test.
const HOUR = 3600
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000
}

const UTC: DateOptions = { dateOrder: 'auto', timeZone: 'UTC', date1904: false }
const MOSCOW: DateOptions = { dateOrder: 'auto', timeZone: 'Europe/Moscow', date1904: false } // UTC+3 since 2014
const NEW_YORK: DateOptions = { dateOrder: 'auto', timeZone: 'America/New_York', date1904: false }

function at(cell: Cell, opts: DateOptions = UTC): number | null {
  const r = parseTimestamp(cell, opts)
  if (!r.ok) throw new Error(`unexpected failure: ${r.message}`)
  return r.value
}

function failure(cell: Cell, opts: DateOptions = UTC): string {
  const r = parseTimestamp(cell, opts)
  if (r.ok) throw new Error(`expected a failure, got ${String(r.value)}`)
  return r.message
}

describe('parseTimestamp: text in Europe/Moscow (UTC+3)', () => {
  const cases: Array<[string, number]> = [
    ['2024-03-15', utc(2024, 3, 15) - 3 * HOUR],
    ['2024-03-15 14:30', utc(2024, 3, 15, 14, 30) - 3 * HOUR],
    ['2024-03-15 14:30:15', utc(2024, 3, 15, 14, 30, 15) - 3 * HOUR],
    ['2024-03-15T14:30:15', utc(2024, 3, 15, 14, 30, 15) - 3 * HOUR],
    ['2024-3-5 9:05', utc(2024, 3, 5, 9, 5) - 3 * HOUR],
    ['2024/03/15', utc(2024, 3, 15) - 3 * HOUR],
    ['15.03.2024', utc(2024, 3, 15) - 3 * HOUR],
    ['15.03.2024 14:30', utc(2024, 3, 15, 14, 30) - 3 * HOUR],
    ['15.03.2024, 14:30:59', utc(2024, 3, 15, 14, 30, 59) - 3 * HOUR],
    ['5.3.2024', utc(2024, 3, 5) - 3 * HOUR],
    ['15.03.24', utc(2024, 3, 15) - 3 * HOUR],
    ['15/03/2024', utc(2024, 3, 15) - 3 * HOUR],
    ['03/15/2024', utc(2024, 3, 15) - 3 * HOUR],
    ['3/15/2024 2:30 PM', utc(2024, 3, 15, 14, 30) - 3 * HOUR],
    ['3/15/2024 12:05 AM', utc(2024, 3, 15, 0, 5) - 3 * HOUR],
    ['3/15/2024 12:05 p.m.', utc(2024, 3, 15, 12, 5) - 3 * HOUR],
    ['05/05/2024', utc(2024, 5, 5) - 3 * HOUR], // both orders agree
    ['03.04.2024', utc(2024, 4, 3) - 3 * HOUR], // dots: day first
    ['29.02.2024', utc(2024, 2, 29) - 3 * HOUR],
    ['  2024-03-15 \u00A0', utc(2024, 3, 15) - 3 * HOUR],
    ['20240315', utc(2024, 3, 15) - 3 * HOUR]
  ]
  it.each(cases)('%j', (text, expected) => {
    expect(at(text, MOSCOW)).toBe(expected)
  })
})

describe('parseTimestamp: an offset in the text wins over the time zone', () => {
  const cases: Array<[string, number]> = [
    ['2024-03-15T14:30:00Z', utc(2024, 3, 15, 14, 30)],
    ['2024-03-15T14:30:00.789Z', utc(2024, 3, 15, 14, 30)],
    ['2024-03-15T14:30:00+03:00', utc(2024, 3, 15, 11, 30)],
    ['2024-03-15T14:30:00-05:00', utc(2024, 3, 15, 19, 30)],
    ['2024-03-15T14:30+0530', utc(2024, 3, 15, 9, 0)],
    ['2024-03-15T14:30:00+05', utc(2024, 3, 15, 9, 30)],
    ['2024-03-15 14:30 UTC', utc(2024, 3, 15, 14, 30)],
    ['2024-03-15 14:30 GMT', utc(2024, 3, 15, 14, 30)]
  ]
  it.each(cases)('%j', (text, expected) => {
    expect(at(text, NEW_YORK)).toBe(expected)
  })
})

describe('parseTimestamp: date order', () => {
  const opts = (dateOrder: DateOrder): DateOptions => ({ ...UTC, dateOrder })

  it('obeys an explicit order for slashed dates', () => {
    expect(at('03/04/2024', opts('dmy'))).toBe(utc(2024, 4, 3))
    expect(at('03/04/2024', opts('mdy'))).toBe(utc(2024, 3, 4))
    expect(at('03.04.2024', opts('mdy'))).toBe(utc(2024, 3, 4))
  })

  it('asks to choose the order for a slashed date that reads both ways', () => {
    expect(failure('03/04/2024')).toBe(
      '"03/04/2024" could be 3 April or March 4: choose the date order (day first or month first) for this column'
    )
    expect(failure('03-04-2024')).toContain('choose the date order')
  })

  it('lets a part above 12 decide with auto, even against the separator habit', () => {
    expect(at('13/04/2024')).toBe(utc(2024, 4, 13))
    expect(at('04/13/2024')).toBe(utc(2024, 4, 13))
    expect(at('04.13.2024')).toBe(utc(2024, 4, 13))
  })

  it('reads ISO dates year first whatever the order setting', () => {
    expect(at('2024-03-04', opts('dmy'))).toBe(utc(2024, 3, 4))
    expect(at('2024-03-04', opts('mdy'))).toBe(utc(2024, 3, 4))
  })

  it('reads two-digit years as 20YY, year first only with ymd', () => {
    expect(at('15.03.24')).toBe(utc(2024, 3, 15))
    expect(at('03/15/99')).toBe(utc(2099, 3, 15))
    expect(at('24.03.15', opts('ymd'))).toBe(utc(2024, 3, 15))
    expect(at('24.03.15', opts('dmy'))).toBe(utc(2015, 3, 24))
  })

  it('treats ymd like auto for dates whose year is last', () => {
    expect(at('15.03.2024', opts('ymd'))).toBe(utc(2024, 3, 15))
  })

  it('hints at the order setting when the other order would make a real date', () => {
    expect(failure('03/15/2024', opts('dmy'))).toBe(
      '"03/15/2024" is not a real date when read day first: check the date order chosen for this column'
    )
    expect(failure('15/03/2024', opts('mdy'))).toContain('when read month first')
  })
})

describe('parseTimestamp: rejections', () => {
  const cases: Array<[Cell, string]> = [
    ['31.02.2024', '"31.02.2024" is not a real date'],
    ['29.02.2023', '"29.02.2023" is not a real date'],
    ['2024-13-01', '"2024-13-01" is not a real date'],
    ['2024-04-31', '"2024-04-31" is not a real date'],
    ['31/31/2024', '"31/31/2024" is not a real date'],
    ['20241301', '"20241301" is not a real date (read as YYYYMMDD)'],
    ['2024-03-15 25:00', '"2024-03-15 25:00" is not a real time of day: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['2024-03-15 13:00 PM', '"2024-03-15 13:00 PM" is not a real time of day: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['2024-03-15 10:61', '"2024-03-15 10:61" is not a real time of day: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['2024-03-15T10:00+15:00', '"2024-03-15T10:00+15:00" is not a real time of day: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['14:30', '"14:30" has a time but no date: add the day, like 2024-03-15 14:30'],
    ['abc', '"abc" is not a date and time this app can read: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['49.03-', '"49.03-" is not a date and time this app can read: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['15 марта 2024', '"15 марта 2024" is not a date and time this app can read: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['12345678.5', '"12345678.5" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    ['1.2.3', '"1.2.3" is not a date and time this app can read: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    ['123.45.2024', '"123.45.2024" is not a date and time this app can read: write it like 2024-03-15 14:30 or 15.03.2024 14:30'],
    [true, '"true" is a yes/no value, not a date'],
    [0, '"0" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    [-5, '"-5" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    [5_000_000, '"5000000" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    [500_000_000, '"500000000" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    [5e9, '"5000000000" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    [5e12, '"5000000000000" is not a date: a number here must be an Excel date, or UNIX time in seconds or milliseconds'],
    [0.5, '"0.5" has a time but no date: add the day, like 2024-03-15 14:30'],
    [{ v: 0.6041666666666666, z: 'hh:mm', w: '14:30', date: true }, '"14:30" has a time but no date: add the day, like 2024-03-15 14:30']
  ]
  it.each(cases)('%j', (cell, message) => {
    expect(failure(cell)).toBe(message)
  })
})

describe('parseTimestamp: numbers', () => {
  it('takes 1e9..4e9 as UNIX seconds and 1e12..4e12 as milliseconds, as numbers or digit text', () => {
    expect(at(1291001819)).toBe(1291001819)
    expect(at('1291001819')).toBe(1291001819)
    expect(at(1291001819.9)).toBe(1291001819)
    expect(at(1_700_000_000_123)).toBe(1_700_000_000)
    expect(at('1700000000999')).toBe(1_700_000_000)
    expect(at({ v: 1291001819, z: '0', w: '1291001819' })).toBe(1291001819)
  })

  it('ignores the time zone for UNIX times', () => {
    expect(at(1291001819, MOSCOW)).toBe(1291001819)
  })

  it('takes small numbers as Excel serials in the 1900 system', () => {
    expect(at(25569)).toBe(0) // 1970-01-01
    expect(at(43831)).toBe(utc(2020, 1, 1))
    expect(at(45366)).toBe(utc(2024, 3, 15))
    expect(at('45366')).toBe(utc(2024, 3, 15))
    expect(at(45366.5)).toBe(utc(2024, 3, 15, 12))
    expect(at('45366.75')).toBe(utc(2024, 3, 15, 18))
    expect(at(2958465)).toBe(utc(9999, 12, 31))
    expect(failure(2958466)).toContain('is not a date')
  })

  it('reads the serial as wall time in the time zone', () => {
    expect(at(45366.5, MOSCOW)).toBe(utc(2024, 3, 15, 12) - 3 * HOUR)
    expect(at({ v: 45366.5, z: 'dd.mm.yyyy hh:mm', w: '15.03.2024 12:00', date: true }, MOSCOW)).toBe(
      utc(2024, 3, 15, 12) - 3 * HOUR
    )
  })

  it('rounds serial fractions to the nearest second', () => {
    expect(at(45366 + (14 * 60 + 30) / 1440)).toBe(utc(2024, 3, 15, 14, 30))
    expect(at(45366.99999999)).toBe(utc(2024, 3, 16))
  })

  it('treats a date-formatted cell as a serial even when its value is large', () => {
    expect(failure({ v: 1_700_000_000, z: 'yyyy-mm-dd', w: '#####', date: true })).toContain('"#####" is not a date')
  })

  it('follows the Lotus 1900 leap-year bug', () => {
    expect(at(1)).toBe(utc(1900, 1, 1))
    expect(at(59)).toBe(utc(1900, 2, 28))
    expect(failure(60)).toBe(
      '"60" is 29 February 1900, a day that never was (an old Excel quirk): enter the real date'
    )
    expect(at(61)).toBe(utc(1900, 3, 1))
    expect(at(59.5)).toBe(utc(1900, 2, 28, 12))
  })

  it('counts from 1904-01-01 in the 1904 date system', () => {
    const opts: DateOptions = { ...UTC, date1904: true }
    expect(at(1, opts)).toBe(utc(1904, 1, 2))
    expect(at(59, opts)).toBe(utc(1904, 2, 29)) // 1904 really was a leap year
    expect(at(60, opts)).toBe(utc(1904, 3, 1)) // no phantom day in this system
    expect(at(24107, opts)).toBe(0)
    expect(at({ v: 0, z: 'yyyy-mm-dd', w: '1904-01-01', date: true }, opts)).toBe(utc(1904, 1, 1))
    expect(at(45366 - 1462, opts)).toBe(utc(2024, 3, 15))
    expect(at({ v: 43904.25, z: 'yyyy-mm-dd hh:mm', w: '2024-03-15 06:00', date: true }, opts)).toBe(utc(2024, 3, 15, 6))
    expect(failure(0.5, opts)).toContain('has a time but no date')
  })
})

describe('parseTimestamp: time zones and DST', () => {
  const ny = (text: string): number | null => at(text, NEW_YORK)
  // 2024 in New York: EST (UTC-5) until 2024-03-10 02:00, then EDT (UTC-4) until 2024-11-03 02:00.
  it('uses standard and summer offsets', () => {
    expect(ny('2024-01-15 12:00')).toBe(utc(2024, 1, 15, 17))
    expect(ny('2024-07-15 12:00')).toBe(utc(2024, 7, 15, 16))
  })

  it('around the spring-forward gap', () => {
    expect(ny('2024-03-10 01:59')).toBe(utc(2024, 3, 10, 6, 59))
    expect(ny('2024-03-10 03:00')).toBe(utc(2024, 3, 10, 7))
    expect(ny('2024-03-10 03:30')).toBe(utc(2024, 3, 10, 7, 30))
  })

  it('reads a nonexistent time with the offset before the jump (02:30 -> 03:30 EDT)', () => {
    expect(ny('2024-03-10 02:30')).toBe(utc(2024, 3, 10, 7, 30))
    expect(ny('2024-03-10 02:00')).toBe(utc(2024, 3, 10, 7))
  })

  it('reads a time that happens twice as the first (EDT) one', () => {
    expect(ny('2024-11-03 00:59')).toBe(utc(2024, 11, 3, 4, 59))
    expect(ny('2024-11-03 01:00')).toBe(utc(2024, 11, 3, 5))
    expect(ny('2024-11-03 01:30')).toBe(utc(2024, 11, 3, 5, 30))
    expect(ny('2024-11-03 01:59:59')).toBe(utc(2024, 11, 3, 5, 59, 59))
    expect(ny('2024-11-03 02:00')).toBe(utc(2024, 11, 3, 7))
    expect(ny('2024-11-04 01:30')).toBe(utc(2024, 11, 4, 6, 30))
  })

  it('handles the day before and after a change, where the cache brackets the change', () => {
    expect(ny('2024-03-09 23:30')).toBe(utc(2024, 3, 10, 4, 30))
    expect(ny('2024-03-11 00:30')).toBe(utc(2024, 3, 11, 4, 30))
    expect(ny('2024-11-02 23:30')).toBe(utc(2024, 11, 3, 3, 30))
  })

  it('handles Excel serials on a DST day', () => {
    // 2024-11-03 is serial 45599 (45366 + 233 days).
    expect(at(45599 + 1.5 / 24, NEW_YORK)).toBe(utc(2024, 11, 3, 5, 30))
  })

  it('handles half-hour DST (Lord Howe: +10:30 standard, +11 summer)', () => {
    const lordHowe: DateOptions = { ...UTC, timeZone: 'Australia/Lord_Howe' }
    // Summer ends 2024-04-07 02:00 (+11) -> 01:30 (+10:30): 01:45 happens twice.
    expect(at('2024-04-07 01:45', lordHowe)).toBe(utc(2024, 4, 7, 1, 45) - 11 * HOUR)
    expect(at('2024-04-07 03:00', lordHowe)).toBe(utc(2024, 4, 7, 3) - 10.5 * HOUR)
    // Summer starts 2024-10-06 02:00 (+10:30) -> 02:30 (+11): 02:15 never happens.
    expect(at('2024-10-06 02:15', lordHowe)).toBe(utc(2024, 10, 6, 2, 15) - 10.5 * HOUR)
  })

  it('handles southern-hemisphere and odd offsets and historic rules', () => {
    // Sydney: 2024-04-07 03:00 AEDT (+11) -> 02:00 AEST (+10); 02:30 happens twice.
    expect(at('2024-04-07 02:30', { ...UTC, timeZone: 'Australia/Sydney' })).toBe(utc(2024, 4, 7, 2, 30) - 11 * HOUR)
    expect(at('2024-03-15 12:00', { ...UTC, timeZone: 'Asia/Kathmandu' })).toBe(utc(2024, 3, 15, 12) - 5.75 * HOUR)
    // Moscow was UTC+4 all year from 2011-03-27 to 2014-10-26.
    expect(at('2012-06-01 12:00', MOSCOW)).toBe(utc(2012, 6, 1, 8))
    expect(at('2012-01-01 12:00', MOSCOW)).toBe(utc(2012, 1, 1, 8))
  })

  it('rejects an unknown time zone, naming it', () => {
    const bad: DateOptions = { ...UTC, timeZone: 'Mars/Olympus' }
    expect(failure('2024-03-15', bad)).toBe(
      'unknown time zone "Mars/Olympus": use a name like Europe/Moscow, America/New_York or UTC'
    )
    expect(failure(45366, bad)).toContain('unknown time zone')
    expect(failure('2024-03-15', { ...UTC, timeZone: '' })).toContain('unknown time zone')
  })

  it('gives nothing for blank cells, whatever the options', () => {
    expect(parseTimestamp(null, { ...UTC, timeZone: 'Mars/Olympus' })).toEqual({ ok: true, value: null })
    expect(parseTimestamp('  ', MOSCOW)).toEqual({ ok: true, value: null })
  })

  it('accepts time zone names in any letter case and UTC aliases', () => {
    expect(at('2024-03-15 14:30', { ...UTC, timeZone: 'europe/moscow' })).toBe(utc(2024, 3, 15, 11, 30))
    expect(at('2024-03-15 14:30', { ...UTC, timeZone: 'Etc/UTC' })).toBe(utc(2024, 3, 15, 14, 30))
  })
})
