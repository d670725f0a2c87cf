// The identity of an order, independent of where it sits in the file: used to spot the same
// order twice in one file and, by the journal, to recognize an order already sent in an earlier
// run of an edited or re-exported file. Changing the canonical form below changes every
// fingerprint, so it is versioned ('v1:').
//
// Canonical form v1 (the md5 input) is one JSON array: for each field of FINGERPRINT_FIELDS that
// is non-empty after normalization, its position in that list and its value, in list order;
// then, last, the goods: an array of [good_name, good_sum or null] sorted by name, then by
// price (no price first), both compared by UTF-16 code units.
// Positions instead of key names keep the text short, since md5 runs once per order.
//   - bill_email: trimmed, lower-cased;
//   - names, phone and address parts: Unicode NFC, lower-cased, runs of white space made one
//     space, trimmed; the phone keeps only its digits and a leading '+';
//   - bill_created, bill_kupon, bill_tag and utm[...]: NFC, trimmed; bill_comment also has its
//     inner white space collapsed, since spreadsheets re-wrap long text;
//   - good_name: NFC, white space collapsed, case kept (product IDs are case-sensitive in the
//     shop); good_sum as a canonical decimal ('1500.50' and '1500.500' -> '1500.5', '01500.00' ->
//     '1500'), so the goods are compared as a multiset of (product, price).
// Example: {bill_email: ' Ann@X.com', bill_first_name: 'Ann  Lee'} with goods course (1500.50)
// and book (no price) -> [0,"ann@x.com",1,"ann lee",[["book",null],["course","1500.5"]]].
// Left out on purpose: row numbers, order index, grouping key, and the fields about how the order
// is handled rather than what was bought by whom (bill_ip, bill_timer_kill, bill_domain).
import type { OrderFieldKey } from '../mapping/field-keys'
import { isSolid } from './import-plan-text'
import { md5OfBytes } from '../wire/md5'
import type { OrderDraft } from './order'
import { canonicalDecimal } from '../transforms/decimal'

type Normalize = (value: string) => string

// Most values are printable ASCII words with single spaces between them: NFC cannot change
// them and there is no white space to collapse, so one test spares three new strings.
const CLEAN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/
const nfc = (value: string) => (CLEAN.test(value) ? value : value.normalize('NFC'))
const collapse = (value: string) => (CLEAN.test(value) ? value : value.normalize('NFC').replace(/\s+/g, ' ').trim())
const folded: Normalize = (value) => collapse(value).toLowerCase()
const exact: Normalize = (value) => nfc(value).trim()
// trim() copies even a string with nothing to trim; addresses are usually trimmed already.
const email: Normalize = (value) => (isSolid(value) ? value : value.trim()).toLowerCase()
/** The e-mail address as the fingerprint holds it: orders with different ones never match. */
export const normalizedEmail: Normalize = email
// '+7 (928) 777-77-77' and '+7928777 7777' are one number: only a leading + and the digits count.
const phone: Normalize = (value) => {
  const digits = value.replace(/\D/g, '')
  if (digits === '') return folded(value)
  return value.trimStart().startsWith('+') ? `+${digits}` : digits
}

export const FINGERPRINT_FIELDS: ReadonlyArray<readonly [OrderFieldKey, Normalize]> = [
  ['bill_email', email],
  ['bill_first_name', folded],
  ['bill_surname', folded],
  ['bill_middle_name', folded],
  ['bill_phone', phone],
  ['bill_country', folded],
  ['bill_region', folded],
  ['bill_city', folded],
  ['bill_address', folded],
  ['bill_postal_code', folded],
  ['bill_created', exact],
  ['bill_kupon', exact],
  ['bill_tag', exact],
  ['bill_comment', collapse],
  ['utm[utm_medium]', exact],
  ['utm[utm_source]', exact],
  ['utm[utm_campaign]', exact],
  ['utm[utm_content]', exact],
  ['utm[utm_term]', exact],
  ['utm[aff_medium]', exact],
  ['utm[aff_source]', exact],
  ['utm[aff_campaign]', exact],
  ['utm[aff_content]', exact],
  ['utm[aff_term]', exact]
]

/** A good's price as the fingerprint keeps it: the canonical decimal ('1500.50' and '01500.5' are
 * one price), or, for text that is no decimal, the text trimmed. */
export function sumKey(value: string): string {
  return canonicalDecimal(value) ?? value.trim()
}

/** By name, then price (no price first), comparing code units so no locale is involved. */
function byGood(a: readonly [string, string | null], b: readonly [string, string | null]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  if (a[1] === b[1]) return 0
  if (a[1] === null) return -1
  if (b[1] === null) return 1
  return a[1] < b[1] ? -1 : 1
}

