// The fast paths the dry run signs with give the same bytes as the reference ones: node:crypto's
// MD5 and the pure one, urlencode through encodeURIComponent and byte by byte, the flat query and
// httpBuildQuery of the same pairs, a request line and JSON.stringify of the same object.
import { afterEach, describe, expect, it } from 'vitest'
import { nodeMd5, nodeMd5Bytes } from '../../../electron/main/api/node-md5'
import { RequestLines, requestLine } from '../../../electron/main/cli/commands/import-dry-run'
import { createOrderParams, createOrderQuery } from '#shared/wire/create-order-params'
import { flatQuery, orderQuery, signedOrderBody, signedPairsBody } from '#shared/wire/flat-query'
import { md5 } from '#shared/wire/md5'
import { md5Text, setMd5Implementation } from '#shared/wire/md5-choice'
import { httpBuildQuery, phpUrlencode, phpUrlencodeBytes } from '#shared/wire/php-query'
import { signedBody } from '#shared/wire/signature'
import { integer, pick, randomDraft, randomText, seededRandom } from './random-data'

afterEach(() => setMd5Implementation())

const LONE_SURROGATES = ['\ud800', 'a\udc00b', '\udbff\ud800', 'x\ud83d']

describe('MD5 from node:crypto', () => {
  it('gives the pure digest for every text, lone surrogates and 4-byte characters included', () => {
    const random = seededRandom(14_1)
    const texts = [...LONE_SURROGATES, '', 'a'.repeat(1000), ...Array.from({ length: 2000 }, () => randomText(random, 40))]
    for (const text of texts) expect([text, nodeMd5(text)]).toEqual([text, md5(text)])
  })

  it('is what the signatures use once installed, and the pure one again after', () => {
    let calls = 0
    setMd5Implementation((text) => {
      calls += 1
      return nodeMd5(text)
    })
    expect(md5Text('abc')).toBe(md5('abc'))
    expect(signedBody(new Map([['a', 'b']]), 'login', 'key').hash).toBe(md5('a=b::login::key'))
    expect(calls).toBe(2)
    setMd5Implementation()
    expect(md5Text('abc')).toBe('900150983cd24fb0d6963f7d28e17f72')
    expect(calls).toBe(2)
  })
})

describe('phpUrlencode', () => {
  it('gives the byte-by-byte encoding for every text', () => {
    const random = seededRandom(14_2)
    const texts = [...LONE_SURROGATES, '', "!'()*~ %20", 'plain-text_1.0', ...Array.from({ length: 5000 }, () => randomText(random, 12))]
    for (const text of texts) expect([text, phpUrlencode(text)]).toEqual([text, phpUrlencodeBytes(text)])
  })
})

describe('flatQuery and signedPairsBody', () => {
  it('give the bytes of httpBuildQuery and signedBody for random orders', () => {
    const random = seededRandom(14_3)
    for (let i = 0; i < 500; i++) {
      const draft = randomDraft(random)
      const pairs = createOrderParams(draft)
      expect(flatQuery(pairs)).toBe(httpBuildQuery(new Map(pairs)))
      expect(orderQuery(draft)).toBe(createOrderQuery(draft))
      const login = randomText(random, 3)
      expect(signedPairsBody(pairs, login, 'k')).toBe(signedBody(new Map(pairs), login, 'k').body)
      expect(signedOrderBody(draft, login, 'k')).toBe(signedBody(new Map(pairs), login, 'k').body)
    }
  })

  it('give the same bytes when values repeat across orders (cached) and when they stop repeating', () => {
    const random = seededRandom(14_5)
    const pool = Array.from({ length: 20 }, () => randomText(random, 6))
    for (let i = 0; i < 2000; i++) {
      // Few distinct products and countries, then a value never seen before in every order.
      const pairs: Array<[string, string]> = [['goods[0][good_name]', pick(random, pool)], ['bill_country', pick(random, pool)], ['bill_email', `${i}${randomText(random, 4)}`]]
      expect(flatQuery(pairs)).toBe(httpBuildQuery(new Map(pairs)))
    }
  })

  it('treat a repeated key as a PHP array does, and refuse a "hash" parameter', () => {
    const pairs: Array<[string, string]> = [['a', '1'], ['b', '2'], ['a', '3']]
    expect(flatQuery(pairs)).toBe(httpBuildQuery(new Map(pairs)))
    expect(flatQuery([])).toBe('')
    expect(signedPairsBody([], 'l', 'k')).toBe(signedBody(new Map(), 'l', 'k').body)
    expect(() => signedPairsBody([['hash', 'x']], 'l', 'k')).toThrow(/already contain "hash"/)
  })
})

