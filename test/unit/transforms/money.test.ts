import { describe, expect, it } from 'vitest'
import type { DecimalSeparator } from '#shared/mapping/mapping'
import type { Cell } from '#shared/sheet/sheet'
import { detectDecimalSeparator, parseMoney } from '#shared/transforms/index'

function money(cell: Cell, decimal: DecimalSeparator = 'auto'): string | null {
  const r = parseMoney(cell, { decimal })
  if (!r.ok) throw new Error(`unexpected failure: ${r.message}`)
  return r.value
}

function moneyError(cell: Cell, decimal: DecimalSeparator = 'auto'): string {
  const r = parseMoney(cell, { decimal })
  if (r.ok) throw new Error(`expected a failure, got ${String(r.value)}`)
  return r.message
}

describe('parseMoney: text, decimal auto', () => {
  const cases: Array<[string, string]> = [
    ['1500', '1500'],
    ['1500.5', '1500.5'],
    ['1500.50', '1500.50'], // fraction kept as written
    ['1500.505', '1500.505'], // never rounded
    ['1 500,50', '1500.50'],
    ['1\u00A0500,50', '1500.50'],
    ['1\u202F500,50', '1500.50'],
    ['12 345 678,9', '12345678.9'],
    ['1.500,50', '1500.50'],
    ['1,500.50', '1500.50'],
    ['1,500,000.50', '1500000.50'],
    ['1.500.000,50', '1500000.50'],
    ['1,500,000', '1500000'],
    ['1.500.000', '1500000'],
    ["1'500.50", '1500.50'],
    ['₽ 1500', '1500'],
    ['1500 ₽', '1500'],
    ['1500₽', '1500'],
    ['1500 руб.', '1500'],
    ['1500 руб', '1500'],
    ['1500 рублей', '1500'],
    ['1500 р.', '1500'],
    ['$1,500.00', '1500.00'],
    ['€1.500,00', '1500.00'],
    ['RUB 1500', '1500'],
    ['1500 usd', '1500'],
    ['R$45,05', '45.05'],
    ['-1500', '-1500'],
    ['−1500', '-1500'], // Unicode minus
    ['- 1 500,50 ₽', '-1500.50'],
    ['-$1,500.00', '-1500.00'],
    ['$-1,500.00', '-1500.00'],
    ['(1,500.00)', '-1500.00'],
    ['+1500', '1500'],
    ['-0.00', '0.00'],
    ['0', '0'],
    ['007', '7'],
    ['.5', '0.5'],
    [',5', '0.5'],
    ['1500.', '1500'],
    // A lone separator before exactly 3 digits is a thousands separator...
    ['1,500', '1500'],
    ['1.500', '1500'],
    ['999,999', '999999'],
    // ...but not when the head starts with 0, is longer than 3 digits, or the tail is not 3 digits.
    ['0,500', '0.500'],
    ['0.500', '0.500'],
    ['1234,567', '1234.567'],
    ['1,5', '1.5'],
    ['1,50', '1.50'],
    ['1,5000', '1.5000'],
    // With spaces grouping thousands, the comma can only be the decimal point.
    ['1 500,000', '1500.000']
  ]
  it.each(cases)('%j -> %j', (text, expected) => {
    expect(money(text)).toBe(expected)
  })
})

describe('parseMoney: explicit decimal separator', () => {
  it('with "," reads a lone comma as the decimal point', () => {
    expect(money('1,5', ',')).toBe('1.5')
    expect(money('1,500', ',')).toBe('1.500')
    expect(money('1.500', ',')).toBe('1500')
    expect(money('1.500,25', ',')).toBe('1500.25')
    expect(money('1 500,25', ',')).toBe('1500.25')
  })

  it('with "." reads a lone dot as the decimal point and commas as thousands', () => {
    expect(money('1.500', '.')).toBe('1.500')
    expect(money('1,500', '.')).toBe('1500')
    expect(money('1,500.25', '.')).toBe('1500.25')
  })

  it('refuses amounts that contradict the chosen separator, and says which setting to check', () => {
    expect(moneyError('1,500.50', ',')).toBe(
      '"1,500.50" is not an amount of money with "," as the decimal separator: check the decimal separator chosen for this column'
    )
    expect(moneyError('1.500,50', '.')).toContain('with "." as the decimal separator')
    expect(moneyError('1,5', '.')).toContain('"1,5"')
    expect(moneyError('1.500.000', '.')).toContain('decimal separator')
  })
})

