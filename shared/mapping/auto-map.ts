// A first mapping for a sheet, made from its headers alone (and a few rows to check an
// order-number column, see order-number.ts). It runs on every file load, so it scores each header
// against each field once and assigns columns in one pass. It never guesses between look-alikes:
// when two columns fit a field about equally well, the field stays unmapped and the user is told
// why. The whys are codes with parameters (auto-map-reasons.ts), worded by the catalog.
import { FIELD_CATALOG, type FieldSpec } from './catalog'
import type { OrderFieldKey } from './field-keys'
import { EXACT_SCORE, MATCH_THRESHOLD, prepareHeader, scorePrepared, type PreparedHeader } from './header-match'
import { isNumberToken, normalizeHeader } from './header-normalize'
import { DEFAULT_TRANSFORM_DEFAULTS, type ColumnRef, type FieldMapping, type GoodMapping, type Mapping } from './mapping'
import { ambiguityText, groupByText, matchReasonText, type AmbiguityReason, type GroupByReason, type MatchReason, type NamedColumn } from './auto-map-reasons'
import { GROUP_BY, orderNumberVerdict } from './order-number'
import type { Cell } from '../sheet/sheet'
import { translatorFor } from '../i18n/translate'

export interface FieldMatch {
  field: string
  column: string
  columnIndex: number
  confidence: number
  /** Why, for the front end to word (matchReasonText). */
  why: MatchReason
  /** `why` in English, for callers that show a string. */
  reason: string
}

/** A field left unmapped among look-alikes; `code` and `params` say why (ambiguityText). */
export type Ambiguity = AmbiguityReason & {
  field: string
  candidates: Array<{ column: string; columnIndex: number; confidence: number }>
  /** The why in English, for callers that show a string. */
  message: string
}

export interface AutoMapResult {
  mapping: Mapping
  matches: FieldMatch[]
  ambiguities: Ambiguity[]
  unmatchedHeaders: string[]
  missingRequired: string[]
  /** Why rows are (or are not) grouped into orders by a column (groupByText). */
  groupByWhy: GroupByReason
  /** `groupByWhy` in English. */
  groupByReason: string
}

/** Two scores closer than this (below EXACT_SCORE) are too close to choose between. */
const MARGIN = 0.05
const TIE = 1e-9
const ENGLISH = translatorFor('en')

const GOOD_SPECS = FIELD_CATALOG.filter((spec) => spec.group === 'goods')
const ORDER_SPECS = FIELD_CATALOG.filter((spec) => spec.group !== 'goods')

type GoodField = 'good_name' | 'good_sum'

/** What a column can feed: an order field, one field of one good, or the order-number role.
 * Goods are keyed by slot: `u<k>` for the k-th occurrence of an unnumbered header ("Product",
 * "Price", "Product", "Price"), `n<k>` for a header numbered k ("Товар 2", "goods[1][good_name]"). */
type Target =
  | { id: string; kind: 'field'; key: OrderFieldKey; spec: FieldSpec }
  | { id: string; kind: 'good'; slot: string; field: GoodField; spec: FieldSpec }
  | { id: string; kind: 'groupBy' }

interface Column {
  index: number
  text: string
  occurrence: number
  repeated: boolean
  header: PreparedHeader
}

interface Candidate {
  target: Target
  column: Column
  score: number
  reason: MatchReason
}

/** A column whose header names an order number, not used because of its values. */
interface Rejected {
  column: NamedColumn
  reason: MatchReason
}

interface Conflict {
  target: Target
  candidates: Candidate[]
  /** Set when one column fits two fields equally: the other field. */
  alsoFits?: Target
}

export function autoMap(headers: readonly string[], sample?: readonly Cell[][]): AutoMapResult {
  const rows = sample && sample.length > 0 ? sample : undefined
  const columns = describeColumns(headers)
  const rejected: Rejected[] = []
  const candidates = columns.flatMap((column) => candidatesFor(column, rows, rejected))
  const { assigned, conflicts } = assign(candidates)
  return buildResult(columns, assigned, conflicts, rejected)
}

