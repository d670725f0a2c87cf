import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5, md5OfBytes } from '#shared/wire/md5'
import { integer, seededRandom } from './random-data'

const nodeMd5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex')

describe('md5OfBytes', () => {
  it('hashes only the first `length` bytes, around every padding edge, and leaves them as they were', () => {
    const random = seededRandom(0xb17e5)
    const buffer = Uint8Array.from({ length: 300 }, () => integer(random, 256))
    const before = buffer.slice()
    for (let length = 0; length <= 200; length++) {
      expect(md5OfBytes(buffer, length), `length ${length}`).toBe(nodeMd5(buffer.subarray(0, length)))
    }
    expect(buffer).toEqual(before)
  })

  it('puts the prefix in front of the hex digest', () => {
    const bytes = new TextEncoder().encode('[0,"ann@x.com",[]]')
    expect(md5OfBytes(bytes, bytes.length, 'v1:')).toBe(`v1:${nodeMd5(bytes)}`)
    expect(md5OfBytes(bytes, bytes.length)).toBe(nodeMd5(bytes))
  })

  it('gives the same digest as md5() between calls with and without a prefix', () => {
    const random = seededRandom(7)
    for (let i = 0; i < 50; i++) {
      const bytes = Uint8Array.from({ length: integer(random, 150) }, () => integer(random, 256))
      expect(md5OfBytes(bytes, bytes.length, 'x:')).toBe(`x:${md5(bytes)}`)
      expect(md5(bytes)).toBe(nodeMd5(bytes))
    }
  })
})
