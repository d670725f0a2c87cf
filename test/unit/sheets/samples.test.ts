import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseSheetBytes } from '../../../electron/main/sheets/read-sheet'
import type { Cell, FormattedNumber } from '#shared/sheet/sheet'
import { tempFolder } from './helpers'

const SAMPLES = new URL('../../../resources/samples/', import.meta.url)
const PRODUCT_IDS = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

function readSample(name: string, options = {}) {
  return parseSheetBytes(new Uint8Array(readFileSync(new URL(name, SAMPLES))), name, options)
}

function column(headers: string[], rows: Cell[][], name: string): Cell[] {
  const index = headers.indexOf(name)
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0)
  return rows.map((row) => row[index]!)
}

describe('bundled samples', () => {
  it('orders.csv: 30 orders, one bad e-mail, one price left to the shop', () => {
    const { meta, table } = readSample('orders.csv')
    expect(meta).toMatchObject({ format: 'csv', rowCount: 30, columnCount: 14 })
    expect(meta.encoding?.value).toBe('utf-8')
    expect(meta.delimiter?.value).toBe(',')
    expect(table.headers).toEqual(['Order ID', 'First name', 'Last name', 'Email', 'Phone', 'Country', 'City', 'Address', 'Zip', 'Product', 'Price', 'Coupon', 'Created', 'Comment'])
    const emails = column(table.headers, table.rows, 'Email')
    expect(emails.filter((e) => !EMAIL.test(String(e)))).toEqual(['maria.ivanova@'])
    expect(column(table.headers, table.rows, 'Price').filter((p) => p === '')).toHaveLength(1)
    expect(new Set(column(table.headers, table.rows, 'Product')).size).toBeGreaterThan(1)
    for (const product of column(table.headers, table.rows, 'Product')) expect(PRODUCT_IDS).toContain(product)
    for (const created of column(table.headers, table.rows, 'Created')) expect(created).toMatch(/^2026-\d\d-\d\d \d\d:\d\d$/)
    expect(table.rowNumbers[0]).toBe(2)
  })

  it('orders-grouped.xlsx: order lines grouped by order number, real dates, money and 000000 zips', () => {
    const { meta, table } = readSample('orders-grouped.xlsx')
    expect(meta.sheetNames).toEqual(['Orders', 'Products'])
    expect(meta.sheet).toBe('Orders')
    expect(table.headers).toContain('Order number')
    const orders = column(table.headers, table.rows, 'Order number')
    const linesPerOrder = new Map<Cell, number>()
    for (const order of orders) linesPerOrder.set(order, (linesPerOrder.get(order) ?? 0) + 1)
    expect(linesPerOrder.size).toBe(15)
    for (const lines of linesPerOrder.values()) expect(lines).toBeGreaterThanOrEqual(1)
    expect(Math.max(...linesPerOrder.values())).toBe(3)
    for (const created of column(table.headers, table.rows, 'Created')) expect(created).toMatchObject({ date: true })
    for (const price of column(table.headers, table.rows, 'Price') as FormattedNumber[]) {
      expect(price.date).toBeUndefined()
      expect(price.z).toContain('0.00')
    }
    const zips = column(table.headers, table.rows, 'Zip').filter((z): z is FormattedNumber => typeof z === 'object' && z !== null)
    expect(zips.every((z) => z.z === '000000')).toBe(true)
    expect(zips.some((z) => z.w.startsWith('0') && String(z.v).length < 6)).toBe(true)
    for (const product of column(table.headers, table.rows, 'Product')) expect(PRODUCT_IDS).toContain(product)
  })

  it('orders-grouped.xlsx: the second sheet is a price list', () => {
    const { table } = readSample('orders-grouped.xlsx', { sheet: 'Products' })
    expect(table.headers).toEqual(['Product id', 'Title', 'Price', 'Active'])
    expect(column(table.headers, table.rows, 'Product id')).toEqual(PRODUCT_IDS)
  })

  it('attendees-1251.csv: Windows-1251, ";" with decimal commas, a title above the header', () => {
    const { meta, table } = readSample('attendees-1251.csv')
    expect(meta.encoding?.value).toBe('windows-1251')
    expect(meta.delimiter?.value).toBe(';')
    expect(meta.headerRow.value).toBe(3)
    expect(table.headers).toEqual(['Фамилия', 'Имя', 'Отчество', 'Электронная почта', 'Телефон', 'Город', 'Товар', 'Сумма', 'Дата заказа', 'Комментарий'])
    expect(table.rows).toHaveLength(20)
    expect(table.rowNumbers[0]).toBe(4)
    expect(column(table.headers, table.rows, 'Сумма')).toContain('1 500,50')
    for (const date of column(table.headers, table.rows, 'Дата заказа')) expect(date).toMatch(/^\d\d\.\d\d\.\d{4}$/)
  })

  it('the committed samples are exactly what make-samples.ts writes', () => {
    const folder = tempFolder()
    try {
      const root = fileURLToPath(new URL('../../../', import.meta.url))
      execFileSync(process.execPath, ['--import', 'tsx', 'resources/samples/make-samples.ts', folder.path('')], { cwd: root, stdio: 'pipe' })
      for (const name of ['orders.csv', 'orders-grouped.xlsx', 'attendees-1251.csv']) {
        const fresh = readFileSync(folder.path(name))
        expect(fresh.equals(readFileSync(new URL(name, SAMPLES))), `${name} is stale: run node --import tsx resources/samples/make-samples.ts`).toBe(true)
      }
    } finally {
      folder.remove()
    }
  })
})
