// The problems of a sheet in the CLI's language: preview, a dry run and an import list them in
// Russian with --lang ru (from the issues' catalog keys), the values as the sheet has them; in
// English, the engine's sentences unchanged.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE, cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let sheet: string

beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
  sheet = join(dir, 'orders.csv')
  writeFileSync(
    sheet,
    ['Order,Email,Product,Price,Created', 'A-1,ann@x.com,p1,10,2026-03-01', 'A-1,bob@x.com,p2,5,2026-03-01', ',eve@x.com,p3,7,2026-03-01', 'A-2,,p4,3,03/04/2026', 'A-3,c@x.com,p4,1500.505,2026-03-01'].join('\n')
  )
})
afterAll(() => cleanup())

const map = ['--map', 'groupBy=Order', '--map', 'bill_created=Created']

describe('problems in the CLI\'s language', () => {
  it('preview --lang ru lists every problem in Russian, values and amounts as written', async () => {
    const r = await cli(['preview', sheet, ...map, '--map', 'bill_phone==x', '--lang', 'ru'])
    expect(r.code).toBe(2)
    // The errors are the sheet's issues (the warnings are the source detection's notes).
    const lines = r.out.slice(r.out.indexOf('Проблемы:')).split('\n').filter((line) => line.startsWith('  ошибка'))
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const line of lines) expect(line, line).not.toMatch(/\b(Row|column|is not|the order|write)\b/)
    expect(r.out).toContain('Строка 3, столбец «Email»: в заказе "A-1" уже есть "ann@x.com" из строки 2, а в этой строке — "bob@x.com" (bill_email).')
    expect(r.out).toContain('Строка 4, столбец «Order»: номер заказа пуст, поэтому строка стала отдельным заказом.')
    expect(r.out).toContain('Строка 5, столбец «Email»: не заполнено — e-mail покупателя (bill_email); это нужно каждому заказу. Заполните.')
    expect(r.out).toContain('"03/04/2026" может быть 3 апреля или 4 марта')
    expect(r.out).toContain('"1500.505" — больше 2 знаков после запятой')
  })

  it('in English the lines are the engine\'s sentences, unchanged', async () => {
    const r = await cli(['preview', sheet, ...map])
    expect(r.out).toContain('  error   Row 4, column "Order": the order number is empty, so this row is kept as an order of its own. Write the order number it belongs to, or a new one if it is a separate order.')
    expect(r.out).toContain('  error   Row 5, column "Email": the customer\'s e-mail is empty (bill_email); every order needs it. Fill it in.')
    expect(r.out).toContain('Row 6, column "Price": "1500.505" has more than 2 digits after the decimal point (goods[0][good_sum]).')
  })

  it('a dry run and an import name the rejected rows in Russian', async () => {
    const dry = await cli(['import', sheet, ...map, '--dry-run', '--sandbox', '--lang', 'ru'])
    expect(dry.code).toBe(2)
    expect(dry.out).toContain('Строка 5, столбец «Email»: не заполнено — e-mail покупателя (bill_email)')
    const journal = ['--sandbox', '--journal', join(dir, 'j.sqlite'), '--rate', '500', '--concurrency', '8']
    const run = await cli(['import', SAMPLE, ...journal, '--lang', 'ru', '--yes'])
    expect(run.out).toContain('#3: Строка 4, столбец «Email»: "maria.ivanova@" — неверный адрес e-mail (bill_email). Исправьте адрес в файле.')
  })
})
