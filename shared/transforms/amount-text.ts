// Reading an amount written as text: currency marks, signs and digit grouping as people and
// accounting exports write them. Pure string work: no binary floats ever touch the digits.
import type { DecimalSeparator } from '../mapping/mapping'

const SYMBOL = String.raw`(?:US\$|R\$|[$€£¥₽₴₸₼₾₹₺₩₪₦₱฿])`
const CODE = '(?:RUB|RUR|USD|EUR|GBP|CHF|CNY|JPY|KZT|UAH|BYN|BYR|AMD|AZN|GEL|UZS|KGS|TJS|MDL|PLN|CZK|TRY|INR|AED|CAD|AUD)'
const WORD = String.raw`(?:руб(?:л(?:ей|я|ь))?\.?|р\.?|грн\.?|тг\.?|тенге)`
const CURRENCY_BEFORE = new RegExp(String.raw`^(?:${SYMBOL}|${CODE}|${WORD})\s*`, 'iu')
const CURRENCY_ONLY = new RegExp(String.raw`^\s*(?:${SYMBOL}|${CODE}|${WORD})$`, 'iu')
const SIGN = /^([-+\u2212])\s*/
const PARENTHESES = /^\((.*)\)$/s
const LEADING_ZEROS = /^0+(?=\d)/
const ONLY_ZEROS = /^0*$/
const ONLY_DIGITS = /^\d*$/
const BODY = /^[\d.,'’ \u00A0\u202F\u2009]*\d[\d.,'’ \u00A0\u202F\u2009]*$/

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  return c >= 48 && c <= 57
}

/** The digits part of an amount and whether it is negative, or null when what surrounds the
 * digits is not a sign or a currency. Accounting exports write negatives in parentheses.
 * Plain numbers, by far the most common, skip every regex but one. */
export function stripAmountDecoration(text: string): { negative: boolean; body: string } | null {
  let s = text
  let negative = false
  let signed = false
  if (s.charCodeAt(0) === 40 /* ( */) {
    const paren = PARENTHESES.exec(s)
    if (paren) {
      s = (paren[1] ?? '').trim()
      negative = true
      signed = true
    }
  }
  const readSign = (): void => {
    const m = signed || isDigitAt(s, 0) ? null : SIGN.exec(s)
    if (!m) return
    negative = m[1] !== '+'
    signed = true
    s = s.slice(m[0].length)
  }
  readSign()
  const before = isDigitAt(s, 0) ? null : CURRENCY_BEFORE.exec(s)
  if (before) {
    s = s.slice(before[0].length)
    readSign()
  } else if (!isDigitAt(s, s.length - 1)) {
    let end = s.length - 1
    while (end > 0 && !isDigitAt(s, end - 1)) end--
    if (end > 0 && CURRENCY_ONLY.test(s.slice(end))) s = s.slice(0, end)
  }
  return BODY.test(s) ? { negative, body: s } : null
}

type GroupKind = 'space' | 'apostrophe' | '.' | ','

interface BodyShape {
  dots: number
  commas: number
  /** Index of the last '.' or ',' (-1 when neither). */
  lastMark: number
  spaces: boolean
  apostrophes: boolean
}

function shapeOf(body: string): BodyShape {
  const shape: BodyShape = { dots: 0, commas: 0, lastMark: -1, spaces: false, apostrophes: false }
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c === '.') shape.dots++
    else if (c === ',') shape.commas++
    else if (c === "'" || c === '’') shape.apostrophes = true
    else if (c === ' ' || c === '\u00A0' || c === '\u202F' || c === '\u2009') shape.spaces = true
    else continue
    if (c === '.' || c === ',') shape.lastMark = i
  }
  return shape
}

/** With 'auto', a lone '.' or ',' followed by exactly three digits, after a first group of 1 to
 * 3 digits that does not start with 0, and with no other separator, is read as a thousands
 * separator: '1,500' and '1.500' are 1500, because amounts with three decimals are far rarer
 * than thousands. '0,500', '1234,567' and '1,50' are decimals. */
