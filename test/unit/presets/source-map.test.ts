// The rules that decide what headers cannot: the order key, the buyer's e-mail, the product ID,
// the line price, quantities, full names, dates and zones, totals rows, guesses and warnings.
import { describe, expect, it } from 'vitest'
import { planImport } from '#shared/plan/import-plan'
import { withSourceNotes } from '#shared/presets/plan-notes'
import { noteText } from '#shared/presets/notes'
import { mapSource, type SourceOptions } from '#shared/mapping/source-map'
import type { Cell } from '#shared/sheet/sheet'
import { sheet } from '../orders/helpers'

function run(headers: string[], rows: Cell[][], options: SourceOptions = { timeZone: 'UTC' }) {
  const result = mapSource(headers, rows, options)
  const plan = withSourceNotes(planImport(sheet(headers, rows), result.mapping, { now: Date.UTC(2027, 0, 1) }), result.notes)
  const codes = result.notes.map((n) => n.code)
  const texts = result.notes.map(noteText)
  return { result, plan, mapping: result.mapping, codes, texts }
}

const goods = (plan: ReturnType<typeof run>['plan']) => plan.orders.map((o) => o.goods.map((g) => [g.good_name, g.good_sum]))

describe('grouping line items into orders', () => {
  const headers = ['Order', 'Email', 'Product', 'Price']
  const rows: Cell[][] = [
    ['#1001', 'a@x.com', 'P1', '10'],
    ['#1001', 'a@x.com', 'P2', '20'],
    ['#1002', 'b@x.com', 'P1', '10']
  ]

  it('groups by the column whose value repeats on consecutive rows with the same e-mail, and says why', () => {
    const { mapping, plan, texts } = run(['Ref', 'Email', 'Product', 'Price'], rows)
    expect(mapping.groupBy).toEqual({ column: 'Ref' })
    expect(plan.orders).toHaveLength(2)
    expect(texts.join('\n')).toContain('Rows with the same "Ref" are one order: "#1001" is on 2 rows in a row with the same e-mail.')
  })

  it('never groups by an empty column', () => {
    const { mapping, plan, codes } = run(['Order ID', ...headers.slice(1)], rows.map((r) => ['', ...r.slice(1)]))
    expect(mapping.groupBy).toBeNull()
    expect(plan.orders).toHaveLength(3)
    expect(codes).toContain('group.empty-column')
  })

  it('never groups by a value that two customers share on consecutive rows', () => {
    const { mapping } = run(['Batch', 'Email', 'Product', 'Price'], [
      ['7', 'a@x.com', 'P1', '10'],
      ['7', 'b@x.com', 'P2', '20']
    ])
    expect(mapping.groupBy).toBeNull()
  })

  it('lets later rows of an order take the order details from its first row', () => {
    const { plan, codes } = run(['Name', 'Email', 'Billing City', 'Lineitem sku', 'Lineitem price'], [
      ['#1', 'a@x.com', 'Boston', 'A', '1'],
      ['#1', 'a@x.com', '', 'B', '2']
    ])
    expect(plan.orders).toHaveLength(1)
    expect(plan.orders[0]!.fields.bill_city).toBe('Boston')
    expect(codes).toContain('group.inherit')
  })
})

