// The shop's catalog against the plan: matching (name, title, close match offered only),
// unknown products as errors before sending, prices per product, and the delivery rule shared
// with the sandbox.
import { describe, expect, it } from 'vitest'
import { checkAgainstCatalog, describeProducts } from '#shared/shop/catalog-check'
import { missingDeliveryFields } from '#shared/shop/delivery-rule'
import { productLines } from '#shared/shop/product-choices'
import { translatorFor } from '#shared/i18n/translate'
import { issueText } from '#shared/plan/issue-text'
import { editDistance, matchProduct, productKind, type ShopCatalog, type ShopProduct } from '#shared/shop/shop-catalog'
import { planImport } from '#shared/plan/import-plan'
import { NOW, col, mapping, sheet } from './helpers'

function product(name: string, title: string, price: string | null, type = ''): ShopProduct {
  return { id: name.length.toString(), name, title, price, type, kind: productKind(type) }
}

const CATALOG: ShopCatalog = {
  fetchedAt: NOW,
  products: [
    product('course-basic', 'Basic course', '4900.00'),
    product('book-paper', 'Paper book', '1200.00', 'physical'),
    product('ebook', 'E-book', '990.00', 'digital')
  ]
}

const HEADERS = ['Email', 'Product', 'Price', 'First name', 'Last name', 'Country', 'City', 'Address']
const DELIVERY = {
  bill_email: col('Email'),
  bill_first_name: col('First name'),
  bill_surname: col('Last name'),
  bill_country: col('Country'),
  bill_city: col('City'),
  bill_address: col('Address')
}

function plan(rows: string[][]) {
  return planImport(sheet(HEADERS, rows), mapping({ fields: DELIVERY }), { now: NOW })
}

const FULL = ['Anna', 'Smirnova', 'Russia', 'Moscow', 'Tverskaya 1']
const NO_ADDRESS = ['', '', '', '', '']

describe('matchProduct', () => {
  it('takes good_name exactly, then a unique exact title, then only offers a close one', () => {
    expect(matchProduct('course-basic', CATALOG.products)).toMatchObject({ kind: 'name', product: { name: 'course-basic' } })
    expect(matchProduct('Basic course', CATALOG.products)).toMatchObject({ kind: 'title', product: { name: 'course-basic' } })
    expect(matchProduct('basic  COURSE', CATALOG.products)).toMatchObject({ kind: 'close', product: { name: 'course-basic' } })
    expect(matchProduct('course-basik', CATALOG.products)).toMatchObject({ kind: 'close', product: { name: 'course-basic' } })
    expect(matchProduct('yoga-mat', CATALOG.products)).toEqual({ kind: 'none' })
    expect(matchProduct('', CATALOG.products)).toEqual({ kind: 'none' })
  })

  it('does not treat a title that two products share as a match', () => {
    const twins = [product('a-1', 'Same', '1'), product('a-2', 'Same', '2')]
    expect(matchProduct('Same', twins).kind).toBe('close')
  })

  it('counts edits with a cut-off', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3)
    expect(editDistance('kitten', 'sitting', 2)).toBe(3)
    expect(editDistance('abc', 'abc', 0)).toBe(0)
  })
})

describe('productKind (good_type)', () => {
  it('knows words, not the undocumented numbers', () => {
    expect(productKind('physical')).toBe('physical')
    expect(productKind(' Товар ')).toBe('physical')
    expect(productKind('digital')).toBe('digital')
    expect(productKind('1')).toBe('unknown')
    expect(productKind('0')).toBe('unknown')
    expect(productKind('')).toBe('unknown')
  })
})

describe('missingDeliveryFields', () => {
  const from = (fields: Record<string, string>) => (key: string) => fields[key]
  it('needs every delivery field for a physical product', () => {
    expect(missingDeliveryFields(['digital', 'physical'], from({ bill_city: 'Moscow' }))).toEqual([
      'bill_first_name', 'bill_surname', 'bill_country', 'bill_address'
    ])
  })
  it('needs nothing for digital products, even with half an address', () => {
    expect(missingDeliveryFields(['digital'], from({ bill_address: 'x' }))).toEqual([])
  })
  it('treats an address as a delivery order when the types do not tell', () => {
    expect(missingDeliveryFields(['unknown'], from({ bill_address: 'x', bill_city: 'y' }))).toEqual(['bill_first_name', 'bill_surname', 'bill_country'])
    expect(missingDeliveryFields([], from({}))).toEqual([])
  })
})

