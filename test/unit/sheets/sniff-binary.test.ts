// Text or binary is judged four bytes at a time, or for UTF-8 text by searching the decoded
// text; the verdict must be the byte-by-byte one for every share of control bytes and every
// alignment of the buffer.
import { describe, expect, it } from 'vitest'
import { sniffBytes, sniffContent } from '../../../electron/main/sheets/sniff-content'
import { seeded } from '../../helpers/seeded'

function binaryByBytes(bytes: Uint8Array): boolean {
  let controls = 0
  let nuls = 0
  for (const b of bytes) {
    if (b >= 0x20 || [0x09, 0x0a, 0x0c, 0x0d, 0x1a, 0x1b].includes(b)) continue
    controls++
    if (b === 0) nuls++
  }
  return controls > bytes.length * 0.01 || nuls > bytes.length * 0.001
}

describe('binary content', () => {
  it('is judged as byte by byte, at every alignment and around both thresholds', () => {
    const random = seeded(31)
    let binary = 0
    let text = 0
    for (let t = 0; t < 400; t++) {
      const length = 8 + Math.floor(random() * 3000)
      const offset = t % 4
      const whole = new Uint8Array(length + offset)
      const controlShare = random() * 0.02
      const nulShare = random() < 0.5 ? 0 : random() * 0.002
      for (let i = 0; i < whole.length; i++) {
        const roll = random()
        whole[i] = roll < nulShare ? 0 : roll < controlShare ? 1 + Math.floor(random() * 31) : 0x20 + Math.floor(random() * 0xe0)
      }
      const bytes = whole.subarray(offset)
      bytes[0] = 0x61
      const expected = binaryByBytes(bytes)
      expect(sniffContent(bytes, 'x.csv'), `case ${t}`).toBe(expected ? 'binary' : 'text')
      if (expected) binary++
      else text++
    }
    expect(binary).toBeGreaterThan(50)
    expect(text).toBeGreaterThan(50)
  })

  it('is judged as byte by byte for valid UTF-8 text with control characters in it', () => {
    const random = seeded(47)
    const words = ['Заказ', 'order', 'Иванов', '1500,50', 'ü', '€', '😀', ';', ',', '\r\n', '\t']
    let binary = 0
    let text = 0
    for (let t = 0; t < 200; t++) {
      const controlShare = random() * 0.12
      let line = 'a'
      while (line.length < 2000) {
        line += random() < controlShare ? String.fromCharCode(Math.floor(random() * 32)) : (words[Math.floor(random() * words.length)] as string)
      }
      const bytes = new TextEncoder().encode(line)
      const expected = binaryByBytes(bytes)
      const sniffed = sniffBytes(bytes, 'x.csv')
      expect(sniffed.kind, `case ${t}`).toBe(expected ? 'binary' : 'text')
      if (!expected) expect(sniffed.utf8).toBe(line)
      if (expected) binary++
      else text++
    }
    expect(binary).toBeGreaterThan(20)
    expect(text).toBeGreaterThan(20)
  })

  it('knows every control character by itself', () => {
    for (let code = 0; code < 0x20; code++) {
      const bytes = new TextEncoder().encode(`Имя;Цена${String.fromCharCode(code)}`.repeat(50))
      expect(sniffContent(bytes, 'x.csv'), `code ${code}`).toBe(binaryByBytes(bytes) ? 'binary' : 'text')
    }
  })
})