describe('parseMoney: rejections', () => {
  const bad = ['12,5,0', 'abc', '1500 abc', '12 5', '15 00', '1 50 0', '1,50,000', '1.500,000.5', '1..5', '1,5.5,5', '1e3',
    '1500-', '$', '-', '.', '1 500.000,5', "1'500 000", '₽₽1500', '1500 ₽ ₽', '--5', '(-5)', 'twelve']
  it.each(bad)('%j is not money', (text) => {
    expect(moneyError(text)).toBe(`"${text}" is not an amount of money: write it like 1500 or 1500.50`)
  })

  it('quotes the value in the spec example', () => {
    expect(moneyError('12,5,0')).toMatch(/^"12,5,0" is not an amount of money/)
  })

  it('refuses yes/no cells and dates', () => {
    expect(moneyError(true)).toBe('"true" is a yes/no value, not an amount of money')
    expect(moneyError({ v: 45366, z: 'dd.mm.yyyy', w: '15.03.2024', date: true })).toBe(
      '"15.03.2024" is a date, not an amount of money'
    )
  })

  it('refuses non-finite numbers', () => {
    expect(moneyError(Number.POSITIVE_INFINITY)).toContain('is not an amount of money')
  })

  it('cuts very long values in messages', () => {
    const message = moneyError('x'.repeat(500))
    expect(message.length).toBeLessThan(150)
    expect(message).toContain('…')
  })
})

describe('parseMoney: blanks and numeric cells', () => {
  it('gives nothing for blank cells', () => {
    expect(parseMoney(null, { decimal: 'auto' })).toEqual({ ok: true, value: null })
    expect(parseMoney('  \u00A0 ', { decimal: ',' })).toEqual({ ok: true, value: null })
  })

  const numbers: Array<[number, string]> = [
    [1500, '1500'],
    [1500.5, '1500.5'],
    [1500.25, '1500.25'],
    [0.1 + 0.2, '0.3'],
    [1.1 * 3, '3.3'],
    [-1500, '-1500'],
    [-0, '0'],
    [0.000000000049, '0'], // below 10 decimals
    [0.12345678906, '0.1234567891'],
    [Number('12345.6789012345678'), '12345.6789012346'],
    [1234567890123.45, '1234567890123.45'],
    [1e21, '1000000000000000000000']
  ]
  it.each(numbers)('number %d -> %j', (n, expected) => {
    expect(money(n)).toBe(expected)
  })

  it('uses the value of a formatted number, not its text', () => {
    expect(money({ v: 1500.5, z: '#,##0.00 ₽', w: '1 500,50 ₽' })).toBe('1500.5')
    expect(money({ v: 0.15, z: '0%', w: '15%' })).toBe('0.15')
  })
})

describe('detectDecimalSeparator', () => {
  it('finds the decimal comma from a value that reads only one way', () => {
    expect(detectDecimalSeparator(['1,500', '2 000', '1,50', null, 3]).decimal).toBe(',')
    expect(detectDecimalSeparator(['1.500.000']).decimal).toBe(',')
    expect(detectDecimalSeparator(['1 500,5 ₽']).decimal).toBe(',')
  })

  it('finds the decimal point', () => {
    const guess = detectDecimalSeparator(['1,500', '$1,500.25'])
    expect(guess.decimal).toBe('.')
    expect(guess.reason).toContain('"$1,500.25"')
    expect(detectDecimalSeparator(['1,500,000']).decimal).toBe('.')
  })

  it('says so when the column cannot tell or contradicts itself', () => {
    expect(detectDecimalSeparator(['1,500', '1500', 12.5]).decimal).toBeNull()
    const mixed = detectDecimalSeparator(['1,50', '2.25'])
    expect(mixed.decimal).toBeNull()
    expect(mixed.reason).toContain('"1,50"')
    expect(mixed.reason).toContain('"2.25"')
  })
})
