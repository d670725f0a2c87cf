// Cell -> bill_timer_kill: '1' (cancel unpaid orders after the product's own delay), '0' (never
// cancel), or the UNIX time at which to cancel.
import type { Cell } from '../sheet/sheet'
import { parseTimestamp } from './dates'
import type { DateOptions } from './dates'
import { quote } from './quote'
import { NOTHING, failWith, ok } from './result'
import type { Transformed } from './result'
import { cellToText } from './text'

// ИСТИНА/ЛОЖЬ are how Russian Excel writes TRUE/FALSE, also in the CSV files it saves.
const YES = new Set(['1', 'true', 'yes', 'y', 'да', 'д', 'истина', 'on'])
const NO = new Set(['0', 'false', 'no', 'n', 'нет', 'н', 'ложь', 'off'])
const HAS_DIGIT = /\d/
// '1.0' and '0,00' from a CSV written out of a numeric column.
const ONE = /^1(?:[.,]0+)?$/
const ZERO = /^0(?:[.,]0+)?$/

export function parseTimerKill(cell: Cell, opts: DateOptions): Transformed<string> {
  if (cell === null) return NOTHING
  if (typeof cell === 'boolean') return ok(cell ? '1' : '0')
  const n = typeof cell === 'number' ? cell : typeof cell === 'object' && !cell.date ? cell.v : null
  if (n === 1 || n === 0) return ok(String(n))
  if (typeof cell === 'string') {
    const text = cellToText(cell)
    if (text === '') return NOTHING
    const word = text.toLowerCase()
    if (YES.has(word) || ONE.test(word)) return ok('1')
    if (NO.has(word) || ZERO.test(word)) return ok('0')
    if (!HAS_DIGIT.test(text)) {
      return failWith('timer-kill.word', { text: quote(text) })
    }
  }
  const at = parseTimestamp(cell, opts)
  if (!at.ok) return at
  return ok(at.value === null ? null : String(at.value))
}