describe('requestLine', () => {
  it('is JSON.stringify of {order, rows, body} and a newline for every signed body', () => {
    const random = seededRandom(14_4)
    for (let i = 0; i < 300; i++) {
      const order = { index: 1 + integer(random, 1e6), rows: Array.from({ length: 1 + integer(random, 3) }, () => integer(random, 1e6)) }
      const body = signedOrderBody(randomDraft(random), randomText(random, 4), randomText(random, 4))
      expect(body).toMatch(/^[A-Za-z0-9._+%&=-]*$/)
      expect(requestLine(order, body)).toBe(`${JSON.stringify({ order: order.index, rows: order.rows, body })}\n`)
    }
  })
})

describe('RequestLines', () => {
  /** Every buffer RequestLines hands back for the orders, then what is left, joined. */
  function written(lines: RequestLines, orders: Array<{ index: number; rows: number[]; query: string }>): { bytes: Buffer; chunks: number } {
    const chunks: Buffer[] = []
    for (const order of orders) {
      const full = lines.add(order, order.query)
      if (full !== null) chunks.push(Buffer.from(full))
    }
    const rest = lines.finish()
    if (rest !== null) chunks.push(rest)
    return { bytes: Buffer.concat(chunks), chunks: chunks.length }
  }

  it('writes the bytes of requestLine(order, signedOrderBody(...)) for order after order, across its buffers', () => {
    setMd5Implementation(nodeMd5)
    const random = seededRandom(14_6)
    for (let run = 0; run < 6; run++) {
      // Logins and keys with lone surrogates and 4-byte characters: hashed as their UTF-8 bytes.
      const login = run === 0 ? 'x\ud83d' : randomText(random, 4)
      const secret = run === 1 ? '\udc00k' : `${randomText(random, 6)}-secret`
      const orders = Array.from({ length: 400 }, (_, i) => {
        const draft = randomDraft(random)
        return { index: i + 1, rows: Array.from({ length: 1 + integer(random, 3) }, () => integer(random, 1e6)), draft, query: orderQuery(draft) }
      })
      // An order longer than a buffer (about 1.1 MB encoded) and an empty query among them.
      if (run === 2) {
        orders[7]!.draft = { ...orders[7]!.draft, fields: { bill_comment: 'é '.repeat(160_000) }, goods: [] }
        orders[7]!.query = orderQuery(orders[7]!.draft)
      }
      orders[8]!.query = ''
      const expected = orders.map((o) => requestLine(o, o.query === '' ? signedPairsBody([], login, secret) : signedOrderBody(o.draft, login, secret))).join('')
      const { bytes } = written(new RequestLines(login, secret), orders)
      expect(bytes.toString('latin1')).toBe(expected)
      expect(bytes.toString('utf8')).toBe(expected)
      expect(bytes.includes(Buffer.from(secret))).toBe(false)
    }
  })

  it('hands back buffers of about 1 MB while the lines go on, and nothing for no orders', () => {
    const orders = Array.from({ length: 20_000 }, (_, i) => ({ index: i + 1, rows: [i + 2], query: `bill_email=buyer${i}%40example.com&bill_comment=${'x'.repeat(100)}` }))
    const { bytes, chunks } = written(new RequestLines('l', 'k'), orders)
    expect(chunks).toBeGreaterThan(2)
    const lines = bytes.toString('utf8').split('\n')
    expect(lines).toHaveLength(20_001)
    expect(JSON.parse(lines[19_999]!)).toEqual({ order: 20_000, rows: [20_001], body: `${orders[19_999]!.query}&hash=${nodeMd5Bytes(Buffer.from(`${orders[19_999]!.query}::l::k`))}` })
    expect(new RequestLines('l', 'k').finish()).toBeNull()
  })
})
