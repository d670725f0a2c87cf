// The plain-value fast paths must give exactly what the full transforms give. A leading space
// makes every fast path decline, while the full transform trims it away: so `transform(' ' + x)`
// is the general reading of x, and the fast answer for x must equal it.
import { describe, expect, it } from 'vitest'
import { parseMoney, parseTimestamp, normalizeDomain } from '#shared/transforms/index'
import { plainMoney } from '#shared/transforms/money'
import { plainTimestamp } from '#shared/transforms/dates'
import { isPlainHost } from '#shared/transforms/domain'
import type { DateOptions } from '#shared/transforms/index'
import type { DecimalSeparator } from '#shared/mapping/mapping'
import { isPositiveDecimal, significantDecimals } from '#shared/plan/validate-order-syntax'
import { seeded } from '../../helpers/seeded'

function randomText(random: () => number, alphabet: readonly string[], max: number): string {
  let out = ''
  const length = Math.floor(random() * (max + 1))
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]
  return out
}

const value = <T>(r: { ok: true; value: T | null } | { ok: false; message: string }): T | null | string => (r.ok ? r.value : `fail: ${r.message}`)

describe('plainMoney', () => {
  const digits = ['0', '0', '1', '5', '9', '.', '.', ',', '-', 'x']
  it('agrees with the full reading for random digit strings under every decimal setting', () => {
    const random = seeded(11)
    let fast = 0
    for (let i = 0; i < 6000; i++) {
      const text = randomText(random, digits, 8)
      for (const decimal of ['auto', '.', ','] as DecimalSeparator[]) {
        const plain = plainMoney(text, decimal)
        if (plain === undefined) continue
        fast++
        expect(plain, `${JSON.stringify(text)} ${decimal}`).toBe(value(parseMoney(` ${text}`, { decimal })))
      }
    }
    expect(fast).toBeGreaterThan(2000)
  })

  it('reads the common shapes', () => {
    expect(plainMoney('3761.92', 'auto')).toBe('3761.92')
    expect(plainMoney('01500.50', 'auto')).toBe('1500.50')
    expect(plainMoney('1.500', 'auto')).toBe('1500')
    expect(plainMoney('1.500', '.')).toBe('1.500')
    expect(plainMoney('0.500', 'auto')).toBe('0.500')
    expect(plainMoney('.5', 'auto')).toBe('0.5')
    expect(plainMoney('5.', 'auto')).toBe('5')
    expect(plainMoney('000', 'auto')).toBe('0')
    for (const declined of ['', '.', '1,5', '-1', ' 1', '1.2.3']) expect(plainMoney(declined, 'auto'), declined).toBeUndefined()
    expect(plainMoney('1500', ',')).toBeUndefined()
  })

  it('agrees with the full reading for numbers', () => {
    const random = seeded(12)
    for (let i = 0; i < 2000; i++) {
      const n = (random() - 0.3) * 10 ** Math.floor(random() * 25 - 8)
      expect(plainMoney(n, 'auto'), String(n)).toBe(value(parseMoney({ v: n, z: '0.00', w: String(n) }, { decimal: 'auto' })))
    }
    expect(plainMoney(Number.NaN, 'auto')).toBeUndefined()
  })
})

