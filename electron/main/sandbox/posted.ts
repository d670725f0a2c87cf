// Reading a parsed $_POST (parsePhpQuery's Map) the way PHP code would: scalars are strings,
// nested arrays are Maps, anything else is "not sent".
import type { PhpValue } from '#shared/wire/php-value'

export type Posted = ReadonlyMap<string | number, PhpValue>

export function textAt(data: Posted, key: string | number): string | undefined {
  const value = data.get(key)
  return typeof value === 'string' ? value : undefined
}

/** A non-empty, trimmed string, or undefined: PHP's empty() treats '' as missing. */
export function filledAt(data: Posted, key: string | number): string | undefined {
  const value = textAt(data, key)?.trim()
  return value ? value : undefined
}

export function mapAt(data: Posted, key: string | number): Posted | undefined {
  const value = data.get(key)
  return value instanceof Map ? value : undefined
}

/** PHP truthiness of a posted flag: only '', '0' and absence are false ('false' is true, as in PHP). */
export function flagAt(data: Posted, key: string): boolean {
  const value = textAt(data, key)
  return value !== undefined && value !== '' && value !== '0'
}

/** Flattens nested arrays to PHP-style keys (utm[utm_source]) so the ledger can store them as text. */
export function flattenPosted(data: Posted, skip: ReadonlySet<string>): Record<string, string> {
  const entries: [string, string][] = []
  const walk = (value: PhpValue, key: string): void => {
    if (value instanceof Map) for (const [inner, nested] of value) walk(nested, `${key}[${inner}]`)
    else if (typeof value === 'string') entries.push([key, value])
  }
  for (const [key, value] of data) if (!skip.has(String(key))) walk(value, String(key))
  // fromEntries defines own properties, so a posted "__proto__" stays plain data.
  return Object.fromEntries(entries)
}
