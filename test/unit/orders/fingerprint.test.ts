import { describe, expect, it } from 'vitest'
import { sumKey, fingerprintInput, orderFingerprint } from '#shared/plan/fingerprint'
import { fingerprintOf, planImport } from '#shared/plan/import-plan'
import { md5 } from '#shared/wire/md5'
import type { GoodLine, OrderDraft } from '#shared/plan/order'
import { NOW, col, good, mapping, sheet } from './helpers'

type Order = Pick<OrderDraft, 'fields' | 'goods'>

const goods = (...lines: Array<[string, string?]>): GoodLine[] => lines.map(([good_name, good_sum], i) => (good_sum === undefined ? { good_name, row: i + 2 } : { good_name, good_sum, row: i + 2 }))

const base: Order = {
  fields: { bill_email: 'ann@x.com', bill_first_name: 'Ann', bill_phone: '+7 900 123-45-67', bill_created: '1709287200', bill_tag: 'spring' },
  goods: goods(['course', '1500.50'], ['book'])
}

describe('orderFingerprint', () => {
  it('is v1: plus the md5 of the documented canonical form', () => {
    const order: Order = { fields: { bill_email: ' Ann@X.com', bill_first_name: 'Ann  Lee' }, goods: goods(['course', '1500.50'], ['book']) }
    expect(fingerprintInput(order)).toBe('[0,"ann@x.com",1,"ann lee",[["book",null],["course","1500.5"]]]')
    expect(orderFingerprint(order)).toBe(`v1:${md5('[0,"ann@x.com",1,"ann lee",[["book",null],["course","1500.5"]]]')}`)
    expect(orderFingerprint(order)).toMatch(/^v1:[0-9a-f]{32}$/)
  })

  it('ignores the case and white space of e-mail, names, phone and address', () => {
    const same: Order = {
      fields: { ...base.fields, bill_email: '  ANN@x.com ', bill_first_name: ' ann ', bill_phone: '+7 900 1234567' },
      goods: base.goods
    }
    expect(orderFingerprint(same)).toBe(orderFingerprint(base))
  })

  it('ignores the order of goods and how amounts are written', () => {
    for (const sum of ['1500.5', '1500.500', '01500.50']) {
      expect(orderFingerprint({ fields: base.fields, goods: goods(['book'], ['course', sum]) })).toBe(orderFingerprint(base))
    }
  })

  it('ignores rows, order index, grouping key and how-to-handle fields', () => {
    const moved = { ...base, goods: base.goods.map((g) => ({ ...g, row: g.row + 100 })) }
    const extra = { ...base, fields: { ...base.fields, bill_ip: '10.0.0.1', bill_timer_kill: '1', bill_domain: 'shop.com' } }
    const draft: OrderDraft = { index: 7, key: 'A-17', rows: [50, 51], ...base }
    expect(orderFingerprint(moved)).toBe(orderFingerprint(base))
    expect(orderFingerprint(extra)).toBe(orderFingerprint(base))
    expect(orderFingerprint(draft)).toBe(orderFingerprint(base))
  })

  it('changes with the e-mail, the created time, the goods or their prices', () => {
    const variants: Order[] = [
      { ...base, fields: { ...base.fields, bill_email: 'bob@x.com' } },
      { ...base, fields: { ...base.fields, bill_created: '1709287201' } },
      { ...base, fields: { ...base.fields, bill_tag: undefined } },
      { ...base, fields: { ...base.fields, bill_comment: 'gift' } },
      { ...base, fields: { ...base.fields, 'utm[utm_source]': 'partner' } },
      { ...base, goods: goods(['course', '1500.51'], ['book']) },
      { ...base, goods: goods(['course'], ['book']) },
      { ...base, goods: goods(['course', '1500.50']) },
      { ...base, goods: goods(['course', '1500.50'], ['book'], ['book']) },
      { ...base, goods: goods(['Course', '1500.50'], ['book']) }
    ]
    const prints = new Set([base, ...variants].map(orderFingerprint))
    expect(prints.size).toBe(variants.length + 1)
  })

  it('cannot be fooled by values that contain the separators', () => {
    const a: Order = { fields: { bill_first_name: 'a",1,"b' }, goods: [] }
    const b: Order = { fields: { bill_first_name: 'a', bill_surname: 'b' }, goods: [] }
    expect(orderFingerprint(a)).not.toBe(orderFingerprint(b))
  })

  it('normalizes composed and decomposed letters alike', () => {
    const composed: Order = { fields: { bill_first_name: 'Jos\u00e9' }, goods: [] }
    const decomposed: Order = { fields: { bill_first_name: 'Jose\u0301' }, goods: [] }
    expect(orderFingerprint(composed)).toBe(orderFingerprint(decomposed))
  })
})

describe('sumKey (canonicalDecimal, or the trimmed text)', () => {
  it.each([
    ['1500', '1500'],
    ['1500.50', '1500.5'],
    ['1500.500', '1500.5'],
    ['1500.00', '1500'],
    ['01500.', '1500'],
    ['0.50', '0.5'],
    ['.5', '0.5'],
    ['-0.00', '0'],
    ['-2.10', '-2.1'],
    ['abc', 'abc']
  ])('%s -> %s', (input, output) => {
    expect(sumKey(input)).toBe(output)
  })
})

describe('fingerprints in the plan', () => {
  it('are the same for an order whether its lines are grouped, scattered or on one row', () => {
    const grouped = planImport(
      sheet(['Order', 'Email', 'Product', 'Price'], [
        ['1', 'ann@x.com', 'course', '1500.50'],
        ['2', 'bob@x.com', 'other', ''],
        ['1', '', 'book', '']
      ]),
      mapping({ groupBy: 'Order' }),
      { now: NOW }
    )
    const oneRow = planImport(
      sheet(['Email', 'P1', 'S1', 'P2', 'S2'], [['ANN@x.com', 'book', '', 'course', '1500.5']], [40]),
      mapping({ goods: [good('P1', 'S1'), good('P2', 'S2')] }),
      { now: NOW }
    )
    const [first, second] = grouped.orders.map(fingerprintOf)
    expect(first).toBe(fingerprintOf(oneRow.orders[0]!))
    expect(second).not.toBe(first)
  })

  it('do not depend on the mapping that produced the values', () => {
    const a = planImport(sheet(['Email', 'Product'], [['a@x.com', 'p']]), mapping({ goods: [good('Product')] }), { now: NOW })
    const b = planImport(sheet(['Mail', 'Item'], [['a@x.com', 'p']]), mapping({ fields: { bill_email: col('Mail') }, goods: [good('Item')] }), { now: NOW })
    expect(fingerprintOf(a.orders[0]!)).toBe(fingerprintOf(b.orders[0]!))
  })
})
