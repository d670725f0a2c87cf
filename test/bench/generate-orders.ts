// Deterministic synthetic order sheets for the benchmarks: realistic columns and value shapes
// (Cyrillic names, decimal prices, ISO dates, leading-zero zips), no randomness between runs.
import * as XLSX from 'xlsx'

export const BENCH_HEADERS = [
  'Order ID', 'First name', 'Last name', 'Email', 'Phone', 'Country', 'Region', 'City', 'Address', 'Zip',
  'Product', 'Price', 'Coupon', 'Tag', 'Comment', 'IP', 'Created', 'Domain', 'utm_source', 'utm_campaign'
]

const FIRST = ['Anna', 'Ivan', 'Мария', 'Олег', 'John', 'Emma', 'Дмитрий', 'Sofia', 'Pavel', 'Елена']
const LAST = ['Smith', 'Иванова', 'Petrov', 'Brown', 'Кузнецов', 'Garcia', 'Соколова', 'Miller']
const CITIES = ['Moscow', 'Санкт-Петербург', 'Berlin', 'New York', 'Казань', 'Riga']
const PRODUCTS = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60']

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateRows(count: number): string[][] {
  return [...rowStream(count)]
}

/** The rows of generateRows(count), one at a time, for sheets too big to hold. */
export function* rowStream(count: number): Generator<string[]> {
  const rnd = prng(20261128)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const base = Date.UTC(2026, 0, 1) / 1000
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST)
    const created = new Date((base + Math.floor(rnd() * 300 * 86400)) * 1000).toISOString().slice(0, 16).replace('T', ' ')
    yield [
      String(100000 + i), first, pick(LAST), `buyer${i}@example.com`, `+7 (9${Math.floor(rnd() * 90 + 10)}) ${String(i % 1000).padStart(3, '0')}-00-00`,
      'Russia', 'Moscow region', pick(CITIES), `ul. Lenina ${1 + (i % 200)}, kv. ${1 + (i % 90)}`, String(Math.floor(rnd() * 999999)).padStart(6, '0'),
      pick(PRODUCTS), (Math.floor(rnd() * 500000) / 100).toFixed(2), i % 7 === 0 ? 'SALE10' : '', 'import', i % 5 === 0 ? 'gift, please wrap' : '',
      `10.${i % 250}.${(i >> 8) % 250}.${i % 200 + 1}`, created, 'shop.example.com', pick(['google', 'yandex', 'email']), 'autumn-2026'
    ]
  }
}

export function toCsv(rows: string[][]): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return [BENCH_HEADERS, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n'
}

export function toXlsx(rows: string[][]): Uint8Array {
  // Price as numbers and Created as real dates, as a shop's Excel export would have them.
  const aoa: unknown[][] = [BENCH_HEADERS, ...rows.map((r) => r.map((v, c) => (c === 11 ? Number(v) : v)))]
  const ws = XLSX.utils.aoa_to_sheet(aoa, { dense: true } as XLSX.AOA2SheetOpts)
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Orders')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}
