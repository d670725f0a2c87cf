import { describe, expect, it } from 'vitest'
import type { Cell } from '#shared/sheet/sheet'
import { cellToText } from '#shared/transforms/index'

describe('cellToText', () => {
  const cases: Array<[string, Cell, string]> = [
    ['null', null, ''],
    ['blank string', '   ', ''],
    ['trims spaces', '  Иван  ', 'Иван'],
    ['trims NBSP and narrow NBSP', '\u00A0abc\u202F', 'abc'],
    ['trims zero-width spaces and tabs', '\u200B\tSKU-1\u200B\n', 'SKU-1'],
    ['keeps inner spaces', ' a  b ', 'a  b'],
    ['keeps leading zeros in text', '000123', '000123'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['integer', 1500, '1500'],
    ['negative integer', -42, '-42'],
    ['negative zero', -0, '0'],
    ['float noise removed', 0.1 + 0.2, '0.3'],
    ['decimal kept', 1500.5, '1500.5'],
    ['1e21 without e-notation', 1e21, '1000000000000000000000'],
    ['1e-7 without e-notation', 1e-7, '0.0000001'],
    ['small fraction', 1.5e-7, '0.00000015'],
    ['12-digit phone', 79287777777, '79287777777'],
    ['largest safe integer exact', 9007199254740991, '9007199254740991'],
    ['beyond 2^53: 15 digits like Excel shows', Number('12345678901234567890'), '12345678901234600000'],
    ['negative big number', -1.5e22, '-15000000000000000000000'],
    ['NaN is blank', Number.NaN, ''],
    ['formatted number: displayed text with leading zeros', { v: 1234, z: '000000', w: '001234' }, '001234'],
    ['formatted phone', { v: 79287777777, z: '+0 (000) 000-00-00', w: '+7 (928) 777-77-77' }, '+7 (928) 777-77-77'],
    ['formatted text is trimmed', { v: 1500, z: '_-* #,##0_-', w: ' 1,500 ' }, '1,500'],
    ['formatted number with empty text falls back to the value', { v: 0.1 + 0.2, z: '0.0', w: '' }, '0.3'],
    ['date cell as ISO date', { v: 45366, z: 'm/d/yy', w: '3/15/24', date: true }, '2024-03-15'],
    ['date-time cell as ISO', { v: 45366.5, z: 'dd.mm.yyyy hh:mm', w: '15.03.2024 12:00', date: true }, '2024-03-15 12:00'],
    ['date-time with seconds', { v: 45366 + 52215 / 86400, z: 'yyyy-mm-dd hh:mm:ss', w: 'x', date: true }, '2024-03-15 14:30:15'],
    ['time-only cell', { v: 0.75, z: 'hh:mm', w: '18:00', date: true }, '18:00'],
    ['Lotus phantom day shows as Excel shows it', { v: 60, z: 'yyyy-mm-dd', w: '1900-02-29', date: true }, '1900-02-29']
  ]
  it.each(cases)('%s', (_name, cell, expected) => {
    expect(cellToText(cell)).toBe(expected)
  })

  it('keeps surrounding spaces when trim is off', () => {
    expect(cellToText('  a\u00A0', { trim: false })).toBe('  a\u00A0')
    expect(cellToText({ v: 1, z: '0 ', w: ' 1 ' }, { trim: false })).toBe(' 1 ')
  })

  it('reads date cells in the 1904 system when told', () => {
    expect(cellToText({ v: 0, z: 'yyyy-mm-dd', w: '1904-01-01', date: true }, { date1904: true })).toBe('1904-01-01')
    expect(cellToText({ v: 45366 - 1462, z: 'yyyy-mm-dd', w: '', date: true }, { date1904: true })).toBe('2024-03-15')
  })
})