describe('quantities', () => {
  const headers = ['Email', 'SKU', 'Unit price', 'Qty']
  const rows: Cell[][] = [['a@x.com', 'P1', '10.50', '3']]

  it('repeats the good by default, and says so', () => {
    const { plan, texts } = run(headers, rows)
    expect(goods(plan)).toEqual([[['P1', '10.50'], ['P1', '10.50'], ['P1', '10.50']]])
    expect(texts.join('\n')).toContain('Quantities are in "Qty": the good is sent once per unit')
  })

  it('or sends one good at price x quantity', () => {
    const { plan } = run(headers, rows, { timeZone: 'UTC', quantity: 'multiply' })
    expect(goods(plan)).toEqual([[['P1', '31.5']]])
  })

  it('splits a line total into unit prices that add up exactly', () => {
    const { plan } = run(['Email', 'SKU', 'Amount', 'Qty'], [['a@x.com', 'P1', '100', '3']])
    expect(goods(plan)).toEqual([[['P1', '33.34'], ['P1', '33.33'], ['P1', '33.33']]])
  })

  it('never drops a quantity silently: with several goods per row it is a warning, gone once a good takes it', () => {
    const wide = ['Email', 'Product 1', 'Price 1', 'Product 2', 'Price 2', 'Qty']
    const data: Cell[][] = [['a@x.com', 'P1', '10', 'P2', '5', '3'], ['b@x.com', 'P1', '10', '', '', '1']]
    const { result, plan } = run(wide, data)
    expect(result.mapping.goods).toHaveLength(2)
    expect(plan.issues.filter((i) => i.severity === 'warning').map((i) => i.message)).toEqual(['Column "Qty" looks like a quantity but is not used: each row sends its good once.'])
    expect(plan.counts.warnings).toBe(1)
    const taken = { ...result.mapping, goods: [{ ...result.mapping.goods[0]!, quantity: { column: { column: 'Qty' }, mode: 'repeat' as const } }, result.mapping.goods[1]!] }
    expect(withSourceNotes(planImport(sheet(wide, data), taken), result.notes, taken).issues.map((i) => i.code)).not.toContain('quantity.ignored')
    // --map quantity=COLUMN answers it too, and a column of ones drops nothing.
    expect(run(wide, data, { timeZone: 'UTC', overrides: [{ field: 'quantity', column: 'Qty' }] }).codes).not.toContain('quantity.ignored')
    expect(run(wide, data.map((r) => [...r.slice(0, 5), '1'])).codes).not.toContain('quantity.ignored')
  })

  it('a preset register whose price column is Сумма (no Цена) reads it as the line total, not the unit price', () => {
    const headers = ['№ заказа', 'ФИО', 'Email', 'Товар', 'Кол-во', 'Сумма']
    const { plan, result } = run(headers, [['1', 'Петрова Анна Сергеевна', 'a@x.ru', 'KURS-2', '2', '4000']])
    expect(result.source?.id).toBe('excel-register-ru')
    expect(result.mapping.goods[0]!.quantity).toMatchObject({ column: { column: 'Кол-во' }, price: 'line' })
    expect(goods(plan)).toEqual([[['KURS-2', '2000'], ['KURS-2', '2000']]])
    // With its own price column the preset's word stands: Цена is the unit price.
    const priced = run([...headers, 'Цена'], [['1', 'Петрова Анна Сергеевна', 'a@x.ru', 'KURS-2', '2', '4000', '2000']])
    expect(priced.mapping.goods[0]!.quantity).toMatchObject({ price: 'unit' })
    expect(goods(priced.plan)).toEqual([[['KURS-2', '2000'], ['KURS-2', '2000']]])
  })

  it('reports a quantity that is not a whole number, naming the row', () => {
    const { plan } = run(headers, [['a@x.com', 'P1', '10', '1.5']])
    expect(plan.issues.find((i) => i.code === 'quantity')?.message).toMatch(/^Row 2, column "Qty": the quantity "1.5" is not a whole number/)
  })
})

