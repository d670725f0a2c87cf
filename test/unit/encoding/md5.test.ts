import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5, utf8Encode } from '#shared/wire/md5'
import { integer, randomText, seededRandom } from './random-data'

const nodeMd5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex')

describe('md5', () => {
  it('matches the RFC 1321 test suite', () => {
    const suite: Array<[string, string]> = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
      ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a']
    ]
    for (const [input, digest] of suite) expect(md5(input), JSON.stringify(input)).toBe(digest)
  })

  it('matches node:crypto for random bytes at every length around the 55/56/64-byte padding edges', () => {
    const random = seededRandom(0x5eed)
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, () => integer(random, 256))
      expect(md5(bytes), `length ${length}`).toBe(nodeMd5(bytes))
    }
  })

  it('hashes strings as UTF-8, like PHP md5() of a UTF-8 string', () => {
    const random = seededRandom(56)
    for (let i = 0; i < 300; i++) {
      const text = randomText(random, 40)
      expect(md5(text), JSON.stringify(text)).toBe(nodeMd5(Buffer.from(text, 'utf8')))
    }
  })

  it('hashes a message longer than one block of multi-byte characters', () => {
    const text = 'Иван 🎉 '.repeat(1000)
    expect(md5(text)).toBe(nodeMd5(Buffer.from(text, 'utf8')))
  })
})

describe('utf8Encode', () => {
  it('gives the bytes Node gives, lone surrogates as EF BF BD', () => {
    const samples = ['', 'abc', '\u0000\u007f\u0080\u07ff\u0800\uffff', '\ud83c\udf89', '\ud800', 'a\udc00b', '\ud800\ud800\udc00', '\udbff']
    for (const text of samples) expect([...utf8Encode(text)], JSON.stringify(text)).toEqual([...Buffer.from(text, 'utf8')])
  })
})
