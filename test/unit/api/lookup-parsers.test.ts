import { describe, expect, it } from 'vitest'
import { ApiShapeError, parseBills, parseOrderDetails, parseOrdersWithGoods } from '../../../electron/main/api/lookup-parsers'
import { translatorFor } from '#shared/i18n/translate'
import { errorText } from '#shared/i18n/message'

describe('parseBills', () => {
  it('reads the documented shape: order number -> product id -> names', () => {
    const result = {
      '258367': { '12549': { good_name: 'payment', good_title: 'Payment' } },
      '1002': { '7': { good_name: 'course-1', good_title: 'C1' }, '8': { good_name: 'course-2', good_title: 'C2' } }
    }
    expect(parseBills(result)).toEqual([
      { billId: 1002, goods: ['course-1', 'course-2'] },
      { billId: 258367, goods: ['payment'] }
    ])
  })

  it('reads goods sent as a list and numeric good names', () => {
    expect(parseBills({ '5': [{ good_name: 42 }, { good_title: 'no name' }] })).toEqual([{ billId: 5, goods: ['42'] }])
  })

  it('reads PHP empty arrays as no orders', () => {
    expect(parseBills([])).toEqual([])
    expect(parseBills({})).toEqual([])
  })

  it.each([
    ['a non-empty list', [{ good_name: 'x' }]],
    ['a non-numeric order number', { abc: {} }],
    ['a string', 'none'],
    ['null', null]
  ])('refuses %s instead of reporting no orders', (_label, result) => {
    expect(() => parseBills(result)).toThrow(ApiShapeError)
  })
})

const ORDER = {
  id: '258367',
  first_name: 'Ivan',
  last_name: 'Petrov',
  middle_name: '',
  email: 'a@example.com',
  phone: '+7 900',
  created: '1291001819',
  pay_status: 'waiting',
  tag: 'imp-1-2',
  comment: 'box',
  domain: 'shop.com',
  link: '/pay/258367',
  kupon: 'skidka50',
  items: [{ id: '12549', title: 'Payment', sum: '1500.00', price: 1500 }]
}

describe('parseOrderDetails', () => {
  it('reads an order with numbers sent as strings', () => {
    expect(parseOrderDetails(ORDER)).toEqual({
      id: 258367,
      email: 'a@example.com',
      firstName: 'Ivan',
      lastName: 'Petrov',
      middleName: '',
      phone: '+7 900',
      created: 1291001819,
      createdText: '1291001819',
      payStatus: 'waiting',
      tag: 'imp-1-2',
      comment: 'box',
      domain: 'shop.com',
      link: '/pay/258367',
      kupon: 'skidka50',
      items: [{ id: '12549', title: 'Payment', sum: '1500.00', price: '1500' }]
    })
  })

  it('reads numeric fields sent as numbers, a date that is not a timestamp, and `coupon`', () => {
    const order = parseOrderDetails({ id: 9, created: '2024-03-01 10:00:00', coupon: 'c1', items: [] })
    expect(order).toMatchObject({ id: 9, created: null, createdText: '2024-03-01 10:00:00', kupon: 'c1', items: [], email: '' })
  })

  it('reads items sent as a map, and missing items as none', () => {
    expect(parseOrderDetails({ id: 1, items: { '0': { id: 3, sum: 10 } } }).items).toEqual([{ id: '3', title: '', sum: '10', price: '' }])
    expect(parseOrderDetails({ id: 1 }).items).toEqual([])
  })

  it.each([
    ['an empty result', []],
    ['no id', { email: 'a@b.c' }],
    ['a zero id', { id: 0 }],
    ['items that are not a list', { id: 1, items: 'x' }],
    ['an item that is not an object', { id: 1, items: ['x'] }]
  ])('refuses %s', (_label, result) => {
    expect(() => parseOrderDetails(result)).toThrow(ApiShapeError)
  })
})

describe('parseOrdersWithGoods', () => {
  it('reads a list of orders, and [] as none', () => {
    expect(parseOrdersWithGoods([ORDER, { ...ORDER, id: 7 }]).map((o) => o.id)).toEqual([258367, 7])
    expect(parseOrdersWithGoods([])).toEqual([])
  })

  it('refuses a result that is not a list', () => {
    expect(() => parseOrdersWithGoods('none')).toThrow(ApiShapeError)
  })
})

describe('an unreadable lookup answer, in the reader language', () => {
  const ru = translatorFor('ru')
  const en = translatorFor('en')

  function caught(read: () => unknown): unknown {
    try {
      read()
    } catch (error) {
      return error
    }
    throw new Error('expected a refusal')
  }

  it('names what is not a list, in English as before and in Russian', () => {
    const error = caught(() => parseOrderDetails({ id: 7, items: 'x' }))
    expect((error as Error).message).toBe('The goods (items) of order 7 from the API is not a list; Orderbatch cannot read it.')
    expect(errorText(en, error)).toBe((error as Error).message)
    expect(errorText(ru, error)).toBe('Товары (items) заказа 7 в ответе API — не список; Orderbatch не может это прочитать.')
    expect(errorText(ru, caught(() => parseBills('none')))).toBe('Результат GetBills в ответе API — не список; Orderbatch не может это прочитать.')
    expect(errorText(ru, caught(() => parseOrdersWithGoods(5)))).toMatch(/^Результат getOrdersWithGoods в ответе API — не список/)
    expect(errorText(ru, caught(() => parseBills({ '3': 'x' })))).toMatch(/^Товары заказа 3 в GetBills в ответе API — не список/)
  })

  it('names what is not an order number, in English as before and in Russian', () => {
    const bad = caught(() => parseBills({ abc: {} }))
    expect((bad as Error).message).toBe('GetBills order number "abc" is not a positive whole number; Orderbatch cannot read this API answer.')
    expect(errorText(ru, bad)).toBe('Номер заказа «abc» в GetBills — не целое положительное число; Orderbatch не может прочитать этот ответ API.')
    const noId = caught(() => parseOrderDetails({ id: 0 }))
    expect((noId as Error).message).toBe('The order number (id) in the order details is not a positive whole number; Orderbatch cannot read this API answer.')
    expect(errorText(ru, noId)).toMatch(/^Номер заказа \(id\) в данных заказа — не целое положительное число/)
  })
})