function describeColumns(headers: readonly string[]): Column[] {
  const counts = new Map<string, number>()
  for (const h of headers) counts.set(h.trim(), (counts.get(h.trim()) ?? 0) + 1)
  const seen = new Map<string, number>()
  const columns: Column[] = []
  headers.forEach((h, index) => {
    const text = h.trim()
    if (text === '') return // a blank header cannot be referred to by name
    const occurrence = (seen.get(text) ?? 0) + 1
    seen.set(text, occurrence)
    columns.push({ index, text, occurrence, repeated: (counts.get(text) ?? 0) > 1, header: prepareHeader(text) })
  })
  return columns
}

// ---- scoring -------------------------------------------------------------------------------

function candidatesFor(column: Column, sample: readonly Cell[][] | undefined, rejected: Rejected[]): Candidate[] {
  const numbered = numberedGood(column)
  if (numbered.length > 0) return numbered
  const found: Candidate[] = []
  const add = (target: Target, score: number, reason: MatchReason) => {
    if (score >= MATCH_THRESHOLD) found.push({ target, column, score, reason })
  }
  for (const spec of ORDER_SPECS) {
    const { score, reason } = scorePrepared(column.header, spec)
    add(fieldTarget(spec), score, reason)
  }
  for (const spec of GOOD_SPECS) {
    const { score, reason } = scorePrepared(column.header, spec)
    add(goodTarget(`u${column.occurrence}`, spec), score, reason)
  }
  const orderNumber = orderNumberVerdict(column.header, column.index, sample)
  if (orderNumber?.ok) add(GROUP_BY_TARGET, orderNumber.score, orderNumber.reason)
  else if (orderNumber) rejected.push({ column: namedColumn(column), reason: orderNumber.reason })
  return found
}

const GROUP_BY_TARGET: Target = { id: GROUP_BY, kind: 'groupBy' }
const FIELD_TARGETS = new Map<string, Target>(ORDER_SPECS.map((spec) => [spec.key, { id: spec.key, kind: 'field', key: spec.key as OrderFieldKey, spec }]))

function fieldTarget(spec: FieldSpec): Target {
  return FIELD_TARGETS.get(spec.key)!
}

function goodTarget(slot: string, spec: FieldSpec): Target {
  return { id: `${slot}:${spec.key}`, kind: 'good', slot, field: spec.key as GoodField, spec }
}

/** "Product 2", "Цена 2", "good_name_2", "goods[1][good_name]": a field of good number k. */
function numberedGood(column: Column): Candidate[] {
  const split = splitNumber(column.text)
  if (!split) return []
  const found: Candidate[] = []
  for (const spec of GOOD_SPECS) {
    const { score, reason } = scorePrepared(split.base, spec)
    if (score >= MATCH_THRESHOLD) found.push({ target: goodTarget(`n${split.number}`, spec), column, score, reason: { ...reason, good: split.number } })
  }
  return found
}

const PHP_GOOD = /^goods?\s*\[\s*(\d+)\s*\]\s*\[\s*(good_name|good_sum)\s*\]$/i

function splitNumber(text: string): { base: PreparedHeader; number: number } | null {
  const php = PHP_GOOD.exec(text)
  if (php) return { base: prepareHeader(php[2]!), number: Number(php[1]) }
  const tokens = normalizeHeader(text).split(' ')
  const at = tokens.findIndex(isNumberToken)
  if (at < 0 || tokens.findIndex((t, i) => i > at && isNumberToken(t)) >= 0) return null
  // "Product #3", "Товар № 3": the number sign belongs to the number, not to the name
  const from = at > 0 && tokens[at - 1] === 'no' ? at - 1 : at
  const base = [...tokens.slice(0, from), ...tokens.slice(at + 1)]
  if (base.length === 0) return null
  return { base: prepareHeader(base.join(' ')), number: Number(tokens[at]) }
}

// ---- assignment ----------------------------------------------------------------------------

interface Assignment {
  assigned: Map<string, Candidate>
  conflicts: Conflict[]
}

/** Best scores first, across all fields at once: a column goes to the field it fits best, not
 * to whichever field happens to be listed first. */
