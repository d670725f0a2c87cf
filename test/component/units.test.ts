// The renderer's pure helpers: page cache, grid geometry, mapping edits, column choices, words.
import { describe, expect, it } from 'vitest'
import { columnChoices, columnLetter } from '../../renderer/src/lib/columns'
import { translatorFor } from '#shared/i18n/translate'
import { customUrlProblem, domainChoiceOf } from '../../renderer/src/screens/connection/domains'
import { parseTarget } from '../../renderer/src/screens/map/field-targets'
import { addGood, assignColumn, removeGood, setGoodPart, setOrderField } from '../../renderer/src/screens/map/mapping-edit'
import { HEAD_HEIGHT, OVERSCAN, ROW_HEIGHT, scrollToShowRow, visibleRows } from '../../renderer/src/screens/review/grid-geometry'
import { RowPageCache } from '../../renderer/src/screens/review/row-page-cache'
import { readPace } from '../../renderer/src/screens/send/send-settings'
import { gridRow, mapping } from './fixtures'

const t = translatorFor('en')
const ru = translatorFor('ru')

describe('RowPageCache', () => {
  it('asks only for pages it neither holds nor awaits', () => {
    const cache = new RowPageCache(200, 4)
    expect(cache.missing(0, 450)).toEqual([0, 1, 2])
    cache.request(0)
    cache.request(1)
    expect(cache.missing(150, 450)).toEqual([2])
    cache.settle(1, Array.from({ length: 200 }, (_, i) => gridRow(200 + i)))
    expect(cache.get(250)?.row).toBe(252)
    expect(cache.get(10)).toBeUndefined()
    cache.settle(0, null) // a failed page can be asked for again
    expect(cache.missing(0, 10)).toEqual([0])
  })

  it('never holds more than its limit and drops the pages farthest from the view', () => {
    const cache = new RowPageCache(10, 3)
    const page = (p: number) => Array.from({ length: 10 }, (_, i) => gridRow(p * 10 + i))
    for (const p of [0, 1, 2]) cache.settle(p, page(p))
    cache.missing(500, 509) // the user jumped to page 50
    cache.settle(50, page(50))
    expect(cache.size).toBe(3)
    expect(cache.get(5)).toBeUndefined()
    expect(cache.get(505)?.row).toBe(507)
    expect(cache.get(25)?.row).toBe(27)
  })

  it('replaces a changed row in place', () => {
    const cache = new RowPageCache(10, 3)
    cache.settle(0, Array.from({ length: 10 }, (_, i) => gridRow(i)))
    expect(cache.replace(gridRow(3, { excluded: true }))).toBe(true)
    expect(cache.get(3)?.excluded).toBe(true)
    expect(cache.replace(gridRow(99))).toBe(false)
  })
})

describe('grid geometry', () => {
  it('renders the rows in view plus the overscan, clipped to the sheet', () => {
    const inView = Math.ceil((600 - HEAD_HEIGHT) / ROW_HEIGHT)
    expect(visibleRows(0, 600, 100_000)).toEqual({ first: 0, last: inView + OVERSCAN })
    const at = visibleRows(1000 * ROW_HEIGHT, 600, 100_000)
    expect(at.first).toBe(1000 - OVERSCAN)
    expect(at.last - at.first).toBeLessThan(inView + 2 * OVERSCAN + 2)
    expect(visibleRows(99_999 * ROW_HEIGHT, 600, 100_000).last).toBe(99_999)
    expect(visibleRows(0, 600, 0).last).toBe(-1)
  })

  it('scrolls just enough to show a row', () => {
    expect(scrollToShowRow(5, 0, 600)).toBeNull()
    expect(scrollToShowRow(3, 10 * ROW_HEIGHT, 600)).toBe(3 * ROW_HEIGHT)
    const body = 600 - HEAD_HEIGHT
    expect(scrollToShowRow(40, 0, 600)).toBe(41 * ROW_HEIGHT - body)
  })
})