describe('checkAgainstCatalog', () => {
  it('makes unknown products errors on their orders and offers a close match without applying it', () => {
    const base = plan([
      ['a@x.com', 'course-basic', '4900', ...NO_ADDRESS],
      ['b@x.com', 'yoga-mat', '10', ...NO_ADDRESS],
      ['c@x.com', 'course-basik', '4900', ...NO_ADDRESS]
    ])
    expect(base.counts.validOrders).toBe(3)
    const checked = checkAgainstCatalog(base, CATALOG)
    expect(checked.plan.counts).toMatchObject({ validOrders: 1, errors: 2 })
    expect(checked.plan.orders.map((o) => o.errors)).toEqual([0, 1, 1])
    expect(checked.added.map((i) => [i.row, i.code, i.field])).toEqual([
      [3, 'unknown-product', 'goods[0][good_name]'],
      [4, 'unknown-product', 'goods[0][good_name]']
    ])
    expect(checked.added[0]?.message).toBe('Row 3: the shop has no product "yoga-mat". Write a product ID the shop has (GetAllGoods lists them).')
    expect(checked.added[1]?.message).toContain('Did you mean "course-basic" (Basic course)?')
    expect(checked.plan.orders[2]?.goods[0]?.good_name).toBe('course-basik')
    // The input plan is left as it was.
    expect(base.orders.map((o) => o.errors)).toEqual([0, 0, 0])
  })

  it('sends a title as its good_name and says so; reports other prices and the shop price per product', () => {
    const checked = checkAgainstCatalog(
      plan([
        ['a@x.com', 'Basic course', '4900.00', ...NO_ADDRESS],
        ['b@x.com', 'course-basic', '3900', ...NO_ADDRESS],
        ['c@x.com', 'course-basic', '', ...NO_ADDRESS],
        ['d@x.com', 'ebook', '990', ...NO_ADDRESS]
      ]),
      CATALOG
    )
    expect(checked.plan.counts.errors).toBe(0)
    expect(checked.plan.orders[0]?.goods[0]?.good_name).toBe('course-basic')
    expect(checked.plan.orders[0]?.fingerprint).toBeNull()
    expect(describeProducts(checked.products)).toEqual([
      'Product "Basic course" is the title of the shop\'s product "course-basic"; it is sent as "course-basic".',
      'Warning: product "course-basic" costs 4900.00 in the shop; the sheet says 3900. The sheet\'s price is sent.',
      'Product "course-basic": 1 line without a price gets the shop\'s price, 4900.00.'
    ])
    expect(describeProducts(checked.products, translatorFor('ru'))).toEqual([
      'Товар «Basic course» — название товара магазина «course-basic»; отправляется как «course-basic».',
      'Внимание: товар «course-basic» стоит в магазине 4900.00, в таблице — 3900. Отправляется цена из таблицы.',
      'Товар «course-basic»: 1 строка без цены получит цену магазина, 4900.00.'
    ])
  })

  it('lists the ten most frequent differing prices of a product and counts the others (each looked up once)', () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`p${i}@x.com`, 'course-basic', `${1000 + (i % 20)}`, ...NO_ADDRESS])
    const checked = checkAgainstCatalog(plan(rows), CATALOG)
    const report = checked.products.find((p) => p.value === 'course-basic')
    expect(report?.otherPrices).toEqual(['1000', '1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009'])
    expect(report?.morePrices).toBe(10)
    expect(describeProducts(checked.products)).toEqual([
      'Warning: product "course-basic" costs 4900.00 in the shop; the sheet says 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009 and 10 more. The sheet\'s price is sent.'
    ])
    const lines = productLines(plan(rows), CATALOG, {})
    expect(lines[0]?.otherPrices).toEqual(report?.otherPrices)
    expect(lines[0]?.morePrices).toBe(10)
  })

  it("words its issues in the reader's language from the catalog, the English message kept", () => {
    const rows = [
      ['a@x.com', 'yoga-mat', '10', ...NO_ADDRESS],
      ['b@x.com', 'course-basik', '4900', ...NO_ADDRESS],
      ['c@x.com', 'book-paper', '1200', ...NO_ADDRESS],
      ['d@x.com', 'course-basic', '4900', '', '', '', '', 'Some street 1']
    ]
    const { added } = checkAgainstCatalog(plan(rows), CATALOG)
    const ru = translatorFor('ru')
    const en = translatorFor('en')
    expect(added.map((issue) => issueText(issue, ru))).toEqual([
      'Строка 2: в магазине нет товара «yoga-mat». Укажите ID товара, который есть в магазине (их список даёт GetAllGoods), или выберите товар на шаге «Товары» в приложении.',
      'Строка 3: в магазине нет товара «course-basik». Может быть, «course-basic» (Basic course)? Если так, исправьте таблицу или выберите его на шаге «Товары» в приложении.',
      'Строка 4: товар этого заказа отправляется по почте (физический в каталоге магазина), поэтому магазину нужны и bill_first_name, bill_surname, bill_country, bill_city, bill_address (иначе ответ 605). Заполните их.',
      'Строка 5: у заказа есть адрес доставки, поэтому магазину нужны и bill_first_name, bill_surname, bill_country, bill_city (иначе ответ 605). Заполните их.'
    ])
    expect(issueText(added[1]!, en)).toBe('Row 3: the shop has no product "course-basik". Did you mean "course-basic" (Basic course)? Write it in the sheet if so, or take it on the Products step in the app.')
    // In English the catalog says what the message says (the app adds its Products step).
    for (const issue of added) expect(issueText(issue, en).startsWith(issue.message.split(/\. (Write|Did)/)[0]!)).toBe(true)
    expect(added[0]?.message).toBe('Row 2: the shop has no product "yoga-mat". Write a product ID the shop has (GetAllGoods lists them).')
  })

  it('needs delivery data for a physical product, and for an address when no catalog tells', () => {
    const rows = [
      ['a@x.com', 'book-paper', '1200', ...NO_ADDRESS],
      ['b@x.com', 'book-paper', '1200', ...FULL],
      ['c@x.com', 'ebook', '990', '', '', '', '', 'Some street 1'],
      ['d@x.com', 'course-basic', '4900', '', '', '', '', 'Some street 1']
    ]
    const withCatalog = checkAgainstCatalog(plan(rows), CATALOG)
    expect(withCatalog.added.map((i) => [i.row, i.code])).toEqual([[2, 'delivery'], [5, 'delivery']])
    expect(withCatalog.added[0]?.message).toBe(
      'Row 2: a product of this order is shipped (physical in the shop\'s catalog), so the shop needs bill_first_name, bill_surname, bill_country, bill_city, bill_address as well (it would answer 605). Fill them in.'
    )
    const without = checkAgainstCatalog(plan(rows), null)
    expect(without.added.map((i) => [i.row, i.code])).toEqual([[4, 'delivery'], [5, 'delivery']])
    expect(without.products).toEqual([])
  })
})