describe('names', () => {
  it('splits a ФИО surname first, with the split shown', () => {
    const { plan, texts } = run(['ФИО', 'Email', 'Product'], [['Иванова Мария Петровна', 'm@x.ru', 'P']])
    expect(plan.orders[0]!.fields).toMatchObject({ bill_surname: 'Иванова', bill_first_name: 'Мария', bill_middle_name: 'Петровна' })
    expect(texts.join('\n')).toContain('"Иванова Мария Петровна" gives first name "Мария", surname "Иванова", middle name "Петровна"')
  })

  it('reads a ФИО surname first by its patronymics when the header does not say so (Контакт, Name)', () => {
    for (const header of ['Контакт', 'Name', 'Клиент']) {
      const { plan, texts } = run([header, 'Email', 'Product'], [['Иванов Иван Иванович', 'i@x.ru', 'P'], ['Петрова Анна', 'a@x.ru', 'P'], ['Сидорова Ольга Ильинична', 's@x.ru', 'P']])
      expect(plan.orders.map((o) => o.fields)).toMatchObject([
        { bill_surname: 'Иванов', bill_first_name: 'Иван', bill_middle_name: 'Иванович' },
        { bill_surname: 'Петрова', bill_first_name: 'Анна' },
        { bill_surname: 'Сидорова', bill_first_name: 'Ольга', bill_middle_name: 'Ильинична' }
      ])
      expect(texts.join('\n')).toContain('"Иванов Иван Иванович" gives first name "Иван", surname "Иванов", middle name "Иванович"')
    }
  })

  it('keeps given name first when the patronymic is second, or when the names do not say', () => {
    const second = run(['Контакт', 'Email', 'Product'], [['Иван Иванович Иванов', 'i@x.ru', 'P'], ['Анна Петрова', 'a@x.ru', 'P']])
    expect(second.mapping.fields.bill_first_name?.transform).toMatchObject({ nameOrder: 'given-first' })
    expect(second.plan.orders[1]!.fields).toMatchObject({ bill_first_name: 'Анна', bill_surname: 'Петрова' })
    // A surname that looks like a patronymic after one that is one decides nothing.
    const both = run(['Name', 'Email', 'Product'], [['Иван Петрович Абрамович', 'i@x.ru', 'P']])
    expect(both.mapping.fields.bill_first_name?.transform).toMatchObject({ nameOrder: 'given-first' })
  })

  it('a preset column of given-first names still turns surname first when its names are ФИО (amoCRM)', () => {
    const headers = ['ID', 'Название сделки', 'Этап сделки', 'Бюджет ₽', 'Полное имя контакта', 'Рабочий email (контакт)', 'Дата создания']
    const result = mapSource(headers, [['1', 'Сделка #1', 'Успешно', '1500', 'Смирнов Алексей Игоревич', 's@x.ru', '20.11.2026 10:00:00']], { timeZone: 'UTC' })
    expect(result.mapping.fields.bill_first_name?.transform).toMatchObject({ namePart: 'first', nameOrder: 'surname-first' })
    expect(result.mapping.fields.bill_middle_name?.transform).toMatchObject({ namePart: 'middle', nameOrder: 'surname-first' })
  })

  it('splits an English full name first name first', () => {
    const { plan } = run(['Billing Name', 'Email', 'Product'], [['Jane Cooper', 'j@x.com', 'P']])
    expect(plan.orders[0]!.fields).toMatchObject({ bill_first_name: 'Jane', bill_surname: 'Cooper' })
  })

  it('never takes an order number or an id as a name', () => {
    const { plan, codes } = run(['Name', 'Email', 'Product'], [
      ['#1001', 'a@x.com', 'P'],
      ['#1002', 'b@x.com', 'P']
    ])
    expect(plan.orders[0]!.fields.bill_first_name).toBeUndefined()
    expect(codes).toContain('name.not-a-name')
  })
})

describe('the buyer, not the merchant', () => {
  it('takes the e-mail that varies, not the one repeated on every row', () => {
    const { mapping, texts } = run(['Seller email', 'Customer mail', 'Product'], [
      ['shop@x.com', 'a@x.com', 'P'],
      ['shop@x.com', 'b@x.com', 'P']
    ])
    expect(mapping.fields.bill_email?.source).toMatchObject({ column: 'Customer mail' })
    expect(texts.join('\n')).toContain('"Seller email" has the same address on every row (the merchant\'s)')
  })

  it("takes the contact's e-mail column that has the addresses (amoCRM work or personal)", () => {
    const { mapping } = run(['Название сделки', 'Полное имя контакта', 'Этап сделки', 'Рабочий email (контакт)', 'Личный email (контакт)'], [
      ['Сделка 1', 'Анна Ким', 'Успешно', '', 'anna@x.ru'],
      ['Сделка 2', 'Олег Ли', 'Успешно', 'oleg@firm.ru', 'oleg@x.ru']
    ])
    expect(mapping.fields.bill_email?.source).toMatchObject({ column: 'Личный email (контакт)' })
  })

  it('never takes the merchant column of a PayPal download', () => {
    const { mapping } = run(
      ['Date', 'Time', 'TimeZone', 'Name', 'Gross', 'From Email Address', 'To Email Address', 'Transaction ID', 'Item ID'],
      [['11/20/2026', '07:15:32', 'PST', 'Tom Baker', '10.00', 'tom@x.com', 'me@shop.com', 'T1', 'P']]
    )
    expect(mapping.fields.bill_email?.source).toMatchObject({ column: 'From Email Address' })
  })
})

