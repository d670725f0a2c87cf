import { describe, expect, it } from 'vitest'
import { autoMap, type AutoMapResult } from '#shared/mapping/auto-map'
import { FIELD_CATALOG, ORDER_NUMBER_ALIASES } from '#shared/mapping/catalog'
import { ORDER_FIELD_KEYS, type OrderFieldKey } from '#shared/mapping/field-keys'
import { MappingSchema, resolveColumn, type FieldSource } from '#shared/mapping/mapping'
import type { Cell } from '#shared/sheet/sheet'

const column = (name: string, occurrence?: number): FieldSource =>
  occurrence === undefined ? { kind: 'column', column: name } : { kind: 'column', column: name, occurrence }
const NONE: FieldSource = { kind: 'none' }

function fieldSource(result: AutoMapResult, key: OrderFieldKey): FieldSource | undefined {
  return result.mapping.fields[key]?.source
}

/** field key or goods[i][...] → column header, for compact expectations. */
function mapped(result: AutoMapResult): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, fm] of Object.entries(result.mapping.fields)) if (fm?.source.kind === 'column') out[key] = fm.source.column
  result.mapping.goods.forEach((good, i) => {
    if (good.name.source.kind === 'column') out[`goods[${i}][good_name]`] = good.name.source.column
    if (good.sum?.source.kind === 'column') out[`goods[${i}][good_sum]`] = good.sum.source.column
  })
  return out
}

