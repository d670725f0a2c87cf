// Why auto-map matched a column to a field, why it refused to choose between look-alikes, and
// why rows are (or are not) grouped into orders: codes with parameters. Their words are in the
// catalog (automap.*, both languages); the front ends render them with their own translator, and
// auto-map fills its English strings (FieldMatch.reason, Ambiguity.message, groupByReason) from
// the English catalog for the callers that still read those.
import type { CatalogKey } from '../i18n/catalog/index'
import type { Translate } from '../i18n/translate'
import { columnLetter } from '../sheet/column-letter'

type Params = Readonly<Record<string, string | number>>

/** Why a header fits a field (or the order-number role), or why it does not. */
export type MatchReason =
  | { code: 'api-name' | 'known-name' | 'same-words' | 'contains' | 'misspelling'; params: { name: string }; good?: number }
  | { code: 'blank' | 'no-similar' | 'order-number.named' | 'order-number.unchecked'; params: Params; good?: number }
  /** `count`: how many sample rows were looked at. */
  | { code: 'order-number.no-repeats' | 'order-number.not-numbers'; params: { count: number }; good?: number }
  | { code: 'order-number.repeats'; params: { value: string; times: number; count: number }; good?: number }

export type MatchReasonCode = MatchReason['code']

/** A column of the sheet, as messages name it: its header and its letter. */
export interface NamedColumn {
  column: string
  columnIndex: number
}

/** Why a field was left unmapped among look-alikes. `field`: the API name (goods[1][good_name],
 * 'groupBy'); `spec`: its catalog key (good_name), whose human name the message shows.
 * 'also-fits': the one candidate fits `other` (`otherSpec`) as well. */
export type AmbiguityReason =
  | { code: 'look-alike' | 'order-number'; params: { field: string; spec: string } }
  | { code: 'also-fits'; params: { field: string; spec: string; other: string; otherSpec: string } }

export type AmbiguityCode = AmbiguityReason['code']

/** Why rows are grouped into orders by a column, or why each row is its own order. */
export type GroupByReason =
  | { code: 'grouped'; column: NamedColumn; reason: MatchReason }
  | { code: 'ambiguous' }
  /** No column numbers the orders; `rejected`: columns whose header said so, but not their values. */
  | { code: 'none'; rejected: Array<{ column: NamedColumn; reason: MatchReason }> }

// Every code's catalog key: the unit test checks each is in both catalogs.
export const MATCH_REASON_KEYS: Readonly<Record<MatchReasonCode, CatalogKey>> = {
  'api-name': 'automap.match.apiName',
  'known-name': 'automap.match.knownName',
  'same-words': 'automap.match.sameWords',
  contains: 'automap.match.contains',
  misspelling: 'automap.match.misspelling',
  blank: 'automap.match.blank',
  'no-similar': 'automap.match.noSimilar',
  'order-number.named': 'automap.orderNumber.named',
  'order-number.unchecked': 'automap.orderNumber.unchecked',
  'order-number.no-repeats': 'automap.orderNumber.noRepeats',
  'order-number.not-numbers': 'automap.orderNumber.notNumbers',
  'order-number.repeats': 'automap.orderNumber.repeats'
}

export const AMBIGUITY_KEYS: Readonly<Record<AmbiguityCode, readonly [two: CatalogKey, more: CatalogKey]>> = {
  'look-alike': ['automap.ambiguity.lookAlike.two', 'automap.ambiguity.lookAlike.more'],
  'order-number': ['automap.ambiguity.orderNumber.two', 'automap.ambiguity.orderNumber.more'],
  'also-fits': ['automap.ambiguity.alsoFits', 'automap.ambiguity.alsoFits']
}

export const GROUP_BY_KEYS: Readonly<Record<GroupByReason['code'], CatalogKey>> = {
  grouped: 'automap.groupBy.grouped',
  ambiguous: 'automap.groupBy.ambiguous',
  none: 'automap.groupBy.none'
}

export function matchReasonText(reason: MatchReason, t: Translate): string {
  const text = t(MATCH_REASON_KEYS[reason.code], reason.params)
  return reason.good === undefined ? text : t('automap.match.numbered', { reason: text, number: reason.good })
}

/** '"Email" (column B)'. */
export function columnText(column: NamedColumn, t: Translate): string {
  return t('automap.column', { header: column.column, letter: columnLetter(column.columnIndex) })
}

/** "A and B", "A, B and C" in the reader's language. */
export function listText(items: readonly string[], t: Translate): string {
  if (items.length <= 1) return items.join('')
  return t('automap.list', { items: items.slice(0, -1).join(t('automap.listSeparator')), last: items[items.length - 1] })
}

/** "E-mail (bill_email)", or "the order number". */
function fieldText(field: string, spec: string, t: Translate): string {
  return field === 'groupBy' ? t('automap.orderNumber') : t('automap.field', { label: t(`field.${spec}` as CatalogKey), field })
}

export function ambiguityText(ambiguity: AmbiguityReason & { candidates: readonly NamedColumn[] }, t: Translate): string {
  const columns = ambiguity.candidates.map((c) => columnText(c, t))
  const [two, more] = AMBIGUITY_KEYS[ambiguity.code]
  const { params } = ambiguity
  const what = fieldText(params.field, params.spec, t)
  if (ambiguity.code === 'also-fits') return t(two, { column: columns[0], what, other: fieldText(ambiguity.params.other, ambiguity.params.otherSpec, t) })
  return t(columns.length === 2 ? two : more, { columns: listText(columns, t), what })
}

export function groupByText(reason: GroupByReason, t: Translate): string {
  if (reason.code === 'grouped') return t(GROUP_BY_KEYS.grouped, { column: columnText(reason.column, t), reason: matchReasonText(reason.reason, t) })
  if (reason.code === 'ambiguous') return t(GROUP_BY_KEYS.ambiguous)
  const found =
    reason.rejected.length > 0
      ? reason.rejected.map((r) => t('automap.groupBy.rejected', { column: columnText(r.column, t), reason: matchReasonText(r.reason, t) })).join(' ')
      : t('automap.groupBy.notFound')
  return t(GROUP_BY_KEYS.none, { found })
}
