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
import type { OrderFieldKey } from './field-keys'
import { md5 } from './md5'
import type { OrderDraft } from './order'

type Normalize = (value: string) => string

// Most values are printable ASCII words with single spaces between them: NFC cannot change
// them and there is no white space to collapse, so one test spares three new strings.
const CLEAN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/
const nfc = (value: string) => (CLEAN.test(value) ? value : value.normalize('NFC'))
const collapse = (value: string) => (CLEAN.test(value) ? value : value.normalize('NFC').replace(/\s+/g, ' ').trim())
const folded: Normalize = (value) => collapse(value).toLowerCase()
const exact: Normalize = (value) => nfc(value).trim()
const email: Normalize = (value) => value.trim().toLowerCase()
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

const DECIMAL = /^([+-]?)0*(\d*?)(?:\.(\d*?)0*)?$/

/** '1500.50', '1500.5' and '01500.500' all become '1500.5'; anything else is only trimmed. */
export function canonicalDecimal(value: string): string {
  const text = value.trim()
  const m = DECIMAL.exec(text)
  if (!m || text === '' || text === '.') return text
  const whole = m[2] === '' ? '0' : (m[2] ?? '0')
  const fraction = m[3] ?? ''
  const sign = m[1] === '-' && /[1-9]/.test(whole + fraction) ? '-' : ''
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`
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
  const goods = order.goods.map((good): [string, string | null] => [collapse(good.good_name), good.good_sum === undefined ? null : canonicalDecimal(good.good_sum)])
  if (goods.length > 1) goods.sort(byGood)
  canonical.push(goods)
  return JSON.stringify(canonical)
}

/** 'v1:' + md5 hex of the canonical form: stable across row order, grouping, batching and
 * amount formatting; different when the customer, the goods or their prices differ. */
export function orderFingerprint(order: Pick<OrderDraft, 'fields' | 'goods'>): string {
  return `v1:${md5(fingerprintInput(order))}`
}