function looksLikeThousands(body: string, shape: BodyShape): boolean {
  if (shape.spaces || shape.apostrophes) return false
  const head = body.slice(0, shape.lastMark)
  const tail = body.slice(shape.lastMark + 1)
  return tail.length === 3 && head.length >= 1 && head.length <= 3 && head[0] !== '0'
}

/** Which mark is the decimal point in this body, and which kind of mark groups thousands;
 * null when the marks cannot be read with this setting. */
function decideMarks(body: string, shape: BodyShape, decimal: DecimalSeparator): {
  point: '.' | ',' | null
  group: GroupKind | null
} | null {
  let point: '.' | ',' | null = null
  let mark: '.' | ',' | null = null
  if (shape.dots > 0 && shape.commas > 0) {
    point = body[shape.lastMark] === '.' ? '.' : ','
    mark = point === '.' ? ',' : '.'
    if ((point === '.' ? shape.dots : shape.commas) > 1) return null
    if (decimal !== 'auto' && decimal !== point) return null
  } else if (shape.dots > 0 || shape.commas > 0) {
    const c = shape.dots > 0 ? '.' : ','
    const count = shape.dots + shape.commas
    if (count > 1 || (decimal !== 'auto' && decimal !== c)) mark = c
    else if (decimal === c || !looksLikeThousands(body, shape)) point = c
    else mark = c
    if (mark !== null && decimal === mark) return null
  }
  const kinds: GroupKind[] = []
  if (shape.spaces) kinds.push('space')
  if (shape.apostrophes) kinds.push('apostrophe')
  if (mark !== null) kinds.push(mark)
  if (kinds.length > 1) return null
  return { point, group: kinds[0] ?? null }
}

function isGroupChar(c: string, kind: GroupKind): boolean {
  if (kind === 'space') return c === ' ' || c === '\u00A0' || c === '\u202F' || c === '\u2009'
  if (kind === 'apostrophe') return c === "'" || c === '’'
  return c === kind
}

/** Integer digits without grouping, or null when the groups are not 1-3 digits then threes. */
function ungroup(text: string, kind: GroupKind | null): string | null {
  let digits = ''
  let groupLength = 0
  let groups = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits += text[i]
      groupLength++
      continue
    }
    if (kind === null || !isGroupChar(text[i] ?? '', kind)) return null
    if (groupLength === 0 || groupLength > 3 || (groups > 0 && groupLength !== 3)) return null
    groups++
    groupLength = 0
  }
  if (groups > 0 && groupLength !== 3) return null
  return digits
}

/** The exact decimal ('-1500.50') an amount body stands for, or null when it is not one.
 * Fraction digits are kept exactly as written: '1500.50' stays '1500.50', nothing is rounded
 * or padded; leading zeros of the whole part go ('007' -> '7', ',5' -> '0.5'). */
export function amountBodyToDecimal(body: string, negative: boolean, decimal: DecimalSeparator): string | null {
  const shape = shapeOf(body)
  const marks = decideMarks(body, shape, decimal)
  if (marks === null) return null
  const at = marks.point === null ? -1 : body.indexOf(marks.point)
  const whole = ungroup(at < 0 ? body : body.slice(0, at), marks.group)
  const fraction = at < 0 ? '' : body.slice(at + 1)
  if (whole === null || !ONLY_DIGITS.test(fraction) || whole.length + fraction.length === 0) return null
  const digits = whole.replace(LEADING_ZEROS, '') || '0'
  const zero = ONLY_ZEROS.test(digits + fraction)
  return `${negative && !zero ? '-' : ''}${digits}${fraction === '' ? '' : `.${fraction}`}`
}

/** Which decimal separator this written amount proves, if any ('1,50' proves ',', '1,500' and
 * '1500' prove nothing). */
export function decimalEvidence(body: string): '.' | ',' | null {
  const shape = shapeOf(body)
  if (shape.dots > 0 && shape.commas > 0) return body[shape.lastMark] === '.' ? '.' : ','
  if (shape.dots + shape.commas === 0) return null
  const c = shape.dots > 0 ? '.' : ','
  if (shape.dots + shape.commas > 1) return c === '.' ? ',' : '.'
  return looksLikeThousands(body, shape) ? null : c
}