describe('mapping edits', () => {
  it('drops a field set to "not mapped" and keeps transforms when the column changes', () => {
    const start = setOrderField(mapping(), 'bill_created', { source: { kind: 'column', column: 'Date' }, transform: { dateOrder: 'dmy' } })
    const moved = assignColumn(start, { kind: 'order', key: 'bill_created' }, { column: 'Created' })
    expect(moved.fields.bill_created).toEqual({ source: { kind: 'column', column: 'Created' }, transform: { dateOrder: 'dmy' } })
    expect(setOrderField(moved, 'bill_created', { source: { kind: 'none' } }).fields).not.toHaveProperty('bill_created')
    expect(start.fields).toHaveProperty('bill_created') // edits never change their input
  })

  it('adds, fills and removes goods, and treats an unmapped price as the shop price', () => {
    const two = addGood(mapping())
    expect(two.goods).toHaveLength(2)
    const priced = setGoodPart(two, 1, 'sum', { source: { kind: 'column', column: 'Price 2' } })
    expect(priced.goods[1]?.sum).toEqual({ source: { kind: 'column', column: 'Price 2' } })
    expect(setGoodPart(priced, 1, 'sum', { source: { kind: 'none' } }).goods[1]).not.toHaveProperty('sum')
    expect(removeGood(priced, 0).goods).toEqual([priced.goods[1]])
    expect(removeGood(mapping(), 0).goods).toHaveLength(1) // the last good stays
    const third = assignColumn(mapping(), { kind: 'good', index: 2, part: 'name' }, { column: 'Product 3' })
    expect(third.goods).toHaveLength(3)
  })

  it('reads the field names auto-matching uses', () => {
    expect(parseTarget('bill_email')).toEqual({ kind: 'order', key: 'bill_email' })
    expect(parseTarget('utm[utm_source]')).toEqual({ kind: 'order', key: 'utm[utm_source]' })
    expect(parseTarget('goods[1][good_sum]')).toEqual({ kind: 'good', index: 1, part: 'sum' })
    expect(parseTarget('good_name')).toEqual({ kind: 'good', index: 0, part: 'name' })
    expect(parseTarget('groupBy')).toEqual({ kind: 'groupBy' })
    expect(parseTarget('bill_nonsense')).toBeNull()
  })
})

describe('column choices', () => {
  it('names repeated headers by letter and points at their occurrence; blank headers cannot be chosen', () => {
    const choices = columnChoices(['Product', 'Price', ' Product ', ''], t)
    expect(choices.map((c) => c.label)).toEqual(['Product (column A)', 'Price', 'Product (column C)', 'Column D (no header)'])
    expect(choices[2]?.ref).toEqual({ column: 'Product', occurrence: 2 })
    expect(choices[1]?.ref).toEqual({ column: 'Price' })
    expect(choices[3]?.ref).toBeNull()
    expect(columnChoices(['Товар', 'Товар', ''], ru).map((c) => c.label)).toEqual(['Товар (столбец A)', 'Товар (столбец B)', 'Столбец C (без заголовка)'])
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA'])
  })
})

describe('words and checks', () => {
  it('checks a pace before it goes to main', () => {
    expect(readPace('1', '1', t)).toEqual({ rate: 1, concurrency: 1 })
    expect(readPace('0,5', '2', t)).toEqual({ rate: 0.5, concurrency: 2 })
    expect(readPace('0', '1', t)).toMatch(/above 0/)
    expect(readPace('101', '1', t)).toMatch(/at most 100/)
    expect(readPace('1', '1.5', t)).toMatch(/whole number/)
    expect(readPace('1', '17', t)).toMatch(/from 1 to 16/)
    expect(readPace('1', '17', ru)).toMatch(/целое число от 1 до 16/)
  })

  it('accepts only full http(s) addresses as a custom API domain', () => {
    expect(domainChoiceOf('justclick.ru')).toBe('justclick.ru')
    expect(domainChoiceOf('https://x.example')).toBe('custom')
    expect(customUrlProblem('https://shop.example.com', t)).toBeNull()
    expect(customUrlProblem('', t)).toMatch(/Enter the full address/)
    expect(customUrlProblem('ftp://shop.example.com', t)).toMatch(/https:\/\//)
    expect(customUrlProblem('shop.example.com', t)).toMatch(/not a full web address/)
    expect(customUrlProblem('shop.example.com', ru)).toMatch(/не полный веб-адрес/)
  })
})
