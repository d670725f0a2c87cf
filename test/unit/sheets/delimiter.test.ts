import { describe, expect, it } from 'vitest'
import { detectDelimiter, readSepLine } from '../../../electron/main/sheets/detect-delimiter'
import { parseError, parseText } from './helpers'

describe('delimiter detection', () => {
  it('finds commas in an ordinary CSV with quoted commas', () => {
    const { meta, table } = parseText('Name,Address,Price\r\nAnna,"Lenina 1, kv. 2",10.50\r\nIvan,"Mira 3, kv. 4",7\r\n')
    expect(meta.delimiter?.value).toBe(',')
    expect(table.rows[0]).toEqual(['Anna', 'Lenina 1, kv. 2', '10.50'])
  })

  it('chooses ";" when the values hold decimal commas', () => {
    const text = 'Товар;Сумма;Количество\r\nwebinar-pass;1 500,50;2,5\r\ncourse-pro;14 900,00;1\r\nebook-start;990,00;3\r\n'
    const { meta, table } = parseText(text)
    expect(meta.delimiter?.value).toBe(';')
    expect(meta.format).toBe('csv')
    expect(table.rows[0]).toEqual(['webinar-pass', '1 500,50', '2,5'])
  })

  it('chooses ";" over "," even when "," splits every line evenly', () => {
    // Without a header both candidates give the same field count on every line; only the
    // decimal commas tell them apart.
    const detected = detectDelimiter('1 500,50;2,5\n3,25;1,0\n7,75;8,5\n')
    expect(detected.value).toBe(';')
    expect(detected.reason).toContain('decimal comma')
  })

  it('still chooses "," for a comma file whose numbers use a decimal point', () => {
    expect(detectDelimiter('id,qty,price\n1,2,1500.50\n2,1,99.90\n').value).toBe(',')
  })

  it('finds tabs and pipes', () => {
    expect(parseText('a\tb\tc\n1\t2,5\t3\n4\t5\t6\n', 'export.txt').meta.delimiter?.value).toBe('\t')
    expect(parseText('a|b|c\n1|2|3\n4|5|6\n').meta.delimiter?.value).toBe('|')
  })

  it('reports a confidence and a reason people can read', () => {
    const detected = detectDelimiter('a;b;c\n1;2;3\n4;5;6\n')
    expect(detected.value).toBe(';')
    expect(detected.confidence).toBeGreaterThan(0.5)
    expect(detected.reason).toBe('";" gives 3 columns on every line')
  })

  it('falls back to "," with a low confidence for a one-column file', () => {
    const { meta, table } = parseText('Email\r\na@example.com\r\nb@example.com\r\n')
    expect(meta.delimiter?.value).toBe(',')
    expect(meta.delimiter?.confidence).toBeLessThan(0.5)
    expect(table.rows).toEqual([['a@example.com'], ['b@example.com']])
  })

  it('honours an Excel "sep=" first line and skips it, as Excel does (it is not a row)', () => {
    const { meta, table } = parseText('sep=;\r\nName,full;Price\r\nAnna, A.;1,5\r\nIvan;2\r\n')
    expect(meta.delimiter).toMatchObject({ value: ';', confidence: 1 })
    expect(meta.delimiter?.reason).toContain('sep=;')
    expect(table.headers).toEqual(['Name,full', 'Price'])
    expect(meta.headerRow.value).toBe(1)
    expect(table.rowNumbers).toEqual([2, 3])
  })

  it('reads "sep=" only as the very first line', () => {
    expect(readSepLine('sep=|\nx|y')).toEqual({ delimiter: '|', length: 6 })
    expect(readSepLine('a,b\nsep=;\n')).toBeNull()
  })

  it('uses the delimiter the user chooses, including the word "tab"', () => {
    const forced = parseText('a;b,c\n1;2,3\n', 'orders.csv', { delimiter: ',' })
    expect(forced.meta.delimiter).toEqual({ value: ',', confidence: 1, reason: 'chosen by you', why: { key: 'detect.chosen' } })
    expect(forced.table.headers).toEqual(['a;b', 'c'])
    const tab = parseText('a\tb\n1\t2\n', 'orders.csv', { delimiter: 'tab' })
    expect(tab.meta.delimiter?.value).toBe('\t')
    expect(tab.table.rows).toEqual([['1', '2']])
  })

  it('refuses a quote as the delimiter', () => {
    const error = parseError(new TextEncoder().encode('a,b\n1,2\n'), 'orders.csv', { delimiter: '"' })
    expect(error.code).toBe('unsupported')
    expect(error.message).toMatch(/^orders\.csv: /)
  })
})
