// Choosing day/month order for a whole column: one cell like 03/04/2024 cannot tell, but a
// column nearly always holds a date whose day is above 12.
import type { Cell } from '../sheet/sheet'
import type { CatalogKey } from '../i18n/catalog/index'
import { translatorFor, type Translate } from '../i18n/translate'
import { matchDateText, yearPosition } from './date-text'
import { quote } from './quote'
import { cellToText } from './text'

/** Why a column's dates are read in an order (or why it cannot be told), as a code with the
 * values that decided it; dateOrderText() words it from the catalog. 'option' and 'preset' are
 * not found in the column: the user or the recognized export chose. */
export type DateOrderWhy =
  | { code: 'mixed'; value: string; other: string }
  | { code: 'day-first' | 'month-first' | 'either-way' | 'dotted' | 'year-first'; value: string }
  | { code: 'no-text-dates' | 'option' }
  | { code: 'preset'; name: string }

export interface DateOrderGuess {
  order: 'dmy' | 'mdy' | 'ymd' | null
  why: DateOrderWhy
  /** `why` in English; quotes a value that decided it. */
  reason: string
}

export const DATE_ORDER_KEYS: Readonly<Record<DateOrderWhy['code'], CatalogKey>> = {
  mixed: 'dateOrder.mixed',
  'day-first': 'dateOrder.dayFirst',
  'month-first': 'dateOrder.monthFirst',
  'either-way': 'dateOrder.eitherWay',
  dotted: 'dateOrder.dotted',
  'year-first': 'dateOrder.yearFirst',
  'no-text-dates': 'dateOrder.noTextDates',
  option: 'dateOrder.option',
  preset: 'dateOrder.preset'
}

/** A date value in the language's quotes, cut as quote() cuts it. */
function quoted(value: string, t: Translate): string {
  return t('note.quoted', { value: quote(value).slice(1, -1) })
}

export function dateOrderText(why: DateOrderWhy, t: Translate): string {
  const key = DATE_ORDER_KEYS[why.code]
  if (why.code === 'mixed') return t(key, { value: quoted(why.value, t), other: quoted(why.other, t) })
  if (why.code === 'preset') return t(key, { name: why.name })
  return 'value' in why ? t(key, { value: quoted(why.value, t) }) : t(key)
}

function guess(order: DateOrderGuess['order'], why: DateOrderWhy): DateOrderGuess {
  return { order, why, reason: dateOrderText(why, translatorFor('en')) }
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
  if (dmy !== null && mdy !== null) return guess(null, { code: 'mixed', value: dmy, other: mdy })
  if (dmy !== null) return guess('dmy', { code: 'day-first', value: dmy })
  if (mdy !== null) return guess('mdy', { code: 'month-first', value: mdy })
  if (slashed !== null) return guess(null, { code: 'either-way', value: slashed })
  if (dotted !== null) return guess('dmy', { code: 'dotted', value: dotted })
  if (ymd !== null) return guess('ymd', { code: 'year-first', value: ymd })
  return guess(null, { code: 'no-text-dates' })
}
