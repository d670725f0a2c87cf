// The sandbox's catalog (GetAllGoods, 604 for unknown products, 605 by the shared delivery rule),
// catalog files, and UpdateOrderStatus with the status and payment date kept in the ledger and
// shown by getOrderDetails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { errorText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { readCatalogFile } from '../../../electron/main/sandbox/catalog-file'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { ACCOUNT, SECRET, billIdOf, call, callSigned, md5, orderData, startTestSandbox } from './helpers'

let sandbox: Sandbox | undefined
let dir: string | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** GetAllGoods as the vendor's PHP sample sends it: no parameters, only the hash. */
const getAllGoods = (api: Sandbox) => call(api, 'GetAllGoods', `hash=${md5(`::${ACCOUNT}::${SECRET}`)}`)

const CATALOG = [
  { name: 'course-1', id: '11', title: 'Course one', price: '1500.00', type: 'digital' },
  { name: 'book', title: 'Paper book', price: '900.00', type: 'physical' }
]

describe('GetAllGoods', () => {
  it('lists the catalog with ids, titles, prices and types, signed like every answer', async () => {
    sandbox = await startTestSandbox({ products: CATALOG })
    const answer = await getAllGoods(sandbox)
    expect(answer).toMatchObject({ error_code: 0, error_text: 'ok', hash: md5(`0::ok::${SECRET}`) })
    expect(answer.result).toEqual([
      { good_id: '11', good_name: 'course-1', good_title: 'Course one', good_sum: '1500.00', good_type: 'digital' },
      { good_id: '1002', good_name: 'book', good_title: 'Paper book', good_sum: '900.00', good_type: 'physical' }
    ])
  })

  it('answers 700 "no products" without a catalog, and 4 to a wrong signature', async () => {
    sandbox = await startTestSandbox()
    expect(await getAllGoods(sandbox)).toMatchObject({ error_code: 700, error_text: 'no products', hash: md5(`700::no products::${SECRET}`) })
    expect(await call(sandbox, 'GetAllGoods', `hash=${md5(`::${ACCOUNT}::other`)}`)).toMatchObject({ error_code: 4 })
  })

  it('refuses unknown products with 604 and a physical one without delivery data with 605', async () => {
    sandbox = await startTestSandbox({ products: CATALOG })
    expect(await callSigned(sandbox, 'CreateOrder', orderData({ goods: [{ good_name: 'yoga' }] }))).toMatchObject({ error_code: 604 })
    expect(await callSigned(sandbox, 'CreateOrder', orderData({ goods: [{ good_name: 'book' }] }))).toMatchObject({ error_code: 605 })
    const full = { bill_surname: 'S', bill_country: 'RU', bill_city: 'Moscow', bill_address: 'Street 1' }
    expect(await callSigned(sandbox, 'CreateOrder', orderData({ goods: [{ good_name: 'book' }], ...full }))).toMatchObject({ error_code: 0 })
    // A digital product needs no delivery data, even with half an address.
    expect(await callSigned(sandbox, 'CreateOrder', orderData({ bill_address: 'Street 2' }))).toMatchObject({ error_code: 0 })
    expect(sandbox.ledger.count()).toBe(2)
  })
})

