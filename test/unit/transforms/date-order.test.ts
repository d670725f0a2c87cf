import { describe, expect, it } from 'vitest'
import type { Cell } from '#shared/sheet/sheet'
import { detectDateOrder, parseTimestamp } from '#shared/transforms/index'

describe('detectDateOrder', () => {
  it('picks day first from a day above 12', () => {
    const guess = detectDateOrder(['03/04/2024', null, '15/04/2024 10:00', 45366])
    expect(guess.order).toBe('dmy')
    expect(guess.reason).toBe('"15/04/2024 10:00" can only be read day first')
  })

  it('picks month first from a day above 12 in second place', () => {
    const guess = detectDateOrder(['03/04/2024', '04/28/2024 2:30 PM'])
    expect(guess.order).toBe('mdy')
    expect(guess.reason).toContain('"04/28/2024 2:30 PM"')
  })

  it('refuses to choose for slashed dates that all read both ways', () => {
    const guess = detectDateOrder(['03/04/2024', '01/02/2024', '05/05/2024'])
    expect(guess.order).toBeNull()
    expect(guess.reason).toContain('choose the date order')
  })

  it('reports a column that mixes both orders', () => {
    const guess = detectDateOrder(['13/01/2024', '01/13/2024'])
    expect(guess.order).toBeNull()
    expect(guess.reason).toContain('"13/01/2024"')
    expect(guess.reason).toContain('"01/13/2024"')
  })

  it('reads dotted dates day first, as parseTimestamp does', () => {
    expect(detectDateOrder(['03.04.2024', '01.02.2024']).order).toBe('dmy')
  })

  it('recognises year-first columns', () => {
    expect(detectDateOrder(['2024-03-04', '2024-05-06 10:00']).order).toBe('ymd')
    expect(detectDateOrder(['2024-03-04', '15.03.2024']).order).toBe('dmy')
  })

  it('has nothing to say about numbers, Excel dates or garbage', () => {
    const cells: Cell[] = [45366, { v: 45366, z: 'dd/mm/yyyy', w: '15/03/2024', date: true }, 'abc', '', null]
    const guess = detectDateOrder(cells)
    expect(guess.order).toBeNull()
    expect(guess.reason).toBe('the column has no dates written as text to tell the order from')
  })

  it('gives an order that parseTimestamp then reads the whole column with', () => {
    const column = ['03/04/2024', '04/28/2024']
    const guess = detectDateOrder(column)
    expect(guess.order).not.toBeNull()
    const dateOrder = guess.order ?? 'auto'
    const first = parseTimestamp(column[0] ?? null, { dateOrder, timeZone: 'UTC', date1904: false })
    expect(first).toEqual({ ok: true, value: Date.UTC(2024, 2, 4) / 1000 })
  })
})
