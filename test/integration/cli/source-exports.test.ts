// Each tool's export, as that tool writes it (test/fixtures/exports/make-fixtures.ts), gives the
// orders the user means: the source is recognized, and the signed request bodies of
// `import --dry-run --emit-requests` hold exactly these fields, amounts and creation times.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli, tempDir } from './helpers'
import { CASES, decode, withBacklog } from '../source-exports-cases'

const FIXTURES = resolve('test/fixtures/exports')

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
})
afterEach(() => cleanup())

describe('files from other tools: import --dry-run --emit-requests', () => {
  it.each(CASES)('$file: recognized as $source, the orders and their exact request bodies', async (c) => {
    const out = join(dir, 'requests.jsonl')
    const r = await cli(['import', join(FIXTURES, c.file), '--dry-run', '--sandbox', '--emit-requests', out, ...c.args])
    expect(r.err + r.out).not.toMatch(/Error:|at .*\.ts:\d+/)
    expect(r.code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { order: number; rows: number[]; body: string })
    const orders = withBacklog(c.orders)
    expect(lines.map((l) => ({ rows: l.rows, body: decode(l.body) }))).toEqual(orders)
    // The key order of the body is the API's (goods first), so compare it too.
    lines.forEach((l, i) => expect(Object.keys(decode(l.body))).toEqual(Object.keys(orders[i]!.body)))
    const preview = await cli(['preview', join(FIXTURES, c.file), ...c.args])
    expect(preview.out).toContain(`Recognized: ${c.source}`)
  })
})

describe('files from other tools: what preview says', () => {
  it('picks the orders sheet of a workbook, says which and lists the others; reads a two-level merged header', async () => {
    const r = await cli(['preview', join(FIXTURES, 'register-ru-merged.xlsx'), '--time-zone', 'Europe/Moscow'])
    expect(r.out).toContain('sheet:      "Заказы" (sheets: "Сводка", "Заказы")')
    expect(r.out).toContain('read because it has e-mail addresses in 3 rows and "Сводка", the first sheet, has none; others: "Сводка" (choose one with --sheet)')
    expect(r.out).toContain('header row: 2')
    expect(r.out).toMatch(/orders grouped by column "№ заказа"/)
    expect(r.out).toContain('Row 6 is a totals row ("Итого") and is left out.')
    expect(r.out).toContain('Rows: 3   Orders: 2   Valid orders: 2   Errors: 0   Warnings: 1')
    const ru = await cli(['preview', join(FIXTURES, 'register-ru-merged.xlsx'), '--time-zone', 'Europe/Moscow', '--lang', 'ru'])
    expect(ru.out).toContain('выбран, потому что на нём адреса e-mail в 3 строках, а на первом листе «Сводка» их нет; другие: "Сводка" (выберите через --sheet)')
  })

  it('suggests the sheet that has e-mail addresses when the chosen one has none', async () => {
    const r = await cli(['preview', join(FIXTURES, 'register-ru-merged.xlsx'), '--sheet', '1'])
    expect(r.out).toContain(`the workbook's sheet "Заказы" has them. Read that sheet with --sheet "Заказы"`)
    expect(r.out).not.toContain("No column for the customer's e-mail")
  })

  it('names what a WooCommerce Analytics download lacks, instead of a bare "not found"', async () => {
    const r = await cli(['preview', join(FIXTURES, 'woocommerce-analytics.csv'), '--time-zone', 'UTC'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('Recognized: WooCommerce Analytics orders export')
    expect(r.out).toContain('WooCommerce Analytics orders export has no customer e-mail, which CreateOrder needs.')
    expect(r.out).not.toContain('No column for')
    expect(r.out).toMatch(/Warnings: 1\b/)
  })

  it('describes the mapping in Russian: the format, the recognized tool, the zone and date lines', async () => {
    const r = await cli(['preview', join(FIXTURES, 'woocommerce-analytics.csv'), '--time-zone', 'UTC', '--date-order', 'dmy', '--lang', 'ru'])
    expect(r.out).toContain('woocommerce-analytics.csv: CSV')
    expect(r.out).toContain('Распознано: WooCommerce Analytics orders export')
    expect(r.out).toContain('  время без часового пояса читается в поясе UTC')
    expect(r.out).toContain('  даты читаются так: сначала день')
    expect(r.out).not.toMatch(/Recognized|times without a zone|dates are read/)
    const xlsx = await cli(['preview', join(FIXTURES, 'register-ru-merged.xlsx'), '--lang', 'ru'])
    expect(xlsx.out).toContain('register-ru-merged.xlsx: книга Excel (.xlsx)')
  })

  it('says what a deals export lacks, and --map good_name==ID fills it in', async () => {
    const without = await cli(['preview', join(FIXTURES, 'amocrm-deals.csv'), '--time-zone', 'UTC'])
    expect(without.out).toContain('amoCRM deals export has no product column')
    expect(without.out).not.toContain('No column for the product ID')
    const withId = await cli(['preview', join(FIXTURES, 'bitrix24-deals.xls'), '--time-zone', 'UTC', '--map', 'good_name==COURSE-1'])
    expect(withId.out).toContain('Valid orders: 2   Errors: 0')
  })

  it('sends quantities as price x quantity with --quantity multiply', async () => {
    const out = join(dir, 'requests.jsonl')
    const r = await cli(['import', join(FIXTURES, 'shopify-orders.csv'), '--dry-run', '--sandbox', '--emit-requests', out, '--quantity', 'multiply', '--time-zone', 'UTC'])
    expect(r.code).toBe(0)
    const first = decode((JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!) as { body: string }).body)
    expect(first).toMatchObject({ 'goods[0][good_name]': 'COURSE-A', 'goods[0][good_sum]': '49.00', 'goods[1][good_name]': 'BOOK-B', 'goods[1][good_sum]': '31' })
    expect(first['goods[2][good_name]']).toBeUndefined()
  })

  it('refuses bad --map, --time-zone, --date-order and --quantity values with one clear line', async () => {
    const file = join(FIXTURES, 'shopify-orders.csv')
    for (const [args, message] of [
      [['--map', 'nonsense'], /--map "nonsense": write FIELD=COLUMN/],
      [['--time-zone', 'Mars/Olympus'], /--time-zone: "Mars\/Olympus" is not a known time zone/],
      [['--date-order', 'dd'], /--date-order must be dmy/],
      [['--quantity', 'all'], /--quantity must be repeat/]
    ] as const) {
      const r = await cli(['preview', file, ...args])
      expect(r.code).toBe(1)
      expect(r.err).toMatch(message)
    }
  })
})
