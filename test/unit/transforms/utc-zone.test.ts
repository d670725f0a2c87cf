// 'UTC' is read without an Intl formatter; it must read every date as the zones Intl resolves
// to UTC do.
import { describe, expect, it } from 'vitest'
import { isValidTimeZone, parseTimestamp } from '#shared/transforms/index'
import type { DateOptions } from '#shared/transforms/index'

describe("the 'UTC' time zone", () => {
  it('is valid and reads dates, serials and DST-era times as Etc/UTC and GMT do', () => {
    expect(isValidTimeZone('UTC')).toBe(true)
    const cells = ['2024-03-10 02:30', '2024-11-03 01:30', '15.03.2024 14:30', '1999-12-31 23:59:59', '0050-01-01', '2024-02-29', 45000.5, { v: 45000.25, z: 'dd.mm.yyyy hh:mm', w: '15.03.2023 06:00', date: true as const }]
    for (const cell of cells) {
      const read = (timeZone: string) => parseTimestamp(cell, { dateOrder: 'auto', timeZone, date1904: false } satisfies DateOptions)
      expect(read('UTC'), JSON.stringify(cell)).toEqual(read('Etc/UTC'))
      expect(read('UTC'), JSON.stringify(cell)).toEqual(read('GMT'))
    }
    expect(parseTimestamp('2024-03-10 02:30', { dateOrder: 'auto', timeZone: 'UTC', date1904: false })).toEqual({ ok: true, value: Date.UTC(2024, 2, 10, 2, 30) / 1000 })
  })
})
