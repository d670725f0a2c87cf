// Cell -> exact decimal string for good_sum. Text is read digit by digit and never goes through
// a binary float, so '1500.10' cannot turn into 1500.0999999.
import type { Cell } from '../sheet/sheet'
import type { DecimalSeparator } from '../mapping/mapping'
import { amountBodyToDecimal, decimalEvidence, stripAmountDecoration } from './amount-text'
import { numberToPlainText, trimFraction } from './number-text'
import { quote } from './quote'
import { NOTHING, failWith, ok } from './result'
import type { Transformed } from './result'
import { cellToText, shownText } from './text'

export interface MoneyOptions {
  decimal: DecimalSeparator
}


/** Text keeps its fraction digits as written ('1500.50' -> '1500.50', '1 500,5' -> '1500.5'):
 * nothing is rounded or padded, so what is sent is what the user typed. Numeric cells come out
 * in their shortest form ('1500.5'), rounded to at most 10 decimals and 15 significant digits
 * (Excel's precision) so float noise like 0.30000000000000004 becomes '0.3'. Negative amounts
 * are returned as such ('-1500'): saying they must be positive is validation's job. */
export function parseMoney(cell: Cell, opts: MoneyOptions): Transformed<string> {
  if (cell === null) return NOTHING
  const plain = plainMoney(cell, opts.decimal)
  if (plain !== undefined) return ok(plain)
  if (typeof cell === 'boolean') return failWith('money.yes-no', { text: quote(shownText(cell)) })
  if (typeof cell === 'number') return numberToMoney(cell, shownText(cell))
  if (typeof cell === 'object') {
    if (cell.date) return failWith('money.date', { text: quote(shownText(cell)) })
    return numberToMoney(cell.v, shownText(cell))
  }
  const text = cellToText(cell)
  if (text === '') return NOTHING
  const parts = stripAmountDecoration(text)
  const value = parts && amountBodyToDecimal(parts.body, parts.negative, opts.decimal)
  if (value) return ok(value)
  if (parts && opts.decimal !== 'auto') {
    return failWith('money.separator', { text: quote(text), separator: opts.decimal })
  }
  return failWith('money.invalid', { text: quote(text) })
}

/** parseMoney's answer for the commonest cells, without building its intermediate results: a
 * finite number, or text of digits with at most one '.' read under `decimal` ('.' or 'auto'),
 * as parseMoney reads it ('1.500' is 1500 under 'auto'). undefined for anything else. */
export function plainMoney(cell: Cell, decimal: DecimalSeparator): string | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberMoneyText(cell) : undefined
  if (typeof cell !== 'string' || decimal === ',') return undefined
  const n = cell.length
  let point = -1
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i)
    if (c === 46 /* . */ && point < 0) point = i
    else if (c < 48 || c > 57) return undefined
  }
  if (n === 0 || (n === 1 && point === 0)) return undefined
  if (point < 0) return withoutLeadingZeros(cell, n)
  // With 'auto', '1.500' groups thousands: a lone point before exactly three digits, after one
  // to three digits that do not start with 0.
  if (decimal === 'auto' && n - point - 1 === 3 && point >= 1 && point <= 3 && cell.charCodeAt(0) !== 48) {
    return cell.slice(0, point) + cell.slice(point + 1)
  }
  // Most prices are written as they are sent ('1500.50'): then the text itself is the answer.
  if (point > 0 && point < n - 1 && leadingZeros(cell, point) === 0) return cell
  const whole = point === 0 ? '0' : withoutLeadingZeros(cell, point)
  if (point === n - 1) return whole
  return `${whole}${cell.slice(point)}`
}

/** How many leading zeros the first `end` characters (digits) have, keeping the last digit. */
function leadingZeros(text: string, end: number): number {
  let from = 0
  while (from < end - 1 && text.charCodeAt(from) === 48) from++
  return from
}

/** The first `end` characters (digits) of `text` without leading zeros, keeping the last digit. */
function withoutLeadingZeros(text: string, end: number): string {
  const from = leadingZeros(text, end)
  return from === 0 && end === text.length ? text : text.slice(from, end)
}

function numberMoneyText(n: number): string {
  return Math.abs(n) < 1e5 ? trimFraction(n.toFixed(10)) : numberToPlainText(n)
}

/** Below 1e5, ten decimals are still within 15 significant digits, so toFixed(10) is exact
 * enough; from 1e5 up, 15 significant digits leave at most 10 decimals anyway. */
function numberToMoney(n: number, shown: string): Transformed<string> {
  if (!Number.isFinite(n)) return failWith('money.invalid', { text: quote(shown) })
  return ok(numberMoneyText(n))
}

/** Which decimal separator the amounts written as text in a column use, judged from the values
 * that can only be read one way ('1,50', '1.500,00', '1,500,000'). Numeric cells say nothing. */
export function detectDecimalSeparator(cells: readonly Cell[]): { decimal: '.' | ',' | null; reason: string } {
  let dotExample: string | null = null
  let commaExample: string | null = null
  for (const cell of cells) {
    if (typeof cell !== 'string') continue
    const text = cellToText(cell)
    const parts = text === '' ? null : stripAmountDecoration(text)
    const evidence = parts && decimalEvidence(parts.body)
    if (evidence === '.') dotExample ??= text
    else if (evidence === ',') commaExample ??= text
    if (dotExample !== null && commaExample !== null) {
      return {
        decimal: null,
        reason: `the column mixes ${quote(dotExample)} (decimal point) and ${quote(commaExample)} (decimal comma): choose the decimal separator`
      }
    }
  }
  if (dotExample !== null) return { decimal: '.', reason: `${quote(dotExample)} can only be read with "." as the decimal separator` }
  if (commaExample !== null) return { decimal: ',', reason: `${quote(commaExample)} can only be read with "," as the decimal separator` }
  return { decimal: null, reason: 'no amount in the column shows which separator is the decimal one' }
}
