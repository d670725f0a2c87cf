import { describe, expect, it } from 'vitest'
import { mappingIssues, planImport } from '#shared/plan/import-plan'
import { NOW, col, constant, good, mapping, sheet } from './helpers'

const HEADERS = ['E-mail', 'Product', 'Price', '']

describe('mappingIssues', () => {
  it('finds nothing wrong with a mapping that fits the sheet', () => {
    expect(mappingIssues(['Email', 'Product', 'Price'], mapping())).toEqual([])
  })

  it('reports a mapped column the sheet lacks, listing the headers that were seen', () => {
    const issues = mappingIssues(HEADERS, mapping({ fields: { bill_email: col('E-mail'), bill_phone: col('Phone') } }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'missing-column', row: null, order: null, column: 'Phone', field: 'bill_phone' })
    expect(issues[0]?.message).toContain('column "Phone"')
    expect(issues[0]?.message).toContain('Headers seen: "E-mail", "Product", "Price".')
  })

  it('names the occurrence of a repeated header that is not there', () => {
    const issues = mappingIssues(['Email', 'Product'], mapping({ goods: [{ name: { source: { kind: 'column', column: 'Product', occurrence: 2 } } }] }))
    expect(issues.map((i) => [i.code, i.field])).toEqual([['missing-column', 'goods[0][good_name]']])
    expect(issues[0]?.message).toContain('the 2nd column "Product"')
  })

  it('reports an unmapped e-mail in the words users search for', () => {
    const issues = mappingIssues(HEADERS, mapping({ fields: {} }))
    expect(issues.map((i) => [i.code, i.field])).toEqual([['unmapped', 'bill_email']])
    expect(issues[0]?.message).toBe(
      'No column for the customer\'s e-mail (bill_email) was found. Headers seen: "E-mail", "Product", "Price"; map one in the mapping.'
    )
  })

  it('treats a field mapped to "none" as unmapped', () => {
    const issues = mappingIssues(HEADERS, mapping({ fields: { bill_email: { source: { kind: 'none' } } } }))
    expect(issues.map((i) => i.field)).toEqual(['bill_email'])
  })

  it('reports an unknown time zone once, not on every date', () => {
    const m = mapping({ fields: { bill_email: col('Email'), bill_created: col('Created', { timeZone: 'Mars/Olympus' }) }, goods: [good('Product')] })
    const plan = planImport(sheet(['Email', 'Created', 'Product'], [['a@x.com', '2024-01-01', 'p'], ['b@x.com', '2024-01-02', 'p']]), m, { now: NOW })
    expect(plan.issues.map((i) => [i.code, i.field, i.row])).toEqual([['time-zone', 'bill_created', null]])
    expect(plan.issues[0]?.message).toContain('"Mars/Olympus"')
    expect(plan.counts.validOrders).toBe(0)
  })

  it('treats a blank constant as unmapped', () => {
    const issues = mappingIssues(['Price'], mapping({ fields: { bill_email: constant(' ') }, goods: [{ name: constant(''), sum: col('Price') }] }))
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['unmapped', 'bill_email'],
      ['unmapped', 'goods[0][good_name]']
    ])
  })

  it('reports an unmapped first product, and a later good that has a price but no product', () => {
    const none = { source: { kind: 'none' as const } }
    const issues = mappingIssues(['Email', 'Price'], mapping({ goods: [{ name: none }, { name: none, sum: col('Price') }, { name: none }] }))
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['unmapped', 'goods[0][good_name]'],
      ['unmapped', 'goods[1][good_name]']
    ])
  })

  it('requires the delivery fields to be mapped when the goods are shipped', () => {
    const fields = { bill_email: col('Email'), bill_city: col('City') }
    expect(mappingIssues(['Email', 'City', 'Product', 'Price'], mapping({ fields, shipped: false }))).toEqual([])
    const issues = mappingIssues(['Email', 'City', 'Product', 'Price'], mapping({ fields, shipped: true }))
    expect(issues.map((i) => i.field)).toEqual(['bill_first_name', 'bill_surname', 'bill_country', 'bill_address'])
    expect(issues.every((i) => i.code === 'unmapped' && i.message.includes('shipped by mail'))).toBe(true)
  })

  it('checks constants with the same transforms and rules as cells', () => {
    const issues = mappingIssues(['Email', 'Product'], mapping({
      fields: { bill_email: col('Email'), bill_ip: constant('999.1.1.1'), bill_created: constant('someday'), bill_tag: constant('import-2024') },
      goods: [good('Product')]
    }))
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['constant', 'bill_ip'],
      ['constant', 'bill_created']
    ])
    expect(issues[0]?.message).toContain('"999.1.1.1"')
    expect(issues[0]?.message).toContain('Change it in the mapping.')
  })
})

describe('sheet-wide problems in the plan', () => {
  it('come first, with row null, and block every order', () => {
    const t = sheet(['Email', 'Product', 'Price'], [['bad@', 'p', ''], ['a@x.com', 'p', '']])
    const plan = planImport(t, mapping({ fields: { bill_email: col('Email'), bill_phone: col('Phone') } }), { now: NOW })
    expect(plan.issues.map((i) => [i.code, i.row])).toEqual([
      ['missing-column', null],
      ['email', 2]
    ])
    expect(plan.orders.map((o) => o.errors)).toEqual([2, 1])
    expect(plan.counts).toMatchObject({ orders: 2, validOrders: 0, errors: 2 })
  })

  it('do not repeat a missing e-mail on every order when the e-mail is not mapped', () => {
    const t = sheet(['Product'], [['p'], ['q']])
    const plan = planImport(t, mapping({ fields: {}, goods: [good('Product')] }), { now: NOW })
    expect(plan.issues.map((i) => i.code)).toEqual(['unmapped'])
    expect(plan.orders.every((o) => o.errors === 1)).toBe(true)
  })

  it('apply constants to every order', () => {
    const t = sheet(['Email', 'Product'], [['a@x.com', 'p'], ['b@x.com', 'q']])
    const plan = planImport(t, mapping({ fields: { bill_email: col('Email'), bill_tag: constant(' spring-sale ') }, goods: [good('Product')] }), { now: NOW })
    expect(plan.orders.map((o) => o.fields.bill_tag)).toEqual(['spring-sale', 'spring-sale'])
  })
})