describe('autoMap: known names', () => {
  it('maps every alias of every field when it is the only column', () => {
    for (const spec of FIELD_CATALOG) {
      for (const alias of spec.aliases) {
        const result = autoMap([alias])
        const where = spec.key === 'good_name' ? result.mapping.goods[0]?.name.source : spec.key === 'good_sum' ? result.mapping.goods[0]?.sum?.source : fieldSource(result, spec.key as OrderFieldKey)
        expect(where, `${alias} → ${spec.key}`).toEqual(column(alias.trim()))
        expect(result.unmatchedHeaders, alias).toEqual([])
      }
    }
  })

  it('maps every exact API name with full confidence', () => {
    const headers = [...ORDER_FIELD_KEYS, 'good_name', 'good_sum']
    const result = autoMap(headers)
    for (const key of ORDER_FIELD_KEYS) expect(fieldSource(result, key), key).toEqual(column(key))
    expect(result.mapping.goods).toEqual([{ name: { source: column('good_name') }, sum: { source: column('good_sum') } }])
    expect(result.matches).toHaveLength(headers.length)
    for (const m of result.matches) expect(m.confidence, m.field).toBe(1)
    expect(result.ambiguities).toEqual([])
    expect(result.missingRequired).toEqual([])
  })

  it('maps utm names without the brackets and the sample spelling bill_coupon', () => {
    const result = autoMap(['utm_source', 'utm_medium', 'aff_source', 'bill_coupon', 'bill_otchestvo'])
    expect(mapped(result)).toEqual({
      'utm[utm_source]': 'utm_source',
      'utm[utm_medium]': 'utm_medium',
      'utm[aff_source]': 'aff_source',
      bill_kupon: 'bill_coupon',
      bill_middle_name: 'bill_otchestvo'
    })
  })

  it('maps a Russian export', () => {
    const headers = ['Номер заказа', 'Дата заказа', 'Фамилия', 'Имя', 'Отчество', 'Эл. почта', 'Телефон', 'Страна', 'Область', 'Город', 'Адрес', 'Индекс', 'Промокод', 'Метка', 'Комментарий', 'Товар', 'Цена', 'Источник']
    const result = autoMap(headers)
    expect(mapped(result)).toEqual({
      bill_created: 'Дата заказа',
      bill_surname: 'Фамилия',
      bill_first_name: 'Имя',
      bill_middle_name: 'Отчество',
      bill_email: 'Эл. почта',
      bill_phone: 'Телефон',
      bill_country: 'Страна',
      bill_region: 'Область',
      bill_city: 'Город',
      bill_address: 'Адрес',
      bill_postal_code: 'Индекс',
      bill_kupon: 'Промокод',
      bill_tag: 'Метка',
      bill_comment: 'Комментарий',
      'goods[0][good_name]': 'Товар',
      'goods[0][good_sum]': 'Цена',
      'utm[utm_source]': 'Источник'
    })
    expect(result.mapping.groupBy).toEqual({ column: 'Номер заказа' })
    expect(result.unmatchedHeaders).toEqual([])
    expect(result.ambiguities).toEqual([])
  })

  it('maps a Google Forms list of event attendees', () => {
    const result = autoMap(['Отметка времени', 'Адрес электронной почты', 'ФИО', 'Ваш телефон', 'Город', 'Тариф', 'Откуда вы о нас узнали?'])
    expect(mapped(result)).toEqual({
      bill_created: 'Отметка времени',
      bill_email: 'Адрес электронной почты',
      bill_first_name: 'ФИО',
      bill_phone: 'Ваш телефон',
      bill_city: 'Город',
      'goods[0][good_name]': 'Тариф'
    })
    expect(result.unmatchedHeaders).toEqual(['Откуда вы о нас узнали?'])
  })

  it('reports a confidence and a reason for each match', () => {
    const result = autoMap(['Customer emails', 'Product'])
    expect(result.matches).toEqual(
      expect.arrayContaining([
        { field: 'bill_email', column: 'Customer emails', columnIndex: 0, confidence: 0.9, why: { code: 'same-words', params: { name: 'Customer email' } }, reason: expect.stringContaining('mail') },
        { field: 'goods[0][good_name]', column: 'Product', columnIndex: 1, confidence: 0.95, why: { code: 'known-name', params: { name: 'Product' } }, reason: expect.stringContaining('Product') }
      ])
    )
  })

  it('matches typos, below exact names', () => {
    const result = autoMap(['Emial', 'Frist name', 'Adress', 'Prodcut'])
    expect(mapped(result)).toEqual({ bill_email: 'Emial', bill_first_name: 'Frist name', bill_address: 'Adress', 'goods[0][good_name]': 'Prodcut' })
    for (const m of result.matches) expect(m.confidence, m.column).toBeLessThan(0.7)
  })

  it('maps nothing from junk headers and says what is missing', () => {
    const headers = ['foo', 'bar', '', 'qwerty', 'Column 7', '12345', '???', 'Instagram', 'Дата рождения', 'Статус оплаты']
    const result = autoMap(headers)
    expect(result.mapping.fields).toEqual({})
    expect(result.mapping.goods).toEqual([{ name: { source: NONE } }])
    expect(result.mapping.groupBy).toBeNull()
    expect(result.matches).toEqual([])
    expect(result.ambiguities).toEqual([])
    expect(result.unmatchedHeaders).toEqual(headers.filter((h) => h !== ''))
    expect(result.missingRequired).toEqual(['good_name', 'bill_email'])
    expect(MappingSchema.parse(result.mapping)).toEqual(result.mapping)
  })

  it('works with no headers at all', () => {
    const result = autoMap([])
    expect(result.missingRequired).toEqual(['good_name', 'bill_email'])
    expect(MappingSchema.safeParse(result.mapping).success).toBe(true)
  })

  it('sets the documented defaults', () => {
    const { mapping } = autoMap(['Email', 'Product'])
    expect(mapping.version).toBe(1)
    expect(mapping.shipped).toBe(false)
    expect(mapping.defaults).toEqual({ dateOrder: 'auto', timeZone: 'UTC', decimal: 'auto' })
  })

  it('reports a missing e-mail column, and a missing product column with a price kept', () => {
    const result = autoMap(['Name', 'Price'])
    expect(result.missingRequired).toEqual(['good_name', 'bill_email'])
    expect(result.mapping.goods).toEqual([{ name: { source: NONE }, sum: { source: column('Price') } }])
  })
})