describe('plainTimestamp', () => {
  const years = ['2024', '2025', '2023', '0099', '0001', '0000', '1999', '20245', '224']
  const seps = ['-', '-', '-', '/', '.']
  const months = ['1', '01', '2', '02', '12', '13', '0', '00', '3']
  const days = ['1', '01', '28', '29', '30', '31', '32', '0', '10', '100']
  const times = ['', '', ' 00:00', 'T23:59', ' 24:00', ' 1:05', ' 12:60', ' 12:30:59', ' 12:30:60', ' 12:3', '  12:30', ' 12:30Z', 't12:30', ' 12:30:5', ' 02:30', 'T01:30:00', ' 12:30:00.5']
  const zones = ['UTC', 'Europe/Moscow', 'America/New_York', 'Australia/Lord_Howe', 'Bad/Zone', '']
  const any = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  it('agrees with the full reading for random date-like text in several zones', () => {
    const random = seeded(13)
    let fast = 0
    for (let i = 0; i < 6000; i++) {
      const sep = any(random, seps)
      const text = `${any(random, years)}${sep}${any(random, months)}${random() < 0.9 ? sep : '-'}${any(random, days)}${any(random, times)}`
      const opts: DateOptions = { dateOrder: (['auto', 'dmy', 'mdy', 'ymd'] as const)[i % 4]!, timeZone: zones[i % zones.length]!, date1904: false }
      const plain = plainTimestamp(text, opts)
      if (plain === undefined) continue
      fast++
      expect(plain, `${JSON.stringify(text)} ${opts.timeZone}`).toBe(value(parseTimestamp(` ${text}`, opts)))
    }
    expect(fast).toBeGreaterThan(200)
  })

  it('reads ISO dates, with and without time, across a DST change', () => {
    const utc: DateOptions = { dateOrder: 'auto', timeZone: 'UTC', date1904: false }
    const ny: DateOptions = { ...utc, timeZone: 'America/New_York' }
    expect(plainTimestamp('2026-02-26 12:16', utc)).toBe(Date.UTC(2026, 1, 26, 12, 16) / 1000)
    expect(plainTimestamp('2024-3-5T4:05:09', utc)).toBe(Date.UTC(2024, 2, 5, 4, 5, 9) / 1000)
    expect(plainTimestamp('2024-03-15', utc)).toBe(Date.UTC(2024, 2, 15) / 1000)
    for (const text of ['2024-03-10 02:30', '2024-11-03 01:30', '2024-07-01 12:00']) expect(plainTimestamp(text, ny), text).toBe(value(parseTimestamp(` ${text}`, ny)))
    for (const declined of ['2024-02-30', '2024-03-15 24:00', '2024-03-15 14:30Z', '15.03.2024', '2024/03/15', '2024-03-15  14:30']) {
      expect(plainTimestamp(declined, utc), declined).toBeUndefined()
    }
    expect(plainTimestamp('2024-03-15', { ...utc, timeZone: 'Bad/Zone' })).toBeUndefined()
  })
})

describe('isPlainHost', () => {
  it('accepts only what normalizeDomain returns unchanged', () => {
    const random = seeded(14)
    const alphabet = ['a', 'b', 'z', 'shop', '0', '9', '-', '_', '.', '.', '.', 'A', 'é', '/', ':', '@', ' ']
    let plain = 0
    for (let i = 0; i < 5000; i++) {
      const text = randomText(random, alphabet, 8)
      if (!isPlainHost(text)) continue
      plain++
      expect(value(normalizeDomain(` ${text}`)), JSON.stringify(text)).toBe(text)
    }
    expect(plain).toBeGreaterThan(50)
    expect(isPlainHost('shop.example.com')).toBe(true)
    for (const declined of ['shop', 'Shop.com', 'shop.com.', '.shop.com', 'a..b', 'кто.рф']) expect(isPlainHost(declined), declined).toBe(false)
  })
})

describe('decimal helpers read like their regular expression', () => {
  const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/
  const reference = {
    significant(v: string): number {
      const m = DECIMAL.exec(v)
      if (!m || (m[2] === '' && (m[3] ?? '') === '')) return -1
      return (m[3] ?? '').replace(/0+$/, '').length
    },
    positive(v: string): boolean {
      const m = DECIMAL.exec(v)
      if (!m || m[1] === '-') return false
      return /[1-9]/.test(`${m[2] ?? ''}${m[3] ?? ''}`)
    }
  }
  it('on random strings of digits, signs and points', () => {
    const random = seeded(15)
    const alphabet = ['0', '0', '1', '7', '.', '+', '-', 'e', ' ']
    for (let i = 0; i < 8000; i++) {
      const v = randomText(random, alphabet, 7)
      expect(significantDecimals(v), JSON.stringify(v)).toBe(reference.significant(v))
      expect(isPositiveDecimal(v), JSON.stringify(v)).toBe(reference.positive(v))
    }
  })
})
