// The direct CSV splitter must give exactly Papa Parse's records for every text it accepts, and
// leave every text it cannot read that way (malformed quotes) to Papa Parse.
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { papaLineBreak, splitPlainCsv } from '../../../electron/main/sheets/split-csv'

function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), s | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const papa = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, quoteChar: '"', dynamicTyping: false, skipEmptyLines: false })

function split(text: string, delimiter: string): string[][] | string {
  const outcome = splitPlainCsv(text, delimiter, () => true)
  return outcome.kind === 'records' ? outcome.records : outcome.kind
}

const DELIMITERS = [',', ';', '\t', '|']

describe('splitPlainCsv', () => {
  it('gives Papa Parse records for well-formed random files with every line break and quoting', () => {
    const random = seeded(21)
    const pieces = ['a', 'Б', 'x y', ' ', '1,5', ';', '|', '\t', '"', '""', '\n', '\r', '\r\n', 'ё', '😀', '']
    let taken = 0
    for (let t = 0; t < 1500; t++) {
      const delimiter = DELIMITERS[t % DELIMITERS.length]!
      const newline = ['\r\n', '\n', '\r'][Math.floor(random() * 3)]!
      const lines: string[] = []
      const count = Math.floor(random() * 6)
      for (let l = 0; l < count; l++) {
        const width = Math.floor(random() * 5)
        const cells: string[] = []
        for (let c = 0; c < width; c++) {
          let value = ''
          const parts = Math.floor(random() * 3)
          for (let p = 0; p < parts; p++) value += pieces[Math.floor(random() * pieces.length)]
          const needsQuotes = value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r')
          cells.push(needsQuotes || random() < 0.2 ? `"${value.replace(/"/g, '""')}"` : value)
        }
        lines.push(cells.join(delimiter))
      }
      const text = lines.join(newline) + (random() < 0.5 ? newline : '')
      if (text === '') continue
      const result = split(text, delimiter)
      const expected = papa(text, delimiter)
      if (typeof result === 'string') continue
      taken++
      expect(expected.errors, JSON.stringify(text)).toEqual([])
      expect(result, JSON.stringify(text)).toEqual(expected.data)
      expect(papaLineBreak(text), JSON.stringify(text)).toBe(expected.meta.linebreak)
    }
    expect(taken).toBeGreaterThan(900)
  })

  it('accepts only texts Papa Parse reads without a quote error, with the same records', () => {
    const random = seeded(22)
    const alphabet = ['a', ',', ';', '"', '"', ' ', '\n', '\r', 'Я', '\t', '|']
    let taken = 0
    let left = 0
    for (let t = 0; t < 6000; t++) {
      let text = ''
      const length = 1 + Math.floor(random() * 14)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      const delimiter = DELIMITERS[t % DELIMITERS.length]!
      const result = split(text, delimiter)
      const expected = papa(text, delimiter)
      if (typeof result === 'string') {
        expect(result).toBe('not-plain')
        left++
        continue
      }
      taken++
      expect(expected.errors, JSON.stringify(text)).toEqual([])
      expect(result, JSON.stringify(text)).toEqual(expected.data)
    }
    expect(taken).toBeGreaterThan(1000)
    expect(left).toBeGreaterThan(1000)
  })

  it('leaves malformed quoting and unusual delimiters to Papa Parse', () => {
    for (const text of ['a,"b', '"a"b,c', '"a" ,b', '"a""', 'x\r\n"y" \r\n', '"a"\nb,"c"d']) {
      expect(split(text, ','), JSON.stringify(text)).toBe('not-plain')
    }
    for (const text of ['a,"b"\nc', '"x"\r', 'a\r\nb\nc', '"a\r\nb",c\r\n', '"a"', 'x,"y"', 'x,"y"""']) expect(split(text, ','), JSON.stringify(text)).toEqual(papa(text, ',').data)
    expect(split('a||b', '||')).toBe('not-plain')
    expect(split('a"b', '"')).toBe('not-plain')
  })

  it('stops when the caller has enough records', () => {
    let seen = 0
    const outcome = splitPlainCsv('a\nb\nc\nd', ',', () => ++seen < 2)
    expect(outcome.kind).toBe('too-many')
    expect(seen).toBe(2)
  })
})
