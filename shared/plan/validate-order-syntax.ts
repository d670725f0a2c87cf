// Syntax predicates for single values, compiled once at load: they run once per order on files of
// 100k rows, so they are plain regular expressions, not parsers.

// A practical subset of RFC 5322 plus internationalized mail: dot-atoms only (no quoted local
// parts, no comments, no [IP] domains), so what passes is what real shops accept.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u{80}-\\u{10FFFF}]+"
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}\\-]{0,61}[\\p{L}\\p{N}\\p{M}])?'
const TOP_LABEL = '(?:\\p{L}[\\p{L}\\p{M}]{1,62}|xn--[a-z0-9\\-]{1,59})'
const HOST = `(?:${LABEL}\\.)+${TOP_LABEL}`
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${HOST}$`, 'iu')
// Non-ASCII is allowed in the address, but not invisible or space characters (NBSP, ZWSP...).
const SPACE_OR_CONTROL = /[\s\p{Z}\p{Cc}\p{Cf}]/u
const MAX_EMAIL = 254
const MAX_LOCAL_PART = 64

// The same rules for plain ASCII addresses, without the slower Unicode matching.
const ASCII_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const ASCII_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const ASCII_EMAIL = new RegExp(`^${ASCII_ATOM}(?:\\.${ASCII_ATOM})*@(?:${ASCII_LABEL}\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$`)

export function isEmail(value: string): boolean {
  if (value.length > MAX_EMAIL || value.lastIndexOf('@') > MAX_LOCAL_PART) return false
  return ASCII_EMAIL.test(value) || (!SPACE_OR_CONTROL.test(value) && EMAIL.test(value))
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)
const HEXTET = /^[0-9A-Fa-f]{1,4}$/
const IPV6_CHARS = /^[0-9A-Fa-f:.]{2,45}$/

export function isIpv4(value: string): boolean {
  return IPV4.test(value)
}

/** IPv6 text form (RFC 4291 §2.2): eight groups, one "::" at most, optional IPv4 tail. */
export function isIpv6(value: string): boolean {
  if (!IPV6_CHARS.test(value)) return false
  const halves = value.split('::')
  if (halves.length > 2) return false
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':')
  const tail = halves.length === 2 && halves[1] !== '' ? (halves[1] ?? '').split(':') : []
  const groups = [...head, ...tail]
  // An IPv4 tail is only allowed as the very end of the address, never before "::".
  const endsWithGroup = halves.length === 1 || tail.length > 0
  let count = 0
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? ''
    if (group.includes('.')) {
      if (i !== groups.length - 1 || !endsWithGroup || !IPV4.test(group)) return false
      count += 2
    } else if (HEXTET.test(group)) count += 1
    else return false
  }
  return halves.length === 2 ? count <= 7 : count === 8
}

export function isIp(value: string): boolean {
  return isIpv4(value) || isIpv6(value)
}

// Both helpers below read a plain decimal, /^[+-]?\d*(?:\.\d*)?$/, character by character: they
// run for every price of a sheet, and a regular expression's match array is garbage each time.

/** Digits after the decimal point that matter ('1500.500' has 1), or -1 when not a decimal. */
export function significantDecimals(value: string): number {
  const n = value.length
  let i = value.charCodeAt(0) === 43 || value.charCodeAt(0) === 45 ? 1 : 0
  const wholeStart = i
  while (i < n && isDigit(value.charCodeAt(i))) i++
  const wholeDigits = i - wholeStart
  let significant = 0
  let fractionDigits = 0
  if (i < n && value.charCodeAt(i) === 46) {
    const fractionStart = ++i
    while (i < n && isDigit(value.charCodeAt(i))) {
      if (value.charCodeAt(i) !== 48) significant = i - fractionStart + 1
      i++
    }
    fractionDigits = i - fractionStart
  }
  if (i !== n || wholeDigits + fractionDigits === 0) return -1
  return significant
}

/** True for a plain decimal greater than zero. */
export function isPositiveDecimal(value: string): boolean {
  const n = value.length
  const first = value.charCodeAt(0)
  if (first === 45) return false
  let i = first === 43 ? 1 : 0
  let nonZero = false
  let point = false
  for (; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c === 46 && !point) point = true
    else if (!isDigit(c)) return false
    else if (c !== 48) nonZero = true
  }
  return nonZero
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

const INTEGER = /^-?\d+$/

export function isInteger(value: string): boolean {
  return INTEGER.test(value)
}

/** The number written by `text` when it is plain digits, at most 15 of them (so the number is
 * exact); -1 for any other text. */
export function digitsValue(text: string): number {
  const n = text.length
  if (n === 0 || n > 15) return -1
  let value = 0
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    value = value * 10 + d
  }
  return value
}