/** The canonical text an order's fingerprint is the md5 of (see the header comment). */
export function fingerprintInput(order: Pick<OrderDraft, 'fields' | 'goods'>): string {
  // One array and one JSON.stringify: far less garbage than concatenating the text piecewise.
  const canonical: unknown[] = []
  for (let i = 0; i < FINGERPRINT_FIELDS.length; i++) {
    const [key, normalize] = FINGERPRINT_FIELDS[i] as (typeof FINGERPRINT_FIELDS)[number]
    const raw = order.fields[key]
    if (raw === undefined) continue
    const value = normalize(raw)
    if (value !== '') canonical.push(i, value)
  }
  const goods = order.goods.map((good): [string, string | null] => [collapse(good.good_name), good.good_sum === undefined ? null : sumKey(good.good_sum)])
  if (goods.length > 1) goods.sort(byGood)
  canonical.push(goods)
  return JSON.stringify(canonical)
}

/** 'v1:' + md5 hex of the canonical form: stable across row order, grouping, batching and
 * amount formatting; different when the customer, the goods or their prices differ. */
export function orderFingerprint(order: Pick<OrderDraft, 'fields' | 'goods'>): string {
  const length = writeCanonical(order) // first: writing may replace the buffer with a bigger one
  return md5OfBytes(out, length, 'v1:')
}

// The fingerprint runs once per order of a plan, so orderFingerprint writes the UTF-8 bytes of the
// canonical text (exactly what JSON.stringify of fingerprintInput's array gives) straight into a
// reused buffer. Plain values (printable ASCII and basic Cyrillic, single inner spaces) are
// written as they are, lower-cased on the way where the field says so: the normalizations above
// leave such text unchanged but for its case. Anything else goes through them first.

const KEEP = 0
const LOWER = 1
const PHONE = 2
const FIELD_KEYS: readonly OrderFieldKey[] = FINGERPRINT_FIELDS.map(([key]) => key)
const FIELD_NORMALIZE: readonly Normalize[] = FINGERPRINT_FIELDS.map(([, normalize]) => normalize)
const FIELD_KIND: readonly number[] = FINGERPRINT_FIELDS.map(([, normalize]) => (normalize === phone ? PHONE : normalize === folded || normalize === email ? LOWER : KEEP))

// The output: module variables rather than an object's properties, for the hottest loops.
let out = new Uint8Array(4096)
let size = 0

/** Room for `units` more UTF-16 code units (6 bytes each at worst, '\ud800') and some syntax. */
function reserve(units: number): void {
  const needed = size + units * 6 + 32
  if (needed <= out.length) return
  const grown = new Uint8Array(Math.max(needed, out.length * 2))
  grown.set(out.subarray(0, size))
  out = grown
}

function put(byte: number): void {
  out[size++] = byte
}

/** A small non-negative integer (a field position) in decimal. */
function putIndex(n: number): void {
  if (n >= 10) put(48 + Math.floor(n / 10))
  put(48 + (n % 10))
}

/** Writes `value` as a JSON string when it is plain (see above), lower-cased if asked; returns
 * false, having written nothing, when it is not. */
function putPlain(value: string, lower: boolean): boolean {
  const n = value.length
  if (n === 0) return false
  reserve(n)
  const bytes = out
  let at = size
  bytes[at++] = 34
  for (let i = 0; i < n; i++) {
    let c = value.charCodeAt(i)
    if (c > 0x20 && c < 0x7f) {
      if (c === 34 || c === 92) bytes[at++] = 92
      else if (lower && c >= 65 && c <= 90) c += 32
      bytes[at++] = c
    } else if (c === 0x20) {
      // Only single spaces between words: no space at either end, none doubled.
      if (i === 0 || i === n - 1 || value.charCodeAt(i + 1) === 0x20) return false
      bytes[at++] = c
    } else if (c >= 0x400 && c <= 0x45f) {
      if (lower && c < 0x430) c += c < 0x410 ? 0x50 : 0x20
      bytes[at++] = 0xc0 | (c >> 6)
      bytes[at++] = 0x80 | (c & 0x3f)
    } else {
      return false
    }
  }
  bytes[at++] = 34
  size = at
  return true
}

