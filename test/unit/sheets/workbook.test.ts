import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { parseSheetBytes } from '../../../electron/main/sheets/read-sheet'
import type { FormattedNumber } from '#shared/sheet/sheet'
import { parseError, workbookBytes } from './helpers'

const ORDERS = [
  ['Order', 'Email', 'Price', 'Created', 'Zip', 'Paid', 'Check'],
  ['SO-1', 'a@example.com', 1500.5, 46329.5, 12345, true, 1],
  ['SO-2', 'b@example.com', 990, 46330, 7, false, 2]
]
const ORDER_FORMATS = { C2: '#,##0.00 "₽"', D2: 'yyyy-mm-dd hh:mm', E2: '000000', D3: 'dd/mm/yyyy', E3: '000000' }

describe('workbooks', () => {
  it('lists every sheet and reads the first one that has data', () => {
    const bytes = workbookBytes([
      { name: 'Cover', rows: [] },
      { name: 'Orders', rows: ORDERS },
      { name: 'Products', rows: [['Product id', 'Price'], ['course-pro', 14900]] }
    ])
    const { meta, table } = parseSheetBytes(bytes, 'orders.xlsx')
    expect(meta.format).toBe('xlsx')
    expect(meta.sheetNames).toEqual(['Cover', 'Orders', 'Products'])
    expect(meta.sheet).toBe('Orders')
    expect(meta.encoding).toBeUndefined()
    expect(table.headers).toEqual(ORDERS[0])
    expect(table.rowNumbers).toEqual([2, 3])
  })

  it('reads the sheet chosen by name, by 1-based number, or by a number given as text', () => {
    const bytes = workbookBytes([{ name: 'Orders', rows: ORDERS }, { name: 'Products', rows: [['Product id', 'Price'], ['course-pro', 14900]] }])
    expect(parseSheetBytes(bytes, 'o.xlsx', { sheet: 'Products' }).table.rows).toEqual([['course-pro', 14900]])
    expect(parseSheetBytes(bytes, 'o.xlsx', { sheet: 2 }).meta.sheet).toBe('Products')
    expect(parseSheetBytes(bytes, 'o.xlsx', { sheet: ' products ' }).meta.sheet).toBe('Products')
    expect(parseSheetBytes(bytes, 'o.xlsx', { sheet: '2' }).meta.sheet).toBe('Products')
  })

  it('names the sheets that exist when the chosen one does not', () => {
    const bytes = workbookBytes([{ name: 'Orders', rows: ORDERS }, { name: 'Products', rows: [['a'], ['b']] }])
    const byName = parseError(bytes, 'orders.xlsx', { sheet: 'Sales' })
    expect(byName.code).toBe('no-sheet')
    expect(byName.message).toBe('orders.xlsx: the workbook has no sheet named "Sales". Its sheets are: 1 "Orders", 2 "Products". Choose one of these.')
    expect(parseError(bytes, 'orders.xlsx', { sheet: 3 }).message).toContain('no sheet number 3')
  })

  it('keeps raw types: strings, numbers, booleans; formatted numbers keep format and shown text', () => {
    const { table } = parseSheetBytes(workbookBytes([{ name: 'Orders', rows: ORDERS, formats: ORDER_FORMATS }]), 'orders.xlsx')
    const [first, second] = table.rows
    expect(first![0]).toBe('SO-1')
    expect(first![5]).toBe(true)
    expect(first![6]).toBe(1)
    expect(first![2]).toEqual({ v: 1500.5, z: '#,##0.00 "₽"', w: '1,500.50 ₽' })
    expect(first![3]).toEqual({ v: 46329.5, z: 'yyyy-mm-dd hh:mm', w: '2026-11-03 12:00', date: true })
    expect(first![4]).toEqual({ v: 12345, z: '000000', w: '012345' })
    expect(second![4]).toEqual({ v: 7, z: '000000', w: '000007' })
    expect((second![3] as FormattedNumber).date).toBe(true)
    expect(second![5]).toBe(false)
  })

  it('renders dotted Russian date-time formats that SheetJS cannot format directly', () => {
    const bytes = workbookBytes([{ name: 'S', rows: [['Created', 'n'], [46329.5, 1]], formats: { A2: 'dd.mm.yyyy hh:mm' } }])
    expect(parseSheetBytes(bytes, 'o.xlsx').table.rows[0]![0]).toEqual({ v: 46329.5, z: 'dd.mm.yyyy hh:mm', w: '03.11.2026 12:00', date: true })
  })

  it('turns error cells into null and pads missing cells with null', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['a', 'b', 'c'], [1, null, null], ['x']])
    sheet['B2'] = { t: 'e', v: 7 }
    sheet['!ref'] = 'A1:C3'
    const workbook = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(workbook, sheet, 'S')
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    expect(parseSheetBytes(bytes, 'o.xlsx').table.rows).toEqual([[1, null, null], ['x', null, null]])
  })

  it('reports the 1904 date system and keeps the raw serials', () => {
    const bytes = workbookBytes([{ name: 'S', rows: [['Created', 'n'], [45000, 1]], formats: { A2: 'yyyy-mm-dd' } }], 'xlsx', true)
    const { table } = parseSheetBytes(bytes, 'mac.xlsx')
    expect(table.date1904).toBe(true)
    // Serial 45000 is 2027-03-16 in the 1904 system (2023-03-15 in the 1900 one).
    expect(table.rows[0]![0]).toEqual({ v: 45000, z: 'yyyy-mm-dd', w: '2027-03-16', date: true })
    expect(parseSheetBytes(workbookBytes([{ name: 'S', rows: [['a'], [1]] }]), 'pc.xlsx').table.date1904).toBe(false)
  })

  it('finds the header below a title and keeps sheet row numbers with blank rows in between', () => {
    const rows = [['Orders export, November 2026'], [], ['Order', 'Email', 'Sum'], ['SO-1', 'a@b.c', 10], [], ['SO-2', 'd@e.f', 20]]
    const { meta, table } = parseSheetBytes(workbookBytes([{ name: 'S', rows }]), 'o.xlsx')
    expect(meta.headerRow.value).toBe(3)
    expect(table.headers).toEqual(['Order', 'Email', 'Sum'])
    expect(table.rowNumbers).toEqual([4, 6])
  })

  it('numbers rows and columns from the sheet origin when the table starts further in', () => {
    const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Order', 'Sum'], ['SO-1', 10]], { origin: 'C4' })
    const workbook = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(workbook, sheet, 'S')
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const { meta, table } = parseSheetBytes(bytes, 'o.xlsx')
    expect(meta.headerRow.value).toBe(4)
    expect(table.headers).toEqual(['Order', 'Sum'])
    expect(table.rows).toEqual([['SO-1', 10]])
    expect(table.rowNumbers).toEqual([5])
  })

  it('reads XLS (Excel 97-2003) with Cyrillic text and formats', () => {
    const bytes = workbookBytes([{ name: 'Заказы', rows: [['Фамилия', 'Сумма'], ['Иванова', 1500.5]], formats: { B2: '#,##0.00' } }], 'biff8')
    const { meta, table } = parseSheetBytes(bytes, 'orders.xls')
    expect(meta.format).toBe('xls')
    expect(meta.sheetNames).toEqual(['Заказы'])
    expect(table.headers).toEqual(['Фамилия', 'Сумма'])
    expect(table.rows).toEqual([['Иванова', { v: 1500.5, z: '#,##0.00', w: '1,500.50' }]])
  })

  it('reads ODS (OpenDocument) workbooks', () => {
    const bytes = workbookBytes([{ name: 'Orders', rows: ORDERS }, { name: 'Other', rows: [['x'], [1]] }], 'ods')
    const { meta, table } = parseSheetBytes(bytes, 'orders.ods')
    expect(meta.format).toBe('ods')
    expect(meta.sheetNames).toEqual(['Orders', 'Other'])
    expect(table.headers).toEqual(ORDERS[0])
    expect(table.rows[0]!.slice(0, 3)).toEqual(['SO-1', 'a@example.com', 1500.5])
    expect(table.rows[1]![5]).toBe(false)
  })

  it('tells xlsm from xlsx by its content types', () => {
    const bytes = workbookBytes([{ name: 'S', rows: [['a'], [1]] }], 'xlsm')
    expect(parseSheetBytes(bytes, 'macro.xlsm').meta.format).toBe('xlsm')
  })

  it('reads an HTML table saved with an .xls name, as many web shops export', () => {
    const html = '<html><body><table><tr><td>Order</td><td>Email</td></tr><tr><td>SO-1</td><td>a@b.c</td></tr></table></body></html>'
    const { meta, table } = parseSheetBytes(new TextEncoder().encode(html), 'export.xls')
    expect(meta.format).toBe('xls')
    expect(table.headers).toEqual(['Order', 'Email'])
    expect(table.rows).toEqual([['SO-1', 'a@b.c']])
  })

  it('keeps the cells of an HTML table as text, as a Bitrix24 "Excel" export needs (phones keep their +)', () => {
    const html = '<html><head><meta charset="utf-8"></head><body><table border="1">' +
      '<tr><th>ID</th><th>Телефон</th><th>Индекс</th><th>Сумма</th><th>Дата</th><th>Оплачен</th></tr>' +
      '<tr><td>17</td><td>+79161234567</td><td>012345</td><td>1 500,00</td><td>02.11.2026 14:05</td><td>TRUE</td></tr>' +
      '<tr><td>18</td><td>+7 (916) 123-45-67</td><td>101000</td><td>990.5</td><td>2026-11-03</td><td>FALSE</td></tr>' +
      '</table></body></html>'
    const { table } = parseSheetBytes(new TextEncoder().encode(html), 'DEAL_20261205.xls')
    expect(table.headers).toEqual(['ID', 'Телефон', 'Индекс', 'Сумма', 'Дата', 'Оплачен'])
    expect(table.rows).toEqual([
      ['17', '+79161234567', '012345', '1 500,00', '02.11.2026 14:05', 'TRUE'],
      ['18', '+7 (916) 123-45-67', '101000', '990.5', '2026-11-03', 'FALSE']
    ])
  })

  it('reads tab-separated text saved with an .xls name as text', () => {
    const { meta, table } = parseSheetBytes(new TextEncoder().encode('Order\tEmail\nSO-1\ta@b.c\n'), 'export.xls')
    expect(meta.format).toBe('tsv')
    expect(table.rows).toEqual([['SO-1', 'a@b.c']])
  })

  it('refuses a sheet with more rows than the limit', () => {
    const rows = [['n'], ...Array.from({ length: 30 }, (_, i) => [i])]
    const bytes = workbookBytes([{ name: 'Big', rows }])
    expect(parseError(bytes, 'big.xlsx', { limits: { maxRows: 10 } })).toMatchObject({ code: 'too-large' })
    expect(parseSheetBytes(bytes, 'big.xlsx', { limits: { maxRows: 30 } }).table.rows).toHaveLength(30)
  })
})
