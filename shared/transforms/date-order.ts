// Choosing day/month order for a whole column: one cell like 03/04/2024 cannot tell, but a
// column nearly always holds a date whose day is above 12.
import type { Cell } from '../sheet/sheet'
import { matchDateText, yearPosition } from './date-text'
import { quote } from './quote'
import { cellToText } from './text'

export interface DateOrderGuess {
  order: 'dmy' | 'mdy' | 'ymd' | null
  /** Why, in words for the user; quotes a value that decided it. */
  reason: string
}

/** Looks at the dates written as text in a column sample (numbers and Excel dates need no
 * order). A date with a day above 12 decides; day-first and month-first evidence together, or
 * only slashed dates that read both ways, give null so the user chooses. Dotted dates that read
 * both ways are day first, as parseTimestamp reads them. Columns of year-first dates give 'ymd'. */
export function detectDateOrder(cells: readonly Cell[]): DateOrderGuess {
  let dmy: string | null = null
  let mdy: string | null = null
  let ymd: string | null = null
  let dotted: string | null = null
  let slashed: string | null = null
  for (const cell of cells) {
    if (typeof cell !== 'string') continue
    const text = cellToText(cell)
    const p = text === '' ? null : matchDateText(text)
    if (p === null || typeof p === 'string') continue
    const position = yearPosition(p, 'auto')
    if (position === 'first' || (p.firstDigits === 2 && p.thirdDigits === 2 && p.first > 31)) ymd ??= text
    else if (position !== 'last') continue
    else if (p.first > 12 && p.second <= 12) dmy ??= text
    else if (p.second > 12 && p.first <= 12) mdy ??= text
    else if (p.first !== p.second && p.first <= 12 && p.second <= 12) {
      if (p.separator === '.') dotted ??= text
      else slashed ??= text
    }
  }
  if (dmy !== null && mdy !== null) {
    return {
      order: null,
      reason: `the column has day-first dates like ${quote(dmy)} and month-first dates like ${quote(mdy)}: fix the sheet or choose the date order`
    }
  }
  if (dmy !== null) return { order: 'dmy', reason: `${quote(dmy)} can only be read day first` }
  if (mdy !== null) return { order: 'mdy', reason: `${quote(mdy)} can only be read month first` }
  if (slashed !== null) {
    return {
      order: null,
      reason: `no date in the column has a day above 12, so ${quote(slashed)} could be read either way: choose the date order`
    }
  }
  if (dotted !== null) return { order: 'dmy', reason: `dates written with dots, like ${quote(dotted)}, are day first` }
  if (ymd !== null) return { order: 'ymd', reason: `dates start with the year, like ${quote(ymd)}` }
  return { order: null, reason: 'the column has no dates written as text to tell the order from' }
}
