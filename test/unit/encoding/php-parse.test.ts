import { describe, expect, it } from 'vitest'
import { createOrderParams, createOrderQuery } from '#shared/wire/create-order-params'
import { parsePhpQuery } from '#shared/wire/php-parse'
import { httpBuildQuery, phpUrlencode } from '#shared/wire/php-query'
import type { PhpValue } from '#shared/wire/php-value'
import { signedBody } from '#shared/wire/signature'
import { integer, randomDraft, seededRandom } from './random-data'

const percent = (bytes: number[]): string => bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')

describe('parsePhpQuery', () => {
  it('nests bracket keys into Maps with integer-like keys as numbers', () => {
    const parsed = parsePhpQuery('goods%5B0%5D%5Bgood_name%5D=a&goods%5B1%5D%5Bgood_name%5D=b&utm%5Butm_source%5D=x')
    const goods = parsed.get('goods')
    expect(goods).toBeInstanceOf(Map)
    expect([...(goods as Map<string | number, PhpValue>).keys()]).toEqual([0, 1])
    expect((goods as Map<string | number, PhpValue>).get(1)).toEqual(new Map([['good_name', 'b']]))
    expect(parsed.get('utm')).toEqual(new Map([['utm_source', 'x']]))
  })

  it('keeps integer keys too large for a JS number as their text, which rebuilds unchanged', () => {
    const parsed = parsePhpQuery('a[9007199254740993]=x&a[]=y')
    const a = parsed.get('a') as Map<string | number, PhpValue>
    expect([...a.keys()]).toEqual(['9007199254740993', '9007199254740994'])
    expect(httpBuildQuery(parsed)).toBe('a%5B9007199254740993%5D=x&a%5B9007199254740994%5D=y')
  })

  it('decodes %XX as UTF-8, raw non-ASCII as itself, and "+" as a space', () => {
    const parsed = parsePhpQuery('name=%D0%98%D0%B2%D0%B0%D0%BD+%F0%9F%8E%89&raw=ключ&plus=%2B')
    expect(parsed.get('name')).toBe('Иван 🎉')
    expect(parsed.get('raw')).toBe('ключ')
    expect(parsed.get('plus')).toBe('+')
  })

  it('turns invalid UTF-8 into U+FFFD exactly as Node decodes it', () => {
    const random = seededRandom(0xfffd)
    for (let i = 0; i < 300; i++) {
      const bytes = Array.from({ length: integer(random, 12) }, () => (random() < 0.5 ? 0x80 + integer(random, 0x80) : integer(random, 0x80)))
      expect(parsePhpQuery(`v=${percent(bytes)}`).get('v'), percent(bytes)).toBe(Buffer.from(bytes).toString('utf8'))
    }
  })

  it('gives back exactly what httpBuildQuery encoded, for any value', () => {
    const random = seededRandom(31)
    for (let i = 0; i < 200; i++) {
      const value = String.fromCodePoint(...Array.from({ length: integer(random, 20) }, () => integer(random, 0x110000)).filter((code) => code < 0xd800 || code > 0xdfff))
      expect(parsePhpQuery(`v=${phpUrlencode(value)}`).get('v')).toBe(value)
    }
  })

  it('rebuilds canonical queries byte for byte: CreateOrder queries and nested string-keyed data', () => {
    const random = seededRandom(2024)
    for (let i = 0; i < 100; i++) {
      const query = createOrderQuery(randomDraft(random, i + 1))
      expect(httpBuildQuery(parsePhpQuery(query))).toBe(query)
    }
    const nested = httpBuildQuery({ goods: [{ good_name: 'x y', good_sum: '1.50' }, { good_name: '~' }], bill_email: 'a@b.c', utm: { utm_term: '' } })
    expect(httpBuildQuery(parsePhpQuery(nested))).toBe(nested)
  })

  it('lets a server check a signed body: parse, drop hash, rebuild, and get the signed query back', () => {
    const random = seededRandom(4)
    for (let i = 0; i < 100; i++) {
      const { query, hash, body } = signedBody(new Map(createOrderParams(randomDraft(random, i + 1))), 'demo', 'secret')
      const posted = parsePhpQuery(body)
      expect(posted.get('hash')).toBe(hash)
      posted.delete('hash')
      expect(httpBuildQuery(posted)).toBe(query)
    }
  })

  it('reads an empty body as no data', () => {
    expect(parsePhpQuery('').size).toBe(0)
    expect(parsePhpQuery('&&').size).toBe(0)
  })
})
