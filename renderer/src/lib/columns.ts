// Sheet columns as choices in a select, and back to the column references a mapping stores.
import { columnLetter } from '#shared/sheet/column-letter'
import { resolveColumn, type ColumnRef } from '#shared/mapping/mapping'
import type { Translate } from './i18n'

export interface ColumnChoice {
  index: number
  label: string
  /** Null for a column without header text: a mapping cannot point at it by name. */
  ref: ColumnRef | null
}

export { columnLetter }

export function columnChoices(headers: readonly string[], t: Translate): ColumnChoice[] {
  const totals = new Map<string, number>()
  for (const header of headers) totals.set(header.trim(), (totals.get(header.trim()) ?? 0) + 1)
  const seen = new Map<string, number>()
  return headers.map((header, index) => {
    const text = header.trim()
    if (!text) return { index, label: t('column.noHeader', { letter: columnLetter(index) }), ref: null }
    const occurrence = (seen.get(text) ?? 0) + 1
    seen.set(text, occurrence)
    const repeated = (totals.get(text) ?? 0) > 1
    return {
      index,
      label: repeated ? t('column.repeated', { text, letter: columnLetter(index) }) : text,
      ref: repeated ? { column: text, occurrence } : { column: text }
    }
  })
}

/** Index of the column a reference points to in these headers, or -1. */
export function columnIndexOf(headers: readonly string[], ref: ColumnRef): number {
  return resolveColumn(headers, ref)
}

export function describeRef(ref: ColumnRef, t: Translate): string {
  return ref.occurrence && ref.occurrence > 1 ? t('column.refOccurrence', { column: ref.column, occurrence: ref.occurrence }) : t('column.ref', { column: ref.column })
}