describe('UpdateOrderStatus', () => {
  it('marks an order paid with its date, visible to getOrderDetails; a second "paid" is harmless', async () => {
    sandbox = await startTestSandbox()
    const billId = billIdOf(await callSigned(sandbox, 'CreateOrder', orderData()))
    const before = await callSigned(sandbox, 'getOrderDetails', { bill_id: String(billId) })
    expect(before.result).toMatchObject({ pay_status: 'waiting', paid: '0' })
    const paid = await callSigned(sandbox, 'UpdateOrderStatus', { bill_id: String(billId), status: 'paid', date: '1700000000' })
    expect(paid).toMatchObject({ error_code: 0, error_text: 'order status changed', hash: md5(`0::order status changed::${SECRET}`) })
    expect(await callSigned(sandbox, 'UpdateOrderStatus', { bill_id: String(billId), status: 'paid', date: '1800000000' })).toMatchObject({ error_code: 0 })
    const after = await callSigned(sandbox, 'getOrderDetails', { bill_id: String(billId) })
    expect(after.result).toMatchObject({ pay_status: 'paid', paid: '1700000000' })
    expect(sandbox.ledger.get(billId)).toMatchObject({ pay_status: 'paid', paid_at: 1700000000 })
    await callSigned(sandbox, 'UpdateOrderStatus', { bill_id: String(billId), status: 'return' })
    expect(sandbox.ledger.get(billId)).toMatchObject({ pay_status: 'return', paid_at: 1700000000 })
  })

  it('finds paid orders by GetBills pay_status and getOrdersWithGoods paid=true (by payment date)', async () => {
    sandbox = await startTestSandbox()
    const billId = billIdOf(await callSigned(sandbox, 'CreateOrder', orderData()))
    const bills = (status: string) => callSigned(sandbox!, 'GetBills', { email: 'anna@example.com', pay_status: status })
    expect(await bills('paid')).toMatchObject({ error_code: 400 })
    expect(Object.keys((await bills('waiting')).result as object)).toEqual([String(billId)])
    await callSigned(sandbox, 'UpdateOrderStatus', { bill_id: String(billId), status: 'paid', date: '1700000000' })
    expect(Object.keys((await bills('paid')).result as object)).toEqual([String(billId)])
    expect(await bills('waiting')).toMatchObject({ error_code: 400 })
    // 1700000000 is 2023-11-14 (UTC): paid that day, created today.
    const paidThatDay = await callSigned(sandbox, 'getOrdersWithGoods', { begin_date: '14.11.2023', end_date: '14.11.2023', paid: '1' })
    expect((paidThatDay.result as Array<{ id: string }>).map((o) => o.id)).toEqual([String(billId)])
    const createdThatDay = await callSigned(sandbox, 'getOrdersWithGoods', { begin_date: '14.11.2023', end_date: '14.11.2023' })
    expect(createdThatDay.result).toEqual([])
  })

  it('shows the catalog\'s title and price, and the shop price for a line sent without one', async () => {
    sandbox = await startTestSandbox({ products: CATALOG })
    const billId = billIdOf(await callSigned(sandbox, 'CreateOrder', orderData({ goods: [{ good_name: 'course-1' }] })))
    const details = await callSigned(sandbox, 'getOrderDetails', { bill_id: String(billId) })
    expect(details.result).toMatchObject({ price: '1500.00', items: [{ id: 'course-1', title: 'Course one', sum: '1500.00', price: '1500.00' }] })
  })

  it.each([
    [{ status: 'paid', date: '1700000000' }, 203, 'order number is empty'],
    [{ bill_id: '999999999', status: 'paid', date: '1700000000' }, 200, 'nonexistent order'],
    [{ bill_id: 'BILL', status: 'cancel' }, 201, 'wrong status'],
    [{ bill_id: 'BILL', status: 'refunded' }, 201, 'wrong status'],
    [{ bill_id: 'BILL', status: 'paid' }, 202, 'order not paid'],
    [{ bill_id: 'BILL', status: 'sent', date: '1700000000' }, 201, 'wrong status']
  ])('%j answers %i', async (data, code, text) => {
    sandbox = await startTestSandbox()
    const billId = billIdOf(await callSigned(sandbox, 'CreateOrder', orderData()))
    if (code === 201 && data.status === 'cancel') {
      // cancel is a valid status: the "wrong" one here is on a deleted order.
      await callSigned(sandbox, 'DeleteOrder', { bill_id: String(billId) })
      expect(await callSigned(sandbox, 'UpdateOrderStatus', { bill_id: String(billId), status: 'cancel' })).toMatchObject({ error_code: 200 })
      return
    }
    const body = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === 'BILL' ? String(billId) : v]))
    expect(await callSigned(sandbox, 'UpdateOrderStatus', body)).toMatchObject({ error_code: code, error_text: text })
    expect(sandbox.ledger.get(billId)?.pay_status).toBe('waiting')
  })
})

describe('catalog files', () => {
  const write = (name: string, text: string): string => {
    dir ??= mkdtempSync(join(tmpdir(), 'sandbox-catalog-'))
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }

  it('reads JSON lists, saved GetAllGoods answers and CSV with API or short column names', () => {
    expect(readCatalogFile(write('a.json', JSON.stringify([{ good_name: 'x', good_sum: 10, good_type: 1 }])))).toEqual([{ name: 'x', price: '10', type: '1' }])
    expect(readCatalogFile(write('b.json', JSON.stringify({ error_code: 0, result: { 5: { good_id: '5', good_name: 'y' } } })))).toEqual([{ name: 'y', id: '5' }])
    expect(readCatalogFile(write('c.csv', '\uFEFFName;Title;Price;Type\nbook;Paper book;900.00;physical\n\n'))).toEqual([
      { name: 'book', title: 'Paper book', price: '900.00', type: 'physical' }
    ])
  })

  it('names the file, the entry and the field of a mistake', () => {
    expect(() => readCatalogFile(write('d.csv', 'title,price\nA,1\n'))).toThrow('d.csv: the first line must name the columns, with a good_name (or name) column; found "title", "price".')
    expect(() => readCatalogFile(write('e.csv', 'good_name,good_sum\na,1\nb,"12,5"\n'))).toThrow('e.csv, line 3: the price (good_sum) "12,5" is not a number like 4900.00.')
    expect(() => readCatalogFile(write('f.json', '[{"good_name":"a"},{"good_name":"a"}]'))).toThrow('f.json, product 2: the product "a" is listed twice.')
    expect(() => readCatalogFile(write('g.json', '{oops'))).toThrow(/^g\.json is not valid JSON/)
    expect(() => readCatalogFile(join(tmpdir(), 'no-such-catalog.json'))).toThrow('does not exist')
    // The same mistakes in Russian, from their keys.
    const russian = (path: string): string => {
      try {
        readCatalogFile(path)
      } catch (error) {
        return errorText(translatorFor('ru'), error)
      }
      return ''
    }
    expect(russian(write('e.csv', 'good_name,good_sum\na,1\nb,"12,5"\n'))).toBe('e.csv, строка 3: цена (good_sum) «12,5» — не число вида 4900.00.')
    expect(russian(write('f.json', '[{"good_name":"a"},{"good_name":"a"}]'))).toBe('f.json, товар 2: товар «a» указан дважды.')
  })
})