describe('products and prices', () => {
  it('prefers the ID column over the title, as a guess to confirm that counts as a warning', () => {
    const { mapping, plan } = run(['Email', 'Product name', 'Product SKU', 'Price'], [['a@x.com', 'Nice course for you', 'C-1', '5']])
    expect(mapping.goods[0]!.name.source).toMatchObject({ column: 'Product SKU' })
    expect(mapping.guesses?.map((g) => g.field)).toEqual(['goods[0][good_name]'])
    expect(plan.counts.warnings).toBeGreaterThanOrEqual(1)
    expect(plan.issues.some((i) => i.code === 'guess' && i.message.includes('"Product SKU"'))).toBe(true)
  })

  it('says plainly when only titles exist', () => {
    const { plan } = run(['Email', 'Product', 'Price'], [['a@x.com', 'Watercolor course, 8 weeks', '5']])
    expect(plan.issues.find((i) => i.code === 'product.title-only')?.message).toContain("CreateOrder needs the shop's product ID")
    expect(plan.counts.warnings).toBe(1)
  })

  it('takes the line price over the order total', () => {
    const { mapping } = run(['Email', 'SKU', 'Total', 'Item price'], [['a@x.com', 'A', '30', '10']])
    expect(mapping.goods[0]!.sum?.source).toMatchObject({ column: 'Item price' })
  })

  it('takes a line total as the price when there is no line price, split by the quantity, as a guess', () => {
    for (const [total, qty] of [['Line Total', 'Qty'], ['Сумма по позиции', 'Кол-во']] as const) {
      const { plan, mapping, codes } = run(['Order No', 'Email', 'SKU', qty, total], [['501', 'a@x.com', 'SKU-1', '2', '20.00'], ['501', 'a@x.com', 'SKU-2', '1', '5.00']])
      expect(mapping.goods[0]!.sum?.source).toMatchObject({ kind: 'column', column: total })
      expect(mapping.goods[0]!.quantity).toMatchObject({ column: { column: qty }, price: 'line' })
      expect(mapping.guesses?.map((g) => [g.field, g.column])).toEqual([['goods[0][good_sum]', total]])
      expect(codes).not.toContain('price.none')
      expect(goods(plan)).toEqual([[['SKU-1', '10'], ['SKU-1', '10'], ['SKU-2', '5.00']]])
    }
  })

  it('never takes a line total over a line price, nor an order total as a line total', () => {
    const withPrice = run(['Email', 'SKU', 'Qty', 'Unit Price', 'Line Total'], [['a@x.com', 'SKU-1', '2', '10.00', '20.00']])
    expect(withPrice.mapping.goods[0]!.sum?.source).toMatchObject({ kind: 'column', column: 'Unit Price' })
    expect(withPrice.mapping.goods[0]!.quantity).toMatchObject({ price: 'unit' })
    const orderTotal = run(['Email', 'SKU', 'Order Total'], [['a@x.com', 'SKU-1', '20.00']])
    expect(orderTotal.mapping.guesses ?? []).toEqual([])
  })

  it('counts a missing price as a warning', () => {
    const { plan } = run(['Email', 'SKU'], [['a@x.com', 'A']])
    expect(plan.issues.find((i) => i.code === 'price.none')?.severity).toBe('warning')
    expect(plan.counts.warnings).toBe(1)
  })

  it('drops a warning once the mapping answers it (the app re-plans on every change)', () => {
    const { result } = run(['Email', 'SKU', 'Betrag'], [['a@x.com', 'A', '5']])
    const withPrice = { ...result.mapping, goods: [{ ...result.mapping.goods[0]!, sum: { source: { kind: 'column' as const, column: 'Betrag' } } }] }
    const table = sheet(['Email', 'SKU', 'Betrag'], [['a@x.com', 'A', '5']])
    expect(withSourceNotes(planImport(table, result.mapping), result.notes, result.mapping).issues.map((i) => i.code)).toContain('price.none')
    expect(withSourceNotes(planImport(table, withPrice), result.notes, withPrice).issues.map((i) => i.code)).not.toContain('price.none')
  })

  it('names the candidates instead of "no column was found" when two columns tie', () => {
    const { plan } = run(['Email', 'Item', 'Good', 'Price'], [['a@x.com', 'A', 'B', '1']])
    const messages = plan.issues.map((i) => i.message).join('\n')
    expect(messages).not.toContain('No column for the product ID')
    expect(messages).toMatch(/Several columns could be .*"Item" \(B\), "Good" \(C\).*--map .*good_name.*=COLUMN/)
  })
})

