import { describe, expect, it } from 'vitest'
import { planImport } from '#shared/plan/import-plan'
import { compileOrderRules, compileValueChecks } from '#shared/plan/validate-order'
import { isEmail, isIp, isPositiveDecimal, significantDecimals } from '#shared/plan/validate-order-syntax'
import { seeded } from '../../helpers/seeded'
import { NOW, col, good, mapping, sheet } from './helpers'

const checks = compileValueChecks(NOW)
const check = (key: string, value: string) => checks.get(key)?.(value)?.code ?? null
const NOW_S = NOW / 1000
const DAY = 86_400

describe('e-mail syntax', () => {
  it.each(['ann@x.com', 'a.b+tag@sub.example.co.uk', "o'neil@x.io", 'иван@почта.рф', 'user@xn--80ak6aa92e.com', 'x_y-z@a-b.museum'])('accepts %s', (email) => {
    expect(isEmail(email)).toBe(true)
  })
  it.each([
    'maria.ivanova@',
    '@x.com',
    'ann@x',
    'ann x@x.com',
    'ann@x .com',
    'ann@@x.com',
    'ann@x@y.com',
    '.ann@x.com',
    'ann.@x.com',
    'an..n@x.com',
    'ann@-x.com',
    'ann@x.c',
    'ann@x.com.',
    'ann\u00a0@x.com',
    `${'a'.repeat(65)}@x.com`
  ])('rejects %j', (email) => {
    expect(isEmail(email)).toBe(false)
  })
})

describe('IP syntax', () => {
  it.each(['192.168.0.1', '0.0.0.0', '255.255.255.255', '::1', '::', '2001:db8::8a2e:370:7334', 'fe80::1:2:3:4:5:6', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8'])('accepts %s', (ip) => {
    expect(isIp(ip)).toBe(true)
  })
  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', '1.2.3.4::', 'g::1', 'localhost', ''])('rejects %j', (ip) => {
    expect(isIp(ip)).toBe(false)
  })
})

describe('decimal helpers', () => {
  it('counts only decimals that matter', () => {
    expect([significantDecimals('1500'), significantDecimals('1500.50'), significantDecimals('1500.500'), significantDecimals('1.555'), significantDecimals('x')]).toEqual([0, 1, 1, 3, -1])
  })
  it('knows positive amounts', () => {
    expect(['1', '0.01', '0', '0.00', '-5', '+2'].map(isPositiveDecimal)).toEqual([true, true, false, false, false, true])
  })
})

describe('value checks', () => {
  it('good_sum: more than 0 with at most 2 decimals', () => {
    expect(['1500', '1500.5', '1500.50', '1500.500', '0.01'].map((v) => check('good_sum', v))).toEqual([null, null, null, null, null])
    expect(['0', '-10', '1.555'].map((v) => check('good_sum', v))).toEqual(['money', 'money', 'money'])
    expect(checks.get('good_sum')?.('-10')?.problem).toBe('is not more than 0')
    expect(checks.get('good_sum')?.('1.555')?.problem).toMatch(/more than 2 digits/)
  })

  it('bill_created: from 2000 to one day after now', () => {
    expect(check('bill_created', '946684800')).toBeNull()
    expect(check('bill_created', String(NOW_S + DAY))).toBeNull()
    expect(check('bill_created', '946684799')).toBe('date')
    expect(check('bill_created', String(NOW_S + DAY + 1))).toBe('date')
  })

  it('bill_timer_kill: 0, 1 or a time that is not in the past', () => {
    expect(['0', '1', String(NOW_S + 3600), String(NOW_S - 3600)].map((v) => check('bill_timer_kill', v))).toEqual([null, null, null, null])
    expect(check('bill_timer_kill', String(NOW_S - 2 * DAY))).toBe('timer-kill')
    expect(check('bill_timer_kill', '4102444801')).toBe('timer-kill')
    expect(check('bill_timer_kill', 'soon')).toBe('timer-kill')
  })

  it('bill_email and bill_ip', () => {
    expect([check('bill_email', 'a@x.com'), check('bill_email', 'a@x')]).toEqual([null, 'email'])
    expect([check('bill_ip', '10.0.0.1'), check('bill_ip', '10.0.0')]).toEqual([null, 'ip'])
  })
})

describe('the creation time check', () => {
  it('agrees with its three rules for any text of digits', () => {
    const check = compileValueChecks(NOW).get('bill_created')!
    const nowSeconds = Math.floor(NOW / 1000)
    const random = seeded(5)
    const samples = ['946684800', '946684799', String(nowSeconds + 86_400), String(nowSeconds + 86_401), '0001700000000', '-1700000000', '', '17e8', '1700000000.0']
    for (let i = 0; i < 500; i++) {
      const length = 1 + Math.floor(random() * 16)
      let text = ''
      for (let k = 0; k < length; k++) text += String(Math.floor(random() * 10))
      samples.push(text)
    }
    for (const value of samples) {
      const valid = /^-?\d+$/.test(value) && Number(value) >= 946_684_800 && Number(value) <= nowSeconds + 86_400
      expect(check(value) === null, value).toBe(valid)
    }
  })
})

