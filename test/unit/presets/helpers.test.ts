// The small readers behind the source rules: full names, zones, quantities and amounts, dates
// with separate time and zone cells, totals rows, merged cells and two-level headers.
import { describe, expect, it } from 'vitest'
import { splitFullName } from '#shared/transforms/full-name'
import { readZone } from '#shared/transforms/zone-offset'
import { multiplyAmount, readQuantity, splitAmount } from '#shared/plan/quantity'
import { combineDateTime, timeOfDay } from '#shared/transforms/date-time-columns'
import { isTotalsRow } from '#shared/plan/totals-rows'
import { noteText } from '#shared/presets/notes'
import { collapseTwoLevelHeader, fillMerges } from '../../../electron/main/sheets/orders-sheet'

describe('full names', () => {
  it('splits given name first, surname first (ФИО) and "Surname, Given"', () => {
    expect(splitFullName('Mary Ann Smith', 'given-first')).toEqual({ first: 'Mary', last: 'Ann Smith', middle: '' })
    expect(splitFullName('Иванов Иван Иванович', 'surname-first')).toEqual({ first: 'Иван', last: 'Иванов', middle: 'Иванович' })
    expect(splitFullName('Smith,  John', 'given-first')).toEqual({ first: 'John', last: 'Smith', middle: '' })
    expect(splitFullName('Cher', 'given-first')).toEqual({ first: 'Cher', last: '', middle: '' })
  })
})

describe('zones in a cell', () => {
  it('reads abbreviations, offsets and IANA names, and nothing else', () => {
    expect(readZone('PST')).toEqual({ kind: 'offset', minutes: -480 })
    expect(readZone('+0300')).toEqual({ kind: 'offset', minutes: 180 })
    expect(readZone('GMT-05:00')).toEqual({ kind: 'offset', minutes: -300 })
    expect(readZone('Europe/Moscow')).toEqual({ kind: 'name', zone: 'Europe/Moscow' })
    expect(readZone('Mars')).toBeNull()
  })

  it('joins a date, a time and a zone into one moment', () => {
    const options = { dateOrder: 'mdy' as const, timeZone: 'Europe/Moscow', date1904: false }
    expect(combineDateTime('11/20/2026', '7:15:32 AM', 'PDT', options)).toEqual({ ok: true, value: Date.UTC(2026, 10, 20, 14, 15, 32) / 1000 })
    expect(combineDateTime('11/20/2026', '07:15', undefined, options)).toEqual({ ok: true, value: Date.UTC(2026, 10, 20, 4, 15) / 1000 })
    expect(combineDateTime('11/20/2026', '25:00', undefined, options)).toMatchObject({ ok: false, message: expect.stringContaining('"25:00"') })
    expect(combineDateTime('11/20/2026', '10:00', 'XYZ', options)).toMatchObject({ ok: false, message: expect.stringContaining('"XYZ"') })
    expect(timeOfDay('12:00:00 AM')).toBe(0)
  })
})

describe('quantities and amounts', () => {
  it('reads whole numbers from 1, empty as 1', () => {
    expect(readQuantity('3')).toEqual({ ok: true, value: 3 })
    expect(readQuantity(2)).toEqual({ ok: true, value: 2 })
    expect(readQuantity('2,0')).toEqual({ ok: true, value: 2 })
    expect(readQuantity(null)).toEqual({ ok: true, value: 1 })
    expect(readQuantity('0').ok).toBe(false)
    expect(readQuantity('two').ok).toBe(false)
  })

  it('multiplies and splits exactly, to the cent', () => {
    expect(multiplyAmount('10.5', 3)).toBe('31.5')
    expect(multiplyAmount('0.1', 3)).toBe('0.3')
    expect(multiplyAmount('1.005', 2)).toBeNull()
    expect(splitAmount('10', 3)).toEqual(['3.34', '3.33', '3.33'])
    expect(splitAmount('-1', 2)).toEqual(['-0.5', '-0.5'])
  })
})

describe('totals rows', () => {
  it('are rows whose first cell says so, or rows of only sums, with no e-mail or product', () => {
    expect(isTotalsRow(['Итого:', null, 100], 1, 2)).toBe(false) // the product column is filled
    expect(isTotalsRow(['Итого:', null, null, 100], 1, 2)).toBe(true)
    expect(isTotalsRow([null, null, null, 'Grand total', 100], 1, 2)).toBe(true)
    expect(isTotalsRow([null, null, null, 4, '11 500,00'], 1, 2)).toBe(true)
    expect(isTotalsRow(['Итого', 'a@x.ru', 'P'], 1, 2)).toBe(false)
    expect(isTotalsRow(['Ivan', null, null], 1, 2)).toBe(false)
    // a bare line of an order (its number filled) is not a totals row
    expect(isTotalsRow(['1', null, null, '20'], 1, 2, 0)).toBe(false)
  })

  it('have a note with their rows', () => {
    expect(noteText({ code: 'totals.skipped', params: { rows: '9, 14', count: 2, example: 'Всего' } })).toBe('Rows 9, 14 are totals rows ("Всего") and are left out.')
  })
})

describe('merged cells', () => {
  it('give their value to every cell they cover, and a two-level header becomes one', () => {
    const data: Array<Array<string | undefined> | undefined> = [
      ['№ заказа', 'Покупатель', undefined],
      [undefined, 'ФИО', 'E-mail'],
      ['1', 'Иванов Иван', 'i@x.ru']
    ]
    const merges = [
      { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }
    ]
    fillMerges(data, merges)
    expect(data[1]![0]).toBe('№ заказа')
    expect(data[0]![2]).toBe('Покупатель')
    const records = { cells: data.map((r) => (r ?? []).map((c) => c ?? null)), rows: [1, 2, 3] }
    collapseTwoLevelHeader(records, merges)
    expect(records).toEqual({ cells: [['№ заказа', 'ФИО', 'E-mail'], ['1', 'Иванов Иван', 'i@x.ru']], rows: [2, 3] })
  })
})