describe('dates and zones', () => {
  it('decides month first for the whole column from one value', () => {
    const { plan, texts } = run(['Email', 'Product', 'Date'], [
      ['a@x.com', 'P', '03/04/2026 10:00'],
      ['b@x.com', 'P', '11/20/2026 10:00']
    ])
    expect(plan.orders[0]!.fields.bill_created).toBe(String(Date.UTC(2026, 2, 4, 10) / 1000))
    expect(texts.join('\n')).toContain('read month first: "11/20/2026 10:00" can only be read month first')
  })

  it('says how to set the order when no value decides', () => {
    const { plan } = run(['Email', 'Product', 'Date'], [['a@x.com', 'P', '03/04/2026']])
    expect(plan.issues.find((i) => i.code === 'date.ambiguous')?.message).toContain('--date-order dmy|mdy')
  })

  it('reads times without a zone in the chosen zone, and shows it', () => {
    const { plan, texts } = run(['Email', 'Product', 'Date'], [['a@x.com', 'P', '2026-11-20 10:00']], { timeZone: 'Europe/Moscow', timeZoneWhy: 'set with --time-zone' })
    expect(plan.orders[0]!.fields.bill_created).toBe(String(Date.UTC(2026, 10, 20, 7) / 1000))
    expect(texts.join('\n')).toContain('Times without a zone are read as Europe/Moscow (set with --time-zone)')
  })

  it('honours an offset in the value', () => {
    const { plan, codes } = run(['Email', 'Product', 'Created at'], [['a@x.com', 'P', '2026-11-20 10:15:32 -0500']], { timeZone: 'Europe/Moscow' })
    expect(plan.orders[0]!.fields.bill_created).toBe(String(Date.UTC(2026, 10, 20, 15, 15, 32) / 1000))
    expect(codes).toContain('date.offset')
  })

  it('joins separate date, time and zone columns', () => {
    const { plan } = run(['Email', 'Product', 'Date', 'Time', 'Time Zone'], [['a@x.com', 'P', '20.11.2026', '07:15:32', 'CET']], { timeZone: 'Europe/Moscow' })
    expect(plan.orders[0]!.fields.bill_created).toBe(String(Date.UTC(2026, 10, 20, 6, 15, 32) / 1000))
  })
})

describe('sheets as people make them', () => {
  it('leaves a totals row out with a note, never as an order', () => {
    const { plan } = run(['№ заказа', 'E-mail', 'Артикул', 'Цена'], [
      ['1', 'a@x.ru', 'A', '10'],
      ['Итого', null, null, 10]
    ])
    expect(plan.orders).toHaveLength(1)
    expect(plan.counts.errors).toBe(0)
    expect(plan.issues.find((i) => i.code === 'totals-row')?.message).toBe('Row 3 is a totals row ("Итого") and is left out.')
    expect(Array.from(plan.orderOfRow)).toEqual([1, 0])
  })

  it('leaves out a row of only sums', () => {
    const { plan } = run(['Email', 'SKU', 'Price'], [['a@x.com', 'A', '10'], [null, null, 10]])
    expect(plan.orders).toHaveLength(1)
  })

  it("removes Excel's text-marker apostrophe", () => {
    const { plan } = run(['Email', 'SKU', 'Zip', 'Phone'], [['a@x.com', 'A', "'02116", "'+7 916 000-00-00"]])
    expect(plan.orders[0]!.fields).toMatchObject({ bill_postal_code: '02116', bill_phone: '+7 916 000-00-00' })
  })

  it('addresses a column with an empty header by its letter', () => {
    const { plan, mapping } = run(['Email', '', 'Price'], [['a@x.com', 'A-1', '10']], { timeZone: 'UTC', overrides: [{ field: 'good_name', column: 'B' }] })
    expect(mapping.goods[0]!.name.source).toEqual({ kind: 'column', column: 'B', letter: true })
    expect(goods(plan)).toEqual([[['A-1', '10']]])
  })
})

describe('--map', () => {
  it('takes a header, a letter or a constant, and the user’s choice ends the guess', () => {
    const { mapping } = run(['Email', 'Product name', 'Product SKU', 'Price'], [['a@x.com', 'Nice course', 'C-1', '5']], {
      timeZone: 'UTC',
      overrides: [{ field: 'good_name', column: 'Product name' }, { field: 'bill_tag', column: '=import' }, { field: 'good_sum', column: 'D' }]
    })
    expect(mapping.goods[0]!.name.source).toMatchObject({ column: 'Product name' })
    expect(mapping.goods[0]!.sum?.source).toMatchObject({ column: 'Price' })
    expect(mapping.fields.bill_tag?.source).toEqual({ kind: 'constant', value: 'import' })
    expect(mapping.guesses ?? []).toEqual([])
  })
})