describe('autoMap: one column, one field', () => {
  it('gives a column to the field it fits best, and the field it leaves to its next best column', () => {
    for (const headers of [['Email address', 'Adress'], ['Adress', 'Email address']]) {
      const result = autoMap(headers)
      expect(mapped(result), headers.join()).toEqual({ bill_email: 'Email address', bill_address: 'Adress' })
    }
  })

  it('lets an exact API name win over a known name', () => {
    const result = autoMap(['Email', 'bill_email', 'Source', 'utm_source', 'E-mail'])
    expect(fieldSource(result, 'bill_email')).toEqual(column('bill_email'))
    expect(fieldSource(result, 'utm[utm_source]')).toEqual(column('utm_source'))
    expect(result.ambiguities).toEqual([])
    expect(result.unmatchedHeaders).toEqual(['Email', 'Source', 'E-mail'])
  })

  it('prefers a known name over a header that only contains it', () => {
    const result = autoMap(['Email sent', 'Email', 'Phone', 'Phone 2'])
    expect(mapped(result)).toEqual({ bill_email: 'Email', bill_phone: 'Phone' })
    expect(result.ambiguities).toEqual([])
  })

  it('never uses a column twice', () => {
    const result = autoMap(['Email', 'Email address', 'E-mail адрес', 'Phone number', 'Phone'])
    const indexes = result.matches.map((m) => m.columnIndex)
    expect(new Set(indexes).size).toBe(indexes.length)
  })
})

describe('autoMap: ambiguity', () => {
  it('does not choose between two columns with the same header', () => {
    const result = autoMap(['Email', 'Name', 'Email'])
    expect(fieldSource(result, 'bill_email')).toBeUndefined()
    expect(result.ambiguities).toHaveLength(1)
    const [ambiguity] = result.ambiguities
    expect(ambiguity!.field).toBe('bill_email')
    expect(ambiguity!.candidates).toEqual([
      { column: 'Email', columnIndex: 0, confidence: 0.95 },
      { column: 'Email', columnIndex: 2, confidence: 0.95 }
    ])
    expect(ambiguity!.message).toContain('column A')
    expect(ambiguity!.message).toContain('column C')
    expect(result.missingRequired).toContain('bill_email')
    expect(result.unmatchedHeaders).toEqual(['Email', 'Email'])
  })

  it('does not choose between two known names, and names both headers', () => {
    const result = autoMap(['E-mail', 'Почта', 'Product'])
    expect(fieldSource(result, 'bill_email')).toBeUndefined()
    expect(result.ambiguities.map((a) => a.field)).toEqual(['bill_email'])
    const { message } = result.ambiguities[0]!
    expect(message).toContain('"E-mail"')
    expect(message).toContain('"Почта"')
    expect(message).toContain('E-mail (bill_email)')
    expect(result.missingRequired).toEqual(['bill_email'])
  })

  it('does not choose between close weak matches either', () => {
    const result = autoMap(['Email for invoices', 'Email sent date'])
    expect(fieldSource(result, 'bill_email')).toBeUndefined()
    expect(result.ambiguities[0]?.candidates.map((c) => c.column)).toEqual(['Email for invoices', 'Email sent date'])
  })

  it('leaves a column that fits two fields equally unmapped and says so', () => {
    const result = autoMap(['Телефон и email'])
    expect(result.mapping.fields).toEqual({})
    expect(result.ambiguities).toHaveLength(1)
    expect(result.ambiguities[0]!.message).toContain('"Телефон и email"')
    expect(result.ambiguities[0]!.message).toMatch(/Phone.*E-mail|E-mail.*Phone/)
  })

  it('reports two products in one unnumbered slot as an ambiguous good', () => {
    const result = autoMap(['Email', 'Product', 'SKU', 'Price'])
    expect(result.mapping.goods).toEqual([{ name: { source: NONE }, sum: { source: column('Price') } }])
    expect(result.ambiguities.map((a) => a.field)).toEqual(['goods[0][good_name]'])
    expect(result.missingRequired).toEqual(['good_name'])
  })
})

