import { describe, expect, it } from 'vitest'
import { httpBuildQuery, phpNumberString, phpUrlencode } from '#shared/wire/php-query'
import type { PhpArray, PhpValue } from '#shared/wire/php-value'
import { randomText, seededRandom } from './random-data'

/** PHP urlencode derived another way: encodeURIComponent plus the fixes of the API research
 * notes (section 7.2): it leaves ! ' ( ) * ~ alone and writes a space as %20. */
function urlencodeViaUriComponent(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

describe('phpUrlencode', () => {
  it('agrees with encodeURIComponent corrected for PHP on random well-formed text', () => {
    const random = seededRandom(1738)
    for (let i = 0; i < 500; i++) {
      const text = randomText(random, 12)
      expect(phpUrlencode(text), JSON.stringify(text)).toBe(urlencodeViaUriComponent(text))
    }
  })

  it('escapes the characters other encoders leave alone', () => {
    for (const char of ['~', '*', '!', "'", '(', ')']) expect(phpUrlencode(char)).toMatch(/^%[0-9A-F]{2}$/)
    expect(phpUrlencode('a b+c')).toBe('a+b%2Bc')
  })

  it('encodes a lone surrogate as the UTF-8 of U+FFFD instead of failing', () => {
    expect(phpUrlencode('a\ud800b')).toBe(`a${phpUrlencode('\ufffd')}b`)
    expect(phpUrlencode('\udc00')).toBe('%EF%BF%BD')
  })
})

describe('httpBuildQuery', () => {
  it('accepts a Map, a list and a plain object for the same PHP array', () => {
    const asMap = httpBuildQuery(new Map<string | number, PhpValue>([[0, 'a'], [1, 'b c']]))
    expect(httpBuildQuery(['a', 'b c'])).toBe(asMap)
    expect(httpBuildQuery({ 0: 'a', 1: 'b c' })).toBe(asMap)
    expect(asMap).toBe('0=a&1=b+c')
  })

  it('keeps Map insertion order even for integer keys, where a plain object would reorder them', () => {
    const map = new Map<string | number, PhpValue>([['b', '1'], [5, '2'], ['a', '3'], [0, '4']])
    expect(httpBuildQuery(map)).toBe('b=1&5=2&a=3&0=4')
    expect(httpBuildQuery({ b: '1', 5: '2', a: '3', 0: '4' })).toBe('0=4&5=2&b=1&a=3')
  })

  it('skips undefined like null, and the holes of a sparse list, keeping the other indices', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse: PhpValue[] = ['a', , 'c']
    const expected = httpBuildQuery(['a', null, 'c'])
    expect(httpBuildQuery(sparse)).toBe(expected)
    expect(httpBuildQuery(['a', undefined, 'c'])).toBe(expected)
    expect(httpBuildQuery({ x: undefined, y: { z: undefined }, w: [] })).toBe('')
  })

  it('nests keys with encoded brackets, and a flat bracket key gives the same bytes', () => {
    const nested = httpBuildQuery({ goods: [{ good_name: 'a b' }], utm: { utm_source: 'x' } })
    expect(nested).toBe('goods%5B0%5D%5Bgood_name%5D=a+b&utm%5Butm_source%5D=x')
    expect(httpBuildQuery({ 'goods[0][good_name]': 'a b', 'utm[utm_source]': 'x' })).toBe(nested)
  })

  it('encodes the same shared sub-array twice but refuses a circular one in plain words', () => {
    const shared = { a: '1' }
    expect(httpBuildQuery({ x: shared, y: shared })).toBe('x%5Ba%5D=1&y%5Ba%5D=1')
    const loop: { [key: string]: PhpValue } = { name: 'n' }
    loop.self = loop as PhpArray
    expect(() => httpBuildQuery({ top: loop })).toThrow(/contains itself/)
  })
})

describe('phpNumberString', () => {
  it('prints integers PHP can hold as ints, exactly, and -0 as 0', () => {
    expect(phpNumberString(-0)).toBe('0')
    expect(phpNumberString(2 ** 62)).toBe((2n ** 62n).toString())
    expect(phpNumberString(-(2 ** 63))).toBe((-(2n ** 63n)).toString())
  })

  it('prints larger integers and fractions as PHP floats', () => {
    expect(phpNumberString(2 ** 63)).toMatch(/E\+18$/)
    expect(phpNumberString(0.1 + 0.2)).toBe('0.3')
    expect(phpNumberString(NaN)).toBe('NAN')
    expect(phpNumberString(-Infinity)).toBe('-INF')
  })
})