function assign(candidates: Candidate[]): Assignment {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.column.index - b.column.index)
  const byColumn = bucket(sorted, (c) => c.column.index)
  const byTarget = bucket(sorted, (c) => c.target.id)
  const assigned = new Map<string, Candidate>()
  const settled = new Set<string>()
  const taken = new Set<number>()
  const conflicts: Conflict[] = []
  const isOpen = (c: Candidate) => !settled.has(c.target.id) && !taken.has(c.column.index)

  for (const candidate of sorted) {
    if (!isOpen(candidate)) continue
    const alsoFits = otherFieldAsGood(candidate, byColumn, settled)
    if (alsoFits) {
      taken.add(candidate.column.index)
      conflicts.push({ target: candidate.target, candidates: [candidate], alsoFits: alsoFits.target })
      continue
    }
    const rivals = (byTarget.get(candidate.target.id) ?? []).filter((other) => other !== candidate && isOpen(other) && tooClose(candidate.score, other.score) && !fitsElsewhereBetter(other, byColumn, settled))
    if (rivals.length > 0) {
      settled.add(candidate.target.id)
      for (const c of [candidate, ...rivals]) taken.add(c.column.index)
      conflicts.push({ target: candidate.target, candidates: [candidate, ...rivals] })
      continue
    }
    settled.add(candidate.target.id)
    taken.add(candidate.column.index)
    assigned.set(candidate.target.id, candidate)
  }
  return { assigned, conflicts }
}

/** Below an exact name, a column that fits another open field about as well is not guessed. */
function otherFieldAsGood(candidate: Candidate, byColumn: Map<number, Candidate[]>, settled: Set<string>): Candidate | undefined {
  if (candidate.score >= EXACT_SCORE) return undefined
  return (byColumn.get(candidate.column.index) ?? []).find((other) => other.target.id !== candidate.target.id && !settled.has(other.target.id) && candidate.score - other.score < MARGIN)
}

function tooClose(best: number, other: number): boolean {
  return best - other < TIE || (best < EXACT_SCORE && best - other < MARGIN)
}

/** A rival column that clearly belongs to another open field is not really competing. */
function fitsElsewhereBetter(rival: Candidate, byColumn: Map<number, Candidate[]>, settled: Set<string>): boolean {
  return (byColumn.get(rival.column.index) ?? []).some((c) => c.target.id !== rival.target.id && !settled.has(c.target.id) && c.score > rival.score + MARGIN)
}

function bucket<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

// ---- result --------------------------------------------------------------------------------

interface GoodSlot {
  slot: string
  name?: Candidate
  sum?: Candidate
  nameConflict: boolean
}

function buildResult(columns: Column[], assigned: Map<string, Candidate>, conflicts: Conflict[], rejected: Rejected[]): AutoMapResult {
  const slots = goodSlots(assigned, conflicts)
  const position = new Map(slots.map((s, i) => [s.slot, i]))
  const fieldName = (target: Target) => fieldLabel(target, position)
  // Goods first, then the order fields in catalog order: the order a person reads a mapping in.
  const used = [...slots.flatMap((s) => [s.name, s.sum]), ...ORDER_SPECS.map((spec) => assigned.get(spec.key))].filter((c) => c !== undefined)
  const groupByMatch = assigned.get(GROUP_BY)

  const fields: Mapping['fields'] = {}
  for (const c of used) if (c.target.kind === 'field') fields[c.target.key] = columnMapping(c.column)
  const mapping: Mapping = {
    version: 1,
    fields,
    goods: slots.length > 0 ? slots.map(goodMapping) : [{ name: { source: { kind: 'none' } } }],
    groupBy: groupByMatch ? columnRef(groupByMatch.column) : null,
    shipped: false,
    defaults: { ...DEFAULT_TRANSFORM_DEFAULTS }
  }
  const usedColumns = new Set([...used, ...(groupByMatch ? [groupByMatch] : [])].map((c) => c.column.index))
  const reported = conflicts.filter((c) => !c.alsoFits || (!isMapped(c.target, assigned, slots) && !isMapped(c.alsoFits, assigned, slots)))
  const groupByWhy = groupByReason(groupByMatch, conflicts, rejected)
  return {
    mapping,
    matches: used.map((c) => ({ field: fieldName(c.target), column: c.column.text, columnIndex: c.column.index, confidence: round(c.score), why: c.reason, reason: matchReasonText(c.reason, ENGLISH) })),
    ambiguities: reported.map((c) => describeConflict(c, fieldName)),
    unmatchedHeaders: columns.filter((c) => !usedColumns.has(c.index)).map((c) => c.text),
    missingRequired: missingRequired(mapping),
    groupByWhy,
    groupByReason: groupByText(groupByWhy, ENGLISH)
  }
}

/** Goods in numeric order, unnumbered ones first. A price with no product beside it makes no
 * good, unless no product column exists at all: then it is good 1's price, and the product is
 * left for the user to set (often one product for the whole file). */