describe('order rules', () => {
  it('require the listed fields and at least one product', () => {
    const rules = compileOrderRules(['bill_email', 'bill_city'])
    expect(rules({ fields: { bill_email: 'a@x.com', bill_city: 'Rome' }, goods: [{ good_name: 'p', row: 2 }] })).toEqual([])
    expect(rules({ fields: { bill_email: 'a@x.com' }, goods: [] })).toEqual([
      { code: 'required', field: 'bill_city' },
      { code: 'no-goods', field: 'good_name' }
    ])
  })

  it('need the partner login for an affiliate sale, written in lower case', () => {
    const rules = compileOrderRules([])
    const goods = [{ good_name: 'p', row: 2 }]
    expect(rules({ fields: { 'utm[utm_medium]': 'affiliate', 'utm[utm_source]': 'partner1' }, goods })).toEqual([])
    expect(rules({ fields: { 'utm[utm_medium]': 'cpc' }, goods })).toEqual([])
    expect(rules({ fields: { 'utm[utm_medium]': 'affiliate' }, goods })).toEqual([{ code: 'affiliate-source', field: 'utm[utm_source]' }])
    expect(rules({ fields: { 'utm[utm_medium]': 'Affiliate', 'utm[utm_source]': 'p' }, goods })).toEqual([{ code: 'affiliate-case', field: 'utm[utm_medium]' }])
  })
})

describe('validation in the plan', () => {
  it('words an invalid e-mail with row, column, value and field', () => {
    const plan = planImport(sheet(['Email', 'Product'], [['ann@x.com', 'p'], ['maria.ivanova@', 'p']], [13, 14]), mapping({ goods: [good('Product')] }), { now: NOW })
    expect(plan.issues).toHaveLength(1)
    expect(plan.issues[0]).toMatchObject({ code: 'email', row: 14, column: 'Email', field: 'bill_email', order: 2 })
    expect(plan.issues[0]?.message).toMatch(/^Row 14, column "Email": "maria\.ivanova@" is not a valid e-mail address \(bill_email\)\. /)
  })

  it('keeps the e-mail as written, only trimmed', () => {
    const plan = planImport(sheet(['Email', 'Product'], [['  Ann@X.com ', 'p']]), mapping({ goods: [good('Product')] }), { now: NOW })
    expect(plan.orders[0]?.fields.bill_email).toBe('Ann@X.com')
  })

  it('reports a missing e-mail once per order, and not again when the cell was unreadable', () => {
    const plan = planImport(sheet(['Email', 'Product'], [['', 'p'], ['bad@', 'p']]), mapping({ goods: [good('Product')] }), { now: NOW })
    expect(plan.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['required', 2, 'bill_email'],
      ['email', 3, 'bill_email']
    ])
    expect(plan.issues[0]?.message).toContain("the customer's e-mail is empty (bill_email)")
  })

  it('requires the delivery fields only when the goods are shipped', () => {
    const fields = {
      bill_email: col('Email'),
      bill_first_name: col('First'),
      bill_surname: col('Last'),
      bill_country: col('Country'),
      bill_city: col('City'),
      bill_address: col('Address')
    }
    const t = sheet(['Email', 'First', 'Last', 'Country', 'City', 'Address', 'Product'], [['a@x.com', 'Ann', '', 'Italy', '', 'Via Roma 1', 'p']])
    expect(planImport(t, mapping({ fields, goods: [good('Product')], shipped: false }), { now: NOW }).issues).toEqual([])
    const shipped = planImport(t, mapping({ fields, goods: [good('Product')], shipped: true }), { now: NOW })
    expect(shipped.issues.map((i) => [i.code, i.field, i.column])).toEqual([
      ['required', 'bill_surname', 'Last'],
      ['required', 'bill_city', 'City']
    ])
    expect(shipped.issues[0]?.message).toContain('shipped by mail')
  })

  it('reports an affiliate sale without the partner login on the source column', () => {
    const fields = { bill_email: col('Email'), 'utm[utm_medium]': col('Medium'), 'utm[utm_source]': col('Source') }
    const plan = planImport(sheet(['Email', 'Medium', 'Source', 'Product'], [['a@x.com', 'affiliate', '', 'p']]), mapping({ fields, goods: [good('Product')] }), { now: NOW })
    expect(plan.issues.map((i) => [i.code, i.field, i.column, i.row])).toEqual([['affiliate-source', 'utm[utm_source]', 'Source', 2]])
  })

  it('judges dates against the injected now', () => {
    const t = sheet(['Email', 'Created', 'Product'], [['a@x.com', '2030-06-01 12:00', 'p']])
    const m = mapping({ fields: { bill_email: col('Email'), bill_created: col('Created') }, goods: [good('Product')] })
    expect(planImport(t, m, { now: NOW }).issues.map((i) => i.code)).toEqual(['date'])
    expect(planImport(t, m, { now: Date.UTC(2030, 5, 1) }).issues).toEqual([])
  })

  it('rejects an IP address and a price with too many decimals on their cells', () => {
    const t = sheet(['Email', 'IP', 'Product', 'Price'], [['a@x.com', '300.1.1.1', 'p', '10.5555']])
    const plan = planImport(t, mapping({ fields: { bill_email: col('Email'), bill_ip: col('IP') } }), { now: NOW })
    expect(plan.issues.map((i) => [i.code, i.column, i.field])).toEqual([
      ['ip', 'IP', 'bill_ip'],
      ['money', 'Price', 'goods[0][good_sum]']
    ])
  })
})
