// Why the reader chose an encoding, a delimiter and a header row: a catalog key and values the
// front-ends word in the reader's language, whose English matches the English reason kept beside.
import { describe, expect, it } from 'vitest'
import { englishOf, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { detectedReason } from '#shared/sheet/detected-text'
import type { Detected } from '#shared/sheet/sheet'
import { decodeText } from '../../../electron/main/sheets/decode-text'
import { detectDelimiter } from '../../../electron/main/sheets/detect-delimiter'
import { detectHeader } from '../../../electron/main/sheets/detect-header'
import type { SheetRecords } from '../../../electron/main/sheets/sheet-record'

const ru = translatorFor('ru')
const utf8 = (text: string) => new TextEncoder().encode(text)

function records(rows: string[][]): SheetRecords {
  return { cells: rows, rows: rows.map((_, i) => i + 1) } as unknown as SheetRecords
}

function detections(): Array<Detected<unknown>> {
  const cp1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x3b, 0xec, 0xe8, 0xf0])
  return [
    decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'a.csv').encoding,
    decodeText(utf8('a;b\n1;2\n'), 'a.csv').encoding,
    decodeText(utf8('Имя;Цена\n'), 'a.csv').encoding,
    decodeText(cp1251, 'a.csv').encoding,
    decodeText(utf8('a'), 'a.csv', 'windows-1251').encoding,
    detectDelimiter('Name;Price\nAnna;1,5\nBob;2,5\n'),
    detectDelimiter('Name\tPrice\nAnna\t1\n'),
    detectDelimiter('one\ntwo\n'),
    detectHeader(records([['Name', 'Email', 'Price'], ['Anna', 'a@x.com', '1']])).detected,
    detectHeader(records([['Orders of March', '', ''], ['Name', 'Email', 'Price'], ['Anna', 'a@x.com', '1']])).detected
  ]
}

describe('detection reasons', () => {
  it('carry a key whose English is the reason kept beside it', () => {
    for (const detected of detections()) {
      expect(detected.why, detected.reason).toBeDefined()
      expect(englishOf(detected.why!)).toBe(detected.reason)
    }
  })

  it('read in Russian, with Russian plurals', () => {
    const texts = detections().map((d) => detectedReason(ru, d))
    expect(texts).toContain('метка порядка байтов UTF-8')
    expect(texts).toContain('выбрано вами')
    expect(texts).toContain('";" делит каждую строку на 2 столбца; «,» разрезала бы числа с десятичной запятой')
    expect(texts).toContain('табуляция делит каждую строку на 2 столбца')
    expect(texts).toContain('в строке 1 — 3 названия столбцов')
    expect(texts.filter((text) => /\b(the|row|gives|every|chosen)\b/.test(text))).toEqual([])
  })

  it('a detection saved without a key shows its English words', () => {
    expect(detectedReason(ru, { reason: 'old words' })).toBe('old words')
    expect(renderMessage(ru, { key: 'detect.header.first', params: { row: 2, count: 5 } })).toBe('в строке 2 — 5 названий столбцов')
  })
})
