// The catalog key of the advice for each answer code of the CreateOrder table, apart from the
// table itself so that the table's own stop messages can use it (answer-advice.ts adds the
// fallback to the table's English for codes without a key).
import type { CatalogKey } from '../i18n/catalog/index'

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

/** The advice's catalog key for a code; undefined for a code without one. */
export function adviceKey(code: number): CatalogKey | undefined {
  return (ADVICE as Readonly<Record<number, CatalogKey>>)[code]
}

export const ADVICE_CODES: readonly number[] = Object.keys(ADVICE).map(Number)
