import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createOrderParams, createOrderQuery } from '#shared/wire/create-order-params'
import { BILL_FIELD_KEYS, UTM_FIELD_KEYS } from '#shared/mapping/field-keys'
import type { OrderDraft } from '#shared/plan/order'
import { parsePhpQuery } from '#shared/wire/php-parse'
import { httpBuildQuery } from '#shared/wire/php-query'
import { randomDraft, seededRandom } from './random-data'

const vectors = JSON.parse(readFileSync(new URL('../../fixtures/php/vectors.json', import.meta.url), 'utf8')) as {
  build: Array<{ name: string; query: string }>
}

function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return { index: 1, key: null, rows: [2], fields: {}, goods: [{ good_name: 'course', row: 2 }], ...overrides }
}

describe('createOrderParams', () => {
  it('builds the query of the vendor sample exactly as PHP does (bill_kupon variant)', () => {
    const sample = draft({
      goods: [{ good_name: 'invoice', good_sum: '1500', row: 2 }, { good_name: 'sales', row: 3 }],
      fields: {
        // Filled backwards on purpose: the output order must not depend on it.
        'utm[utm_term]': 'my_label', 'utm[utm_content]': 'content_123', 'utm[utm_campaign]': 'my campaign',
        'utm[utm_source]': 'direct', 'utm[utm_medium]': 'cpc', bill_domain: 'www.shop.com', bill_created: '1291001819',
        bill_timer_kill: '1', bill_ip: '192.168.0.1', bill_comment: 'in a beautiful box', bill_tag: 'AdWords',
        bill_kupon: 'skidka50', bill_postal_code: '345678', bill_address: 'Wall St.', bill_city: 'New York',
        bill_region: 'New York', bill_country: 'USA', bill_phone: '+7(928)777-77-77', bill_email: 'user4@email.com',
        bill_middle_name: 'Middle Name', bill_surname: 'Surname', bill_first_name: 'Name'
      }
    })
    const php = vectors.build.find((vector) => vector.name === 'official-sample-bill-kupon')
    expect(createOrderQuery(sample)).toBe(php?.query)
  })

  it('puts goods first, each good_sum right after its good_name, then bill_* and utm[...] in canonical order', () => {
    const random = seededRandom(12)
    const canonical: string[] = [...BILL_FIELD_KEYS, ...UTM_FIELD_KEYS]
    for (let i = 0; i < 100; i++) {
      const order = randomDraft(random, i + 1)
      const keys = createOrderParams(order).map(([key]) => key)
      const goodKeys = keys.filter((key) => key.startsWith('goods['))
      expect(keys.slice(0, goodKeys.length)).toEqual(goodKeys)
      const goodIndexes = goodKeys.map((key) => Number(/^goods\[(\d+)\]/.exec(key)?.[1]))
      expect(goodIndexes).toEqual([...goodIndexes].sort((a, b) => a - b))
      expect(goodKeys.filter((key) => key.endsWith('[good_name]'))).toHaveLength(order.goods.length)
      const fieldKeys = keys.slice(goodKeys.length)
      expect(fieldKeys).toEqual(canonical.filter((key) => fieldKeys.includes(key)))
      expect(fieldKeys).toEqual(canonical.filter((key) => key in order.fields))
    }
  })

  it('leaves out an absent or empty good_sum (shop price) but keeps "0"', () => {
    const order = draft({
      goods: [
        { good_name: 'a', row: 2 },
        { good_name: 'b', good_sum: '', row: 3 },
        { good_name: 'c', good_sum: '  ', row: 4 },
        { good_name: 'd', good_sum: '0', row: 5 }
      ]
    })
    expect(createOrderParams(order)).toEqual([
      ['goods[0][good_name]', 'a'],
      ['goods[1][good_name]', 'b'],
      ['goods[2][good_name]', 'c'],
      ['goods[3][good_name]', 'd'],
      ['goods[3][good_sum]', '0']
    ])
  })

  it('leaves out unset fields and sends a field set to an empty string', () => {
    const params = createOrderParams(draft({ fields: { bill_email: 'a@b.c', bill_comment: '', bill_tag: undefined } }))
    expect(params).toEqual([['goods[0][good_name]', 'course'], ['bill_email', 'a@b.c'], ['bill_comment', '']])
  })

  it('encodes the flat keys to the same bytes as nested arrays, which PHP parses back into groups', () => {
    const order = draft({
      goods: [{ good_name: 'a', good_sum: '1.50', row: 2 }, { good_name: 'b', row: 3 }],
      fields: { bill_email: 'x@y.z', 'utm[utm_source]': 'mail', 'utm[aff_term]': 't' }
    })
    const nested = httpBuildQuery({
      goods: [{ good_name: 'a', good_sum: '1.50' }, { good_name: 'b' }],
      bill_email: 'x@y.z',
      utm: { utm_source: 'mail', aff_term: 't' }
    })
    const query = createOrderQuery(order)
    expect(query).toBe(nested)
    expect(parsePhpQuery(query).get('utm')).toEqual(new Map([['utm_source', 'mail'], ['aff_term', 't']]))
  })
})
