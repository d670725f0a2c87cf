// JSON as PHP's json_decode($json, true) reads it, for the PHP fixtures and the live cross-check.
// JSON.parse would move integer-like object keys to the front; PHP keeps the written order, so
// objects are read into Maps here. Non-finite floats travel as {"$float": "NAN" | "INF" | "-INF"}.
import type { PhpValue } from '#shared/wire/php-value'

const FLOAT_TAG = '$float'
const NON_FINITE: Record<string, number> = { NAN: NaN, INF: Infinity, '-INF': -Infinity }

class Reader {
  private at = 0

  constructor(private readonly text: string) {}

  read(): PhpValue {
    const value = this.value()
    this.space()
    if (this.at !== this.text.length) this.fail('text after the JSON value')
    return value
  }

  private fail(what: string): never {
    throw new Error(`Ordered JSON: ${what} at offset ${this.at}`)
  }

  private space(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++
  }

  private value(): PhpValue {
    this.space()
    const char = this.text[this.at]
    if (char === '{') return this.object()
    if (char === '[') return this.array()
    if (char === '"') return this.string()
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length
        return value
      }
    }
    const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.at, this.at + 400))
    if (!number) this.fail('unexpected character')
    this.at += number[0].length
    return Number(number[0])
  }

  private string(): string {
    const start = this.at
    this.at++
    while (this.text[this.at] !== '"') {
      if (this.at >= this.text.length) this.fail('unterminated string')
      this.at += this.text[this.at] === '\\' ? 2 : 1
    }
    this.at++
    return JSON.parse(this.text.slice(start, this.at)) as string
  }

  private expect(char: string): void {
    this.space()
    if (this.text[this.at] !== char) this.fail(`expected "${char}"`)
    this.at++
  }

  private list<T>(close: string, item: () => T): T[] {
    const items: T[] = []
    this.space()
    if (this.text[this.at] === close) {
      this.at++
      return items
    }
    for (;;) {
      items.push(item())
      this.space()
      if (this.text[this.at] === close) {
        this.at++
        return items
      }
      this.expect(',')
    }
  }

  private array(): PhpValue[] {
    this.at++
    return this.list(']', () => this.value())
  }

  private object(): PhpValue {
    this.at++
    const entries = this.list('}', (): [string, PhpValue] => {
      this.space()
      const key = this.string()
      this.expect(':')
      return [key, this.value()]
    })
    const [first] = entries
    if (entries.length === 1 && first?.[0] === FLOAT_TAG && typeof first[1] === 'string') return NON_FINITE[first[1]]
    return new Map(entries)
  }
}

/** Parses JSON keeping object key order: objects become Maps with string keys. */
export function parseOrderedJson(text: string): PhpValue {
  return new Reader(text).read()
}

const INT64_BOUND = 2 ** 63

function numberJson(value: number): string {
  if (!Number.isFinite(value)) return JSON.stringify({ [FLOAT_TAG]: Number.isNaN(value) ? 'NAN' : value > 0 ? 'INF' : '-INF' })
  // An integer PHP can hold is written as digits (json_decode: int); anything else with an
  // exponent, so json_decode reads a float.
  if (Number.isInteger(value) && value >= -INT64_BOUND && value < INT64_BOUND) return BigInt(value).toString()
  return value.toExponential()
}

/** JSON that json_decode($json, true) turns into the PHP array our encoder is meant to see:
 * key order kept, null/undefined as null, numbers typed as httpBuildQuery types them. */
export function toPhpJson(value: PhpValue): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number') return numberJson(value)
  if (typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${Array.from(value, (item) => toPhpJson(item)).join(',')}]`
  const entries: Array<[string | number, PhpValue]> = value instanceof Map ? [...value] : Object.entries(value)
  return `{${entries.map(([key, item]) => `${JSON.stringify(String(key))}:${toPhpJson(item)}`).join(',')}}`
}

/** A parsed PHP array as ordered [key, value] pairs, keys typed 'i:5' / 's:abc' as the fixture
 * script writes them. Only integer keys too large for a JS number may be held as text: an
 * integer-like string key in the safe range is reported as a string, so a parser that forgot to
 * turn '5' into 5 is caught. */
export function toPairs(array: Map<string | number, PhpValue>): unknown[] {
  return [...array].map(([key, value]) => {
    const typed = typeof key === 'number' || isUnsafeInt64Text(key) ? 'i' : 's'
    return [`${typed}:${key}`, value instanceof Map ? toPairs(value) : value]
  })
}

function isUnsafeInt64Text(key: string): boolean {
  if (!/^(0|-?[1-9][0-9]*)$/.test(key)) return false
  const value = BigInt(key)
  return value >= -(2n ** 63n) && value < 2n ** 63n && !Number.isSafeInteger(Number(value))
}