describe('autoMap: several goods per row', () => {
  it('orders numbered goods by number, not by text or position', () => {
    const result = autoMap(['Email', 'Товар 10', 'Цена 10', 'Product 2', 'Price 2', 'good_name_1', 'good_sum_1'])
    expect(result.mapping.goods).toEqual([
      { name: { source: column('good_name_1') }, sum: { source: column('good_sum_1') } },
      { name: { source: column('Product 2') }, sum: { source: column('Price 2') } },
      { name: { source: column('Товар 10') }, sum: { source: column('Цена 10') } }
    ])
    expect(result.matches.filter((m) => m.field.startsWith('goods')).map((m) => `${m.field}=${m.column}`).sort()).toEqual([
      'goods[0][good_name]=good_name_1',
      'goods[0][good_sum]=good_sum_1',
      'goods[1][good_name]=Product 2',
      'goods[1][good_sum]=Price 2',
      'goods[2][good_name]=Товар 10',
      'goods[2][good_sum]=Цена 10'
    ])
  })

  it('reads PHP-style goods[i][...] headers, with and without prices', () => {
    const result = autoMap(['goods[1][good_name]', 'goods[0][good_name]', 'goods[0][good_sum]', 'bill_email'])
    expect(result.mapping.goods).toEqual([
      { name: { source: column('goods[0][good_name]') }, sum: { source: column('goods[0][good_sum]') } },
      { name: { source: column('goods[1][good_name]') } }
    ])
    expect(result.missingRequired).toEqual([])
  })

  it('reads "Товар2", "Product #3" and "Item (4)"', () => {
    const result = autoMap(['Товар2', 'Product #3', 'Item (4)'])
    expect(result.mapping.goods.map((g) => g.name.source)).toEqual([column('Товар2'), column('Product #3'), column('Item (4)')])
  })

  it('puts a lone product column in goods[0]', () => {
    const result = autoMap(['Email', 'Артикул'])
    expect(result.mapping.goods).toEqual([{ name: { source: column('Артикул') } }])
  })

  it('gives repeated unnumbered Product/Price pairs their occurrence', () => {
    const result = autoMap(['Product', 'Price', 'Product', 'Price', 'Email'])
    expect(result.mapping.goods).toEqual([
      { name: { source: column('Product', 1) }, sum: { source: column('Price', 1) } },
      { name: { source: column('Product', 2) }, sum: { source: column('Price', 2) } }
    ])
    expect(fieldSource(result, 'bill_email')).toEqual(column('Email'))
  })

  it('makes no good of a numbered price without its product', () => {
    const result = autoMap(['Product 1', 'Price 1', 'Price 2'])
    expect(result.mapping.goods).toEqual([{ name: { source: column('Product 1') }, sum: { source: column('Price 1') } }])
    expect(result.unmatchedHeaders).toEqual(['Price 2'])
  })

  it('does not take a numbered non-goods header for a good', () => {
    const result = autoMap(['Address line 1', 'Address line 2', 'Product'])
    expect(mapped(result)).toEqual({ bill_address: 'Address line 1', 'goods[0][good_name]': 'Product' })
  })
})

