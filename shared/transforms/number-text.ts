// Plain decimal text for a spreadsheet number. Excel keeps 15 significant digits, so anything
// past that in a double is binary noise (0.1+0.2 = 0.30000000000000004) that the user never
// typed; JavaScript's own String() would also switch to e-notation from 1e21 on.

const EXCEL_DIGITS = 15
const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/

/** '1500.5', '0.3', '1000000000000000000000'. Safe integers are printed exactly; other numbers
 * are rounded to 15 significant digits, with trailing fraction zeros dropped. '' for NaN and
 * infinities, which no sheet cell can hold. */
export function numberToPlainText(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Number.isSafeInteger(n)) return String(n)
  return trimFraction(expandExponent(n.toPrecision(EXCEL_DIGITS)))
}

/** '1.5e+3' -> '1500', '1.2e-7' -> '0.00000012'; text without an exponent is returned as is. */
export function expandExponent(text: string): string {
  const m = EXPONENT.exec(text)
  if (!m) return text
  const sign = m[1] ?? ''
  const intDigits = m[2] ?? ''
  const digits = intDigits + (m[3] ?? '')
  const point = intDigits.length + Number(m[4])
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** Drops trailing zeros of the fraction, a bare trailing point, and the sign of a zero. */
export function trimFraction(text: string): string {
  let out = text
  if (out.includes('.')) {
    let end = out.length
    while (out.charCodeAt(end - 1) === 48 /* 0 */) end--
    if (out.charCodeAt(end - 1) === 46 /* . */) end--
    out = out.slice(0, end)
  }
  return out === '-0' ? '0' : out
}