function goodSlots(assigned: Map<string, Candidate>, conflicts: Conflict[]): GoodSlot[] {
  const slots = new Map<string, GoodSlot>()
  const slotOf = (target: Target & { kind: 'good' }) => {
    let slot = slots.get(target.slot)
    if (!slot) slots.set(target.slot, (slot = { slot: target.slot, nameConflict: false }))
    return slot
  }
  for (const c of assigned.values()) if (c.target.kind === 'good') slotOf(c.target)[c.target.field === 'good_name' ? 'name' : 'sum'] = c
  for (const conflict of conflicts) {
    if (conflict.target.kind === 'good' && conflict.target.field === 'good_name' && !conflict.alsoFits) slotOf(conflict.target).nameConflict = true
  }
  const ordered = [...slots.values()].sort((a, b) => slotRank(a.slot) - slotRank(b.slot))
  const withName = ordered.filter((s) => s.name || s.nameConflict)
  if (withName.length > 0) return withName
  const firstPriced = ordered.find((s) => s.sum)
  return firstPriced ? [firstPriced] : []
}

function slotRank(slot: string): number {
  const n = Number(slot.slice(1))
  return slot.startsWith('u') ? n - 1e9 : n
}

function goodMapping(slot: GoodSlot): GoodMapping {
  const good: GoodMapping = { name: slot.name ? columnMapping(slot.name.column) : { source: { kind: 'none' } } }
  if (slot.sum) good.sum = columnMapping(slot.sum.column)
  return good
}

function columnRef(column: Column): ColumnRef {
  return column.repeated ? { column: column.text, occurrence: column.occurrence } : { column: column.text }
}

function columnMapping(column: Column): FieldMapping {
  return { source: { kind: 'column', ...columnRef(column) } }
}

function isMapped(target: Target, assigned: Map<string, Candidate>, slots: GoodSlot[]): boolean {
  if (target.kind !== 'good') return assigned.has(target.id)
  const slot = slots.find((s) => s.slot === target.slot)
  return Boolean(slot && (target.field === 'good_name' ? slot.name : slot.sum))
}

function missingRequired(mapping: Mapping): string[] {
  const missing: string[] = []
  const named = mapping.goods.map((g) => g.name.source.kind !== 'none')
  if (!named.some(Boolean)) missing.push('good_name')
  for (const spec of FIELD_CATALOG) {
    if (spec.required === 'always' && spec.group !== 'goods' && !mapping.fields[spec.key as OrderFieldKey]) missing.push(spec.key)
  }
  if (named.some(Boolean)) named.forEach((ok, i) => ok || missing.push(`goods[${i}][good_name]`))
  return missing
}

// ---- whys ----------------------------------------------------------------------------------

function fieldLabel(target: Target, position: Map<string, number>): string {
  if (target.kind === 'field') return target.key
  if (target.kind === 'groupBy') return GROUP_BY
  const i = position.get(target.slot)
  return i === undefined ? target.field : `goods[${i}][${target.field}]`
}

function specOf(target: Target): string {
  return target.kind === 'groupBy' ? GROUP_BY : target.spec.key
}

function describeConflict(conflict: Conflict, fieldName: (t: Target) => string): Ambiguity {
  const { target, alsoFits } = conflict
  const candidates = conflict.candidates.map((c) => ({ column: c.column.text, columnIndex: c.column.index, confidence: round(c.score) }))
  const field = fieldName(target)
  const spec = specOf(target)
  const why: AmbiguityReason = alsoFits
    ? { code: 'also-fits', params: { field, spec, other: fieldName(alsoFits), otherSpec: specOf(alsoFits) } }
    : { code: target.kind === 'groupBy' ? 'order-number' : 'look-alike', params: { field, spec } }
  return { ...why, field, candidates, message: ambiguityText({ ...why, candidates }, ENGLISH) }
}

function groupByReason(match: Candidate | undefined, conflicts: Conflict[], rejected: Rejected[]): GroupByReason {
  if (match) return { code: 'grouped', column: namedColumn(match.column), reason: match.reason }
  if (conflicts.some((c) => c.target.kind === 'groupBy' && !c.alsoFits)) return { code: 'ambiguous' }
  return { code: 'none', rejected }
}

function namedColumn(column: Column): NamedColumn {
  return { column: column.text, columnIndex: column.index }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}
