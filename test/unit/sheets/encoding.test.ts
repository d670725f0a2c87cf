import { describe, expect, it } from 'vitest'
import { parseSheetBytes } from '../../../electron/main/sheets/read-sheet'
import { concat, encodeSingleByte, encodeUtf16, parseError } from './helpers'

const RUSSIAN = 'Фамилия;Имя;Город\r\nИванова;Мария;Москва\r\nПетров;Пётр;Санкт-Петербург\r\n'
const WESTERN = 'Name;City;Comment\r\nJürgen Müller;Köln;très bien, déjà payé\r\nFrançois Lefèvre;Besançon;à livrer\r\n'

describe('text encoding', () => {
  it('honours a UTF-8 byte order mark and keeps it out of the first header', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode('Email,Name\r\na@b.c,Анна\r\n'))
    const { meta, table } = parseSheetBytes(bytes, 'orders.csv')
    expect(meta.encoding).toMatchObject({ value: 'utf-8', confidence: 1, reason: 'UTF-8 byte order mark' })
    expect(table.headers).toEqual(['Email', 'Name'])
    expect(table.rows).toEqual([['a@b.c', 'Анна']])
  })

  it.each(['le', 'be'] as const)('reads UTF-16%s with a byte order mark (Excel "Unicode text")', (endian) => {
    const bytes = encodeUtf16('Имя\tГород\r\nОльга\tКазань\r\n', endian, true)
    const { meta, table } = parseSheetBytes(bytes, 'export.txt')
    expect(meta.encoding?.value).toBe(`utf-16${endian}`)
    expect(meta.encoding?.reason).toContain('byte order mark')
    expect(meta.delimiter?.value).toBe('\t')
    expect(meta.format).toBe('tsv')
    expect(table.headers).toEqual(['Имя', 'Город'])
    expect(table.rows).toEqual([['Ольга', 'Казань']])
  })

  it('recognises UTF-16LE without a byte order mark by its zero bytes', () => {
    const { meta, table } = parseSheetBytes(encodeUtf16('Name,City\r\nAnna,Riga\r\n', 'le', false), 'orders.csv')
    expect(meta.encoding?.value).toBe('utf-16le')
    expect(meta.encoding?.confidence).toBeLessThan(1)
    expect(table.rows).toEqual([['Anna', 'Riga']])
  })

  it('takes valid UTF-8 as UTF-8', () => {
    const { meta, table } = parseSheetBytes(new TextEncoder().encode(RUSSIAN), 'orders.csv')
    expect(meta.encoding).toMatchObject({ value: 'utf-8', reason: 'the text is valid UTF-8' })
    expect(table.rows[1]).toEqual(['Петров', 'Пётр', 'Санкт-Петербург'])
  })

  it('calls plain ASCII text UTF-8 with full confidence', () => {
    const { meta } = parseSheetBytes(new TextEncoder().encode('a,b\n1,2\n'), 'orders.csv')
    expect(meta.encoding).toMatchObject({ value: 'utf-8', confidence: 1 })
    expect(meta.encoding?.reason).toContain('ASCII')
  })

  it('detects Windows-1251 from Cyrillic letters', () => {
    const { meta, table } = parseSheetBytes(encodeSingleByte(RUSSIAN, 'windows-1251'), 'orders.csv')
    expect(meta.encoding?.value).toBe('windows-1251')
    expect(meta.encoding?.reason).toContain('Cyrillic')
    expect(table.headers).toEqual(['Фамилия', 'Имя', 'Город'])
    expect(table.rows).toEqual([['Иванова', 'Мария', 'Москва'], ['Петров', 'Пётр', 'Санкт-Петербург']])
  })

  it('detects Windows-1252 from accented Latin letters', () => {
    const { meta, table } = parseSheetBytes(encodeSingleByte(WESTERN, 'windows-1252'), 'orders.csv')
    expect(meta.encoding?.value).toBe('windows-1252')
    expect(table.rows[0]).toEqual(['Jürgen Müller', 'Köln', 'très bien, déjà payé'])
    expect(table.rows[1]![1]).toBe('Besançon')
  })

  it('uses the encoding the user chooses, even against the detection', () => {
    const bytes = encodeSingleByte(WESTERN, 'windows-1252')
    const { meta, table } = parseSheetBytes(bytes, 'orders.csv', { encoding: 'windows-1251' })
    expect(meta.encoding).toEqual({ value: 'windows-1251', confidence: 1, reason: 'chosen by you', why: { key: 'detect.chosen' } })
    // 0xFC is "ü" in 1252 and "ь" in 1251: the override really was applied.
    expect(table.rows[0]![0]).toBe('Jьrgen Mьller')
  })

  it('accepts encoding aliases and reports the canonical name', () => {
    const { meta } = parseSheetBytes(encodeSingleByte(RUSSIAN, 'windows-1251'), 'orders.csv', { encoding: 'cp1251' })
    expect(meta.encoding?.value).toBe('windows-1251')
  })

  it('refuses an unknown encoding name with a message naming it', () => {
    const error = parseError(new TextEncoder().encode('a,b\n1,2\n'), 'orders.csv', { encoding: 'klingon-8' })
    expect(error.code).toBe('encoding')
    expect(error.message).toMatch(/^orders\.csv: "klingon-8" is not an encoding/)
    expect(error.message).toContain('windows-1251')
  })
})