describe('autoMap: order-number column', () => {
  const rows = (values: Cell[]): Cell[][] => values.map((v) => [v, 'a@example.com', 'course'])

  it('groups by an order-number column even when every sample value differs', () => {
    const result = autoMap(['Order ID', 'Email', 'Product'], rows(['1001', '1002', '1003']))
    expect(result.mapping.groupBy).toEqual({ column: 'Order ID' })
    expect(result.groupByReason).toContain('"Order ID"')
    expect(result.unmatchedHeaders).toEqual([])
  })

  it.each(ORDER_NUMBER_ALIASES.strong)('takes %j as the order number', (header) => {
    expect(autoMap([header, 'Email']).mapping.groupBy).toEqual({ column: header })
  })

  it('does not group by a "№" column whose values are all different', () => {
    const result = autoMap(['№', 'Email', 'Product'], rows([1, 2, 3]))
    expect(result.mapping.groupBy).toBeNull()
    expect(result.groupByReason).toContain('"№"')
    expect(result.groupByReason).toContain('row counter')
    expect(result.unmatchedHeaders).toEqual(['№'])
  })

  it('groups by a "№" column whose values repeat, and says why', () => {
    const formatted: Cell = { v: 1043, z: '0', w: '1043' }
    const result = autoMap(['№', 'Email', 'Product'], rows(['1043', formatted, 1044, null]))
    expect(result.mapping.groupBy).toEqual({ column: '№' })
    expect(result.groupByReason).toContain('"1043" is on 2 of the first 4 rows')
  })

  it('does not group by a weak name whose repeated values are not order numbers', () => {
    const result = autoMap(['Заказ', 'Email'], rows(['Курс по рисованию', 'Курс по рисованию', 'Курс по лепке']))
    expect(result.mapping.groupBy).toBeNull()
    expect(result.groupByReason).toContain('do not look like order numbers')
  })

  it('groups by a weak name when no rows are given, and says it was not checked', () => {
    const result = autoMap(['Order', 'Email'])
    expect(result.mapping.groupBy).toEqual({ column: 'Order' })
    expect(result.groupByReason).toContain('no rows were given')
    expect(autoMap(['№', 'Email'], []).mapping.groupBy).toEqual({ column: '№' })
  })

  it('prefers an order-number name over "№"', () => {
    const result = autoMap(['№', 'Номер заказа', 'Email'])
    expect(result.mapping.groupBy).toEqual({ column: 'Номер заказа' })
    expect(result.ambiguities).toEqual([])
    expect(result.unmatchedHeaders).toEqual(['№'])
  })

  it('does not choose between two order-number columns', () => {
    const result = autoMap(['Order ID', 'Order number', 'Email'])
    expect(result.mapping.groupBy).toBeNull()
    expect(result.ambiguities.map((a) => a.field)).toEqual(['groupBy'])
    expect(result.ambiguities[0]!.message).toContain('"Order ID"')
    expect(result.ambiguities[0]!.message).toContain('"Order number"')
  })

  it('says each row is its own order when there is no order-number column', () => {
    const result = autoMap(['Email', 'Product'], rows([]))
    expect(result.mapping.groupBy).toBeNull()
    expect(result.groupByReason).toContain('Each row is its own order')
  })
})

describe('autoMap: any headers', () => {
  // A small deterministic generator, so a failure can be replayed.
  function random(seed: number): () => number {
    let state = seed
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
  }

  const pool = [
    ...FIELD_CATALOG.flatMap((s) => [s.key, ...s.aliases.slice(0, 4)]),
    ...ORDER_NUMBER_ALIASES.weak,
    'Product 2', 'Цена 2', 'goods[3][good_name]', 'Emial', 'Email sent', 'Телефон и email', 'junk', '', '  ', 'Дата рождения', 'Column 1'
  ]

  it('always returns a valid mapping whose columns resolve to the matched headers', () => {
    const next = random(42)
    for (let run = 0; run < 150; run++) {
      const headers = Array.from({ length: 1 + Math.floor(next() * 20) }, () => pool[Math.floor(next() * pool.length)]!)
      const result = autoMap(headers)
      expect(() => MappingSchema.parse(result.mapping), headers.join('|')).not.toThrow()
      const used = result.matches.map((m) => m.columnIndex)
      if (result.mapping.groupBy) used.push(resolveColumn(headers, result.mapping.groupBy))
      expect(new Set(used).size, headers.join('|')).toBe(used.length)
      expect(new Set(result.matches.map((m) => m.field)).size).toBe(result.matches.length)
      for (const m of result.matches) {
        const source = m.field.startsWith('goods[') ? goodSource(result, m.field) : fieldSource(result, m.field as OrderFieldKey)
        expect(source?.kind, m.field).toBe('column')
        if (source?.kind === 'column') expect(resolveColumn(headers, source), `${m.field} in ${headers.join('|')}`).toBe(m.columnIndex)
      }
      expect(result.unmatchedHeaders.length + used.length).toBe(headers.filter((h) => h.trim() !== '').length)
    }
  })
})

function goodSource(result: AutoMapResult, field: string): FieldSource | undefined {
  const [, index, which] = /^goods\[(\d+)\]\[(good_name|good_sum)\]$/.exec(field) ?? []
  const good = result.mapping.goods[Number(index)]
  return which === 'good_name' ? good?.name.source : good?.sum?.source
}