/** Writes any string as JSON.stringify would, in UTF-8. */
function putString(value: string): void {
  reserve(value.length)
  const bytes = out
  let at = size
  bytes[at++] = 34
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x80) {
      if (c === 34 || c === 92) {
        bytes[at++] = 92
        bytes[at++] = c
      } else if (c >= 0x20) bytes[at++] = c
      else at = putControl(bytes, at, c)
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6)
      bytes[at++] = 0x80 | (c & 0x3f)
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes[at++] = 0xe0 | (c >> 12)
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f)
      bytes[at++] = 0x80 | (c & 0x3f)
    } else {
      const next = value.charCodeAt(i + 1)
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const code = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
        bytes[at++] = 0xf0 | (code >> 18)
        bytes[at++] = 0x80 | ((code >> 12) & 0x3f)
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f)
        bytes[at++] = 0x80 | (code & 0x3f)
        i++
      } else {
        at = putUnicodeEscape(bytes, at, c) // a lone surrogate, as well-formed JSON.stringify writes it
      }
    }
  }
  bytes[at++] = 34
  size = at
}

const SHORT_ESCAPES: Readonly<Record<number, number>> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114 }

function putControl(bytes: Uint8Array, at: number, c: number): number {
  const short = SHORT_ESCAPES[c]
  if (short === undefined) return putUnicodeEscape(bytes, at, c)
  bytes[at] = 92
  bytes[at + 1] = short
  return at + 2
}

const HEX = '0123456789abcdef'

function putUnicodeEscape(bytes: Uint8Array, at: number, c: number): number {
  bytes[at] = 92
  bytes[at + 1] = 117
  for (let k = 0; k < 4; k++) bytes[at + 2 + k] = HEX.charCodeAt((c >> (12 - 4 * k)) & 15)
  return at + 6
}

/** The phone as digits with a leading '+' kept; false, having written nothing, when it has no
 * digit (then it is folded like a name). */
function putPhone(value: string): boolean {
  reserve(value.length)
  const bytes = out
  const start = size
  let at = start
  bytes[at++] = 34
  if (PLUS_FIRST.test(value)) bytes[at++] = 43
  const first = at
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 48 && c <= 57) bytes[at++] = c
  }
  if (at === first) return false
  bytes[at++] = 34
  size = at
  return true
}

const PLUS_FIRST = /^\s*\+/

/** sumKey(value) as a JSON string, written directly for plain digits with at most one
 * point; false, having written nothing, for anything else. */
function putPlainDecimal(value: string): boolean {
  const n = value.length
  let point = -1
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c === 46 && point < 0) point = i
    else if (c < 48 || c > 57) return false
  }
  if (n === 0 || (n === 1 && point === 0)) return false
  const wholeEnd = point < 0 ? n : point
  let from = 0
  while (from < wholeEnd && value.charCodeAt(from) === 48) from++
  let to = n
  if (point >= 0) {
    while (to > point + 1 && value.charCodeAt(to - 1) === 48) to--
    if (to === point + 1) to = point
  }
  reserve(n)
  put(34)
  if (from === wholeEnd) put(48)
  for (let i = from; i < to; i++) put(value.charCodeAt(i))
  put(34)
  return true
}

function putGood(name: string, sum: string | null): void {
  put(91)
  if (!putPlain(name, false)) putString(collapse(name))
  put(44)
  if (sum === null) putNull()
  else if (!putPlainDecimal(sum)) putString(sumKey(sum))
  put(93)
}

function putNull(): void {
  put(110)
  put(117)
  put(108)
  put(108)
}

/** Writes the canonical text of the order into `out`; returns its length in bytes. */
function writeCanonical(order: Pick<OrderDraft, 'fields' | 'goods'>): number {
  size = 0
  reserve(0)
  put(91)
  const fields = order.fields
  for (let i = 0; i < FIELD_KEYS.length; i++) {
    const raw = fields[FIELD_KEYS[i] as OrderFieldKey]
    if (raw === undefined) continue
    const kind = FIELD_KIND[i]
    const mark = size
    putIndex(i)
    put(44)
    if (kind === PHONE ? putPhone(raw) : putPlain(raw, kind === LOWER)) {
      put(44)
      continue
    }
    const value = (FIELD_NORMALIZE[i] as Normalize)(raw)
    if (value === '') {
      size = mark
      continue
    }
    putString(value)
    put(44)
  }
  put(91)
  const goods = order.goods
  if (goods.length === 1) {
    const good = goods[0] as (typeof goods)[number]
    putGood(good.good_name, good.good_sum ?? null)
  } else if (goods.length > 1) {
    const sorted = goods.map((good): [string, string | null] => [collapse(good.good_name), good.good_sum === undefined ? null : sumKey(good.good_sum)])
    sorted.sort(byGood)
    for (let g = 0; g < sorted.length; g++) {
      const [name, sum] = sorted[g] as [string, string | null]
      if (g > 0) put(44)
      put(91)
      putString(name)
      put(44)
      if (sum === null) putNull()
      else putString(sum)
      put(93)
    }
  }
  put(93)
  put(93)
  return size
}
