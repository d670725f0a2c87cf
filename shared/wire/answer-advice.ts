// What the user should do about an API answer code, in the user's language: the catalog's words
// for each code of the answer table (create-order-answers.ts keeps the English for the engine's
// own sentences; a unit test checks both say the same in English).
import { msg, type Message } from '../i18n/message'
import type { CatalogKey } from '../i18n/catalog/index'
import { CREATE_ORDER_ANSWERS } from './create-order-answers'

const ADVICE = {
  0: 'answer.advice.0',
  1: 'answer.advice.1',
  2: 'answer.advice.2',
  3: 'answer.advice.3',
  4: 'answer.advice.4',
  5: 'answer.advice.5',
  6: 'answer.advice.6',
  7: 'answer.advice.7',
  8: 'answer.advice.8',
  600: 'answer.advice.600',
  601: 'answer.advice.601',
  602: 'answer.advice.602',
  603: 'answer.advice.603',
  604: 'answer.advice.604',
  605: 'answer.advice.605'
} as const satisfies Record<number, CatalogKey>

/** The advice for a known code, as a message; null for a code the table does not know. */
export function answerAdvice(code: number): Message | null {
  const key = (ADVICE as Readonly<Record<number, CatalogKey>>)[code]
  if (key !== undefined) return msg(key)
  const known = CREATE_ORDER_ANSWERS[code]
  return known ? msg('error.asIs', { text: known.advice }) : null
}

export const ADVICE_CODES: readonly number[] = Object.keys(ADVICE).map(Number)
