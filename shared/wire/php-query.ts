// PHP's http_build_query($data) with its default arguments (PHP_QUERY_RFC1738, '&'), byte for
// byte. The API signs md5(http_build_query(params)::login::key) and a PHP server may rebuild that
// string from $_POST, so any difference in one byte is an "incorrect hash".
import { utf8Encode } from './md5'
import type { PhpArray, PhpValue } from './php-value'

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    byte === 0x2d || byte === 0x2e || byte === 0x5f // - . _
  )
}

const ENCODED_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  if (isUnreserved(byte)) return String.fromCharCode(byte)
  if (byte === 0x20) return '+'
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
})

const PLAIN = /^[A-Za-z0-9._-]*$/
/** What encodeURIComponent leaves alone or writes differently from PHP's urlencode. */
const URI_COMPONENT_DIFFERENCES = /[!'()*~]|%20/g
/** The characters encodeURIComponent keeps that PHP encodes. */
const URI_COMPONENT_KEPT = /[!'()*~]/

/** PHP urlencode(): UTF-8 bytes; only A-Z a-z 0-9 - . _ kept, space as '+', every other byte
 * (~ * ! ' ( ) included) as uppercase %XX. */
export function phpUrlencode(text: string): string {
  if (PLAIN.test(text)) return text
  // encodeURIComponent writes the same UTF-8 %XX (upper case) except that it keeps ! ' ( ) * ~
  // and writes a space as %20; it throws on a lone surrogate, which the byte loop handles.
  let encoded: string
  try {
    encoded = encodeURIComponent(text)
  } catch {
    return phpUrlencodeBytes(text)
  }
  // Most texts have none of ! ' ( ) * ~ and at most spaces: a plain replaceAll, without a call
  // per match, is what the 500k-order dry run spends least on.
  if (URI_COMPONENT_KEPT.test(text)) {
    return encoded.replace(URI_COMPONENT_DIFFERENCES, (found) => (found === '%20' ? '+' : ENCODED_BYTE[found.charCodeAt(0)]!))
  }
  return encoded.includes('%20') ? encoded.replaceAll('%20', '+') : encoded
}

/** phpUrlencode one byte at a time (the reference the fast path is tested against). */
export function phpUrlencodeBytes(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      out += ENCODED_BYTE[code]
      continue
    }
    // One character (a surrogate pair counts as one) at a time through the UTF-8 encoder.
    const next = text.charCodeAt(i + 1)
    const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1
    for (const byte of utf8Encode(text.slice(i, i + width))) out += ENCODED_BYTE[byte]
    i += width - 1
  }
  return out
}

// PHP 8 turns a float into text with zend_gcvt at ini precision 14 (the default).
const PRECISION = 14

/** Exact decimal expansion of a finite, non-zero |value|: value = 0.DIGITS × 10^point. */
function exactDecimal(value: number): { digits: string; point: number } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Math.abs(value))
  const high = view.getUint32(0)
  const biasedExponent = (high >>> 20) & 0x7ff
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4))
  let exponent = -1074 // subnormal
  if (biasedExponent !== 0) {
    mantissa |= 1n << 52n
    exponent = biasedExponent - 1075
  }
  if (exponent >= 0) {
    const digits = (mantissa << BigInt(exponent)).toString()
    return { digits, point: digits.length }
  }
  // m / 2^k = m * 5^k / 10^k: exact, no rounding at all.
  const digits = (mantissa * 5n ** BigInt(-exponent)).toString()
  return { digits, point: digits.length + exponent }
}

/** Round to PRECISION significant digits, ties to even (as zend_dtoa mode 2 does), and drop
 * trailing zeros. */
function roundDigits(digits: string, point: number): { digits: string; point: number } {
  let head = digits.slice(0, PRECISION)
  const rest = digits.slice(PRECISION)
  if (rest !== '') {
    const first = rest.charCodeAt(0) - 48
    const exactHalf = first === 5 && /^0*$/.test(rest.slice(1))
    const lastIsOdd = (head.charCodeAt(head.length - 1) - 48) % 2 === 1
    if (first > 5 || (first === 5 && (!exactHalf || lastIsOdd))) {
      const rounded = (BigInt(head) + 1n).toString()
      if (rounded.length > head.length) point += 1
      head = rounded.slice(0, PRECISION)
    }
  }
  return { digits: head.replace(/0+$/, '') || '0', point }
}

/** zend_gcvt layout: 0.000ddd, ddd.ddd, or d.dddE+X (at least one digit after the point). */
function layout(digits: string, point: number): string {
  if (point < -3 || point > PRECISION) {
    const exponent = point - 1
    const fraction = digits.length > 1 ? digits.slice(1) : '0'
    return `${digits[0]}.${fraction}E${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`
  }
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`
  if (digits.length <= point) return digits + '0'.repeat(point - digits.length)
  return `${digits.slice(0, point)}.${digits.slice(point)}`
}

function phpFloatString(value: number): string {
  if (Number.isNaN(value)) return 'NAN'
  if (value === Infinity) return 'INF'
  if (value === -Infinity) return '-INF'
  const sign = value < 0 || Object.is(value, -0) ? '-' : ''
  if (value === 0) return `${sign}0`
  const exact = exactDecimal(value)
  const rounded = roundDigits(exact.digits, exact.point)
  return sign + layout(rounded.digits, rounded.point)
}

const INT64_BOUND = 2 ** 63

/** How PHP prints a JS number. A JS number means what PHP's json_decode makes of it: an integer
 * that fits PHP's 64-bit int is an int (decimal); anything else is a float, printed as PHP 8 does
 * with precision 14 (0.1 + 0.2 -> "0.3", 1e20 -> "1.0E+20", NAN, INF). Money should be sent as
 * strings so this never matters for orders. */
export function phpNumberString(value: number): string {
  if (Number.isInteger(value) && value >= -INT64_BOUND && value < INT64_BOUND) return BigInt(value).toString()
  return phpFloatString(value)
}

function encodeScalar(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'number') return phpUrlencode(phpNumberString(value))
  return phpUrlencode(value)
}

function entriesOf(array: PhpArray): Iterable<[string | number, PhpValue]> {
  if (array instanceof Map) return array
  // entries() visits holes of a sparse array as undefined, which are then skipped like null.
  if (Array.isArray(array)) return array.entries()
  return Object.entries(array)
}

function appendArray(parts: string[], array: PhpArray, prefix: string | null, path: Set<PhpArray>): void {
  if (path.has(array)) {
    throw new Error(`Cannot build a query string: the value under "${prefix ?? ''}" contains itself. Pass plain data without circular references.`)
  }
  path.add(array)
  for (const [key, value] of entriesOf(array)) {
    if (value === null || value === undefined) continue
    const encodedKey = phpUrlencode(typeof key === 'number' ? phpNumberString(key) : key)
    const name = prefix === null ? encodedKey : `${prefix}%5B${encodedKey}%5D`
    if (typeof value === 'object') appendArray(parts, value, name, path)
    else parts.push(`${name}=${encodeScalar(value)}`)
  }
  path.delete(array)
}

/** PHP http_build_query($data): insertion order, nested keys as key%5Bsub%5D, null/undefined
 * and empty arrays emit nothing, true -> 1, false -> 0. */
export function httpBuildQuery(data: PhpArray): string {
  const parts: string[] = []
  appendArray(parts, data, null, new Set())
  return parts.join('&')
}
