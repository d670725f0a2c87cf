// The JSON wire of the browser host: bytes as base64, "$" keys escaped, envelopes recognised.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeBase64, decodeWire, encodeBase64, encodeWire, errorResult, isIpcResult, okResult } from '#shared/ipc/wire'

describe('wire codec', () => {
  it('round-trips bytes inside any value', () => {
    const bytes = new Uint8Array(randomBytes(1000))
    const value = { name: 'a.csv', bytes, nested: [{ more: bytes.slice(0, 3) }] }
    const text = encodeWire(value)
    expect(text).toContain(`{"$bytes":"${Buffer.from(bytes).toString('base64')}"}`)
    const back = decodeWire(text) as typeof value
    expect(back.bytes).toBeInstanceOf(Uint8Array)
    expect([...back.bytes]).toEqual([...bytes])
    expect([...(back.nested[0]?.more ?? [])]).toEqual([...bytes.slice(0, 3)])
  })

  it('keeps user data that looks like the bytes marker as data', () => {
    const cells = { $bytes: 'AAAA', $$odd: 'x', plain: 'y' }
    const back = decodeWire(encodeWire({ cells })) as { cells: Record<string, string> }
    expect(back.cells).toEqual(cells)
  })

  it('matches Node base64 for every length, and rejects broken text', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(randomBytes(n))
      const text = encodeBase64(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect([...decodeBase64(text)]).toEqual([...bytes])
    }
    expect(() => decodeBase64('ab$c')).toThrow(SyntaxError)
    expect(() => decodeBase64('abcde')).toThrow(SyntaxError)
  })

  it('recognises results and nothing else', () => {
    expect(isIpcResult(okResult(1))).toBe(true)
    expect(isIpcResult(errorResult('x', 'Y.'))).toBe(true)
    expect(isIpcResult({ ok: false, error: { code: 1 } })).toBe(false)
    expect(isIpcResult({ ok: true })).toBe(false)
    expect(isIpcResult(null)).toBe(false)
  })
})
