import { describe, expect, it } from 'vitest'
import type { Cell } from '#shared/sheet/sheet'
import { parseTimerKill } from '#shared/transforms/index'
import type { DateOptions } from '#shared/transforms/index'

const MOSCOW: DateOptions = { dateOrder: 'auto', timeZone: 'Europe/Moscow', date1904: false }

describe('parseTimerKill', () => {
  const yesNo: Array<[Cell, string]> = [
    [true, '1'], [false, '0'], [1, '1'], [0, '0'],
    [{ v: 1, z: '0', w: '1' }, '1'], [{ v: 0, z: '0', w: '0' }, '0'],
    ['1', '1'], ['0', '0'], ['true', '1'], ['FALSE', '0'], ['TRUE', '1'], ['Yes', '1'], ['no', '0'],
    ['1.0', '1'], ['0,00', '0'], ['y', '1'], ['N', '0'], ['да', '1'], ['Нет', '0'], ['ИСТИНА', '1'], ['ЛОЖЬ', '0'], [' yes ', '1']
  ]
  it.each(yesNo)('%j -> %j', (cell, expected) => {
    expect(parseTimerKill(cell, MOSCOW)).toEqual({ ok: true, value: expected })
  })

  it('turns a date and time into UNIX seconds as text', () => {
    const expected = String(Date.UTC(2024, 2, 15, 14, 30) / 1000 - 3 * 3600)
    expect(parseTimerKill('15.03.2024 14:30', MOSCOW)).toEqual({ ok: true, value: expected })
    expect(parseTimerKill('2024-03-15T14:30:00+03:00', MOSCOW)).toEqual({ ok: true, value: expected })
    expect(parseTimerKill({ v: 45366 + 14.5 / 24, z: 'dd.mm.yyyy hh:mm', w: '15.03.2024 14:30', date: true }, MOSCOW))
      .toEqual({ ok: true, value: expected })
    expect(parseTimerKill(1710502200, MOSCOW)).toEqual({ ok: true, value: '1710502200' })
  })

  it('gives nothing for blank cells', () => {
    expect(parseTimerKill(null, MOSCOW)).toEqual({ ok: true, value: null })
    expect(parseTimerKill(' ', MOSCOW)).toEqual({ ok: true, value: null })
  })

  it('explains what it accepts when the value is neither yes/no nor a date', () => {
    expect(parseTimerKill('maybe', MOSCOW)).toMatchObject({
      ok: false,
      message: '"maybe" is neither yes/no nor a date: write yes, no, or the cancel time like 2024-03-15 14:30'
    })
  })

  it('passes date problems through', () => {
    expect(parseTimerKill('31.02.2024', MOSCOW)).toMatchObject({ ok: false, message: '"31.02.2024" is not a real date', reason: 'date.impossible' })
    expect(parseTimerKill('2', { ...MOSCOW, timeZone: 'Nowhere/City' })).toMatchObject({ ok: false })
  })
})
