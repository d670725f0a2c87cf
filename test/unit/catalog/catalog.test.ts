import { describe, expect, it } from 'vitest'
import { API_NAME_SYNONYMS, FIELD_CATALOG, ORDER_NUMBER_ALIASES, fieldSpec, type FieldSpec } from '#shared/mapping/catalog'
import { DELIVERY_FIELD_KEYS, GOOD_FIELD_KEYS, ORDER_FIELD_KEYS } from '#shared/mapping/field-keys'
import { compactHeader, normalizeHeader } from '#shared/mapping/header-normalize'

const spec = (key: string): FieldSpec => {
  const found = fieldSpec(key)
  if (!found) throw new Error(`no spec for ${key}`)
  return found
}

describe('FIELD_CATALOG', () => {
  it('has every CreateOrder parameter exactly once', () => {
    const keys = FIELD_CATALOG.map((s) => s.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect([...keys].sort()).toEqual([...ORDER_FIELD_KEYS, ...GOOD_FIELD_KEYS].sort())
  })

  it('types each field as the brief says', () => {
    const expected: Record<string, FieldSpec['type']> = {
      bill_email: 'email',
      bill_phone: 'phone',
      bill_postal_code: 'id',
      bill_kupon: 'id',
      good_name: 'id',
      good_sum: 'money',
      bill_created: 'timestamp',
      bill_timer_kill: 'timer_kill',
      bill_ip: 'ip',
      bill_domain: 'domain'
    }
    for (const s of FIELD_CATALOG) expect(s.type, s.key).toBe(expected[s.key] ?? 'text')
  })

  it('requires e-mail and product always, the delivery fields when shipped, nothing else', () => {
    const always = FIELD_CATALOG.filter((s) => s.required === 'always').map((s) => s.key)
    const shipped = FIELD_CATALOG.filter((s) => s.required === 'shipped').map((s) => s.key)
    expect(always.sort()).toEqual(['bill_email', 'good_name'])
    expect(shipped.sort()).toEqual([...DELIVERY_FIELD_KEYS].sort())
  })

  it('gives every field a label, a one-line rule and description, a group and aliases', () => {
    for (const s of FIELD_CATALOG) {
      for (const text of [s.label, s.rule, s.description]) {
        expect(text.trim(), s.key).not.toBe('')
        expect(text, s.key).not.toMatch(/\n/)
      }
      expect(s.aliases.length, s.key).toBeGreaterThan(0)
    }
    expect(spec('bill_email').rule).toBe('A valid e-mail address, required')
    expect(new Set(FIELD_CATALOG.filter((s) => s.group === 'goods').map((s) => s.key))).toEqual(new Set(GOOD_FIELD_KEYS))
    expect(FIELD_CATALOG.filter((s) => s.group === 'affiliate').map((s) => s.key)).toEqual(ORDER_FIELD_KEYS.filter((k) => k.startsWith('utm[aff_')))
  })

  it('knows the coupon as bill_kupon, with the sample spelling bill_coupon as an alias', () => {
    expect(fieldSpec('bill_coupon')).toBeUndefined()
    expect(spec('bill_kupon').aliases).toContain('bill_coupon')
    expect(API_NAME_SYNONYMS.bill_kupon).toEqual(['bill_coupon'])
  })

  it('carries the aliases users asked for, in English and Russian', () => {
    const has = (key: string, names: string[]) => expect(spec(key).aliases, key).toEqual(expect.arrayContaining(names))
    has('bill_email', ['E-mail', 'Email', 'Email address', 'Почта', 'Эл. почта', 'Электронная почта', 'E-mail клиента'])
    has('bill_first_name', ['First name', 'Name', 'Имя'])
    has('bill_surname', ['Last name', 'Surname', 'Фамилия'])
    has('bill_middle_name', ['Middle name', 'Patronymic', 'Отчество'])
    has('bill_phone', ['Phone', 'Mobile', 'Телефон'])
    has('bill_country', ['Country', 'Страна'])
    has('bill_region', ['Region', 'State', 'Регион', 'Область'])
    has('bill_city', ['City', 'Town', 'Город'])
    has('bill_address', ['Address', 'Street', 'Адрес'])
    has('bill_postal_code', ['Zip', 'Postcode', 'Postal code', 'Индекс'])
    has('bill_kupon', ['Coupon', 'Promo code', 'Промокод', 'Купон'])
    has('bill_tag', ['Tag', 'Метка', 'Тег'])
    has('bill_comment', ['Comment', 'Note', 'Комментарий', 'Примечание'])
    has('bill_ip', ['IP'])
    has('bill_created', ['Created', 'Order date', 'Date', 'Дата', 'Дата заказа'])
    has('good_name', ['Product', 'SKU', 'Product ID', 'Item', 'Товар', 'Продукт', 'Артикул'])
    has('good_sum', ['Price', 'Amount', 'Sum', 'Total', 'Сумма', 'Цена', 'Стоимость'])
    has('utm[utm_source]', ['Source', 'Источник'])
  })

  it('never gives one name to two fields, nor to a field and the order number', () => {
    const owner = new Map<string, string>()
    const claim = (name: string, who: string) => {
      const compact = compactHeader(normalizeHeader(name))
      const previous = owner.get(compact)
      if (previous !== undefined && previous !== who) throw new Error(`"${name}" is used by ${previous} and ${who}`)
      owner.set(compact, who)
    }
    for (const s of FIELD_CATALOG) for (const name of [s.key, s.label, ...s.aliases]) claim(name, s.key)
    for (const name of [...ORDER_NUMBER_ALIASES.strong, ...ORDER_NUMBER_ALIASES.weak]) claim(name, 'order number')
    expect(owner.size).toBeGreaterThan(300)
  })
})

describe('fieldSpec', () => {
  it('finds order and good fields by key and nothing else', () => {
    expect(fieldSpec('utm[utm_source]')?.group).toBe('tracking')
    expect(fieldSpec('good_sum')?.label).toBe('Price')
    expect(fieldSpec('bill_email')?.required).toBe('always')
    expect(fieldSpec('utm_source')).toBeUndefined()
    expect(fieldSpec('goods[0][good_name]')).toBeUndefined()
    expect(fieldSpec('')).toBeUndefined()
  })
})
