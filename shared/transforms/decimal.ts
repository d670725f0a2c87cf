// The one canonical form of a decimal amount, used wherever two amounts are compared: an order's
// fingerprint, and reconciliation, where the shop may answer '1500.00' for a good_sum sent as '1500'
// or write a decimal comma. Plain digits only: no grouping, no exponent, no currency.
const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/

/** '001500.50' -> '1500.5', '7,25' -> '7.25', '-0.0' -> '0'; null when the text is not a decimal. */
export function canonicalDecimal(text: string): string | null {
  const match = DECIMAL.exec(text.trim())
  if (match === null) return null
  const [, sign = '', whole = '', fraction = ''] = match
  if (whole === '' && fraction === '') return null
  const int = whole.replace(/^0+(?=\d)/, '') || '0'
  const frac = fraction.replace(/0+$/, '')
  const body = frac === '' ? int : `${int}.${frac}`
  return body === '0' || sign !== '-' ? body : `-${body}`
}

/** Equal as numbers when both are decimals; otherwise equal as trimmed text. */
export function decimalEqual(a: string, b: string): boolean {
  const left = canonicalDecimal(a)
  const right = canonicalDecimal(b)
  if (left === null || right === null) return a.trim() === b.trim()
  return left === right
}
