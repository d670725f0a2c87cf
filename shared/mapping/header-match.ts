// How well one sheet header names one field. The scale is shared with auto-map, which trusts a
// score of 0.95 and more outright and refuses to choose between close lower scores:
//   1.00  the API parameter name itself (bill_email, good_name, utm[utm_source], utm_source)
//   0.95  a known name for the field after normalization ("E-mail", "Почта")
//   0.90  the same words once endings and filler words are set aside ("Customer emails")
//   0.70..0.90  the header contains a known name, less the more other words it has
//   0.68 / 0.63  one / two typing mistakes away from a known name (longer names only)
// Below MATCH_THRESHOLD the header is not a match.
import { API_NAME_SYNONYMS } from './catalog'
import { matchReasonText, type MatchReason } from './auto-map-reasons'
import { translatorFor } from '../i18n/translate'
import { compactHeader, headerStems, isFillerStem, normalizeHeader, stemToken } from './header-normalize'

export { normalizeHeader } from './header-normalize'

export const MATCH_THRESHOLD = 0.6
/** Scores at or above this are exact names: auto-map takes them without second-guessing. */
export const EXACT_SCORE = 0.95

const SCORE = { api: 1, alias: EXACT_SCORE, sameWords: 0.9, containsMin: 0.7, containsSpan: 0.2, typo1: 0.68, typo2: 0.63 }

/** Anything a header can be matched to. A FieldSpec is one; so is the order-number column. */
export interface MatchTarget {
  key: string
  label: string
  aliases: readonly string[]
  /** Names scored 1.0; by default the key, its synonyms and, for utm[x], x itself. */
  apiNames?: readonly string[]
}

/** How well a header fits, and why (a code for the catalog, see auto-map-reasons.ts). */
export interface HeaderMatch {
  score: number
  reason: MatchReason
}

/** HeaderMatch with its reason in English. */
export interface HeaderScore {
  score: number
  reason: string
}

// One-word names too common to find inside a longer header: "Name" must not claim "Company
// name", nor "Price" claim "Delivery price". They still match on their own ("Name", "Цена, руб").
const GENERIC_WORDS = [
  'name', 'date', 'id', 'no', 'number', 'num', 'code', 'type', 'time', 'value', 'sum', 'total', 'amount', 'price', 'cost',
  'item', 'product', 'good', 'goods', 'source', 'content', 'term', 'medium', 'channel', 'order', 'data', 'label', 'message',
  'state', 'mail', 'created', 'service', 'course', 'ticket', 'site', 'cell', 'invoice', 'имя', 'дата', 'номер', 'код',
  'тип', 'время', 'сумма', 'итого', 'цена', 'стоимость', 'товар', 'продукт', 'заказ', 'источник', 'канал', 'почта',
  'сообщение', 'метка', 'создан', 'услуга', 'курс', 'билет', 'сайт', 'счет'
]
const GENERIC_STEMS: ReadonlySet<string> = new Set(GENERIC_WORDS.map(stemToken))

interface KnownName {
  text: string
  compact: string
  stems: ReadonlySet<string>
  /** Only a header with no other meaningful word may match it. */
  wholeOnly: boolean
}

interface Spelling {
  compact: string
  text: string
}

interface PreparedTarget {
  /** Compact API names → the name as written. */
  api: ReadonlyMap<string, string>
  /** Compact known names → the name as first written. */
  exact: ReadonlyMap<string, KnownName>
  /** Known names by one of their words: a header can only contain names that share its words. */
  byStem: ReadonlyMap<string, readonly KnownName[]>
  /** Known names and API names by first letter: a typo keeps the first letter. */
  byInitial: ReadonlyMap<string, readonly Spelling[]>
}

/** A header normalized once, to be scored against many targets. */
export interface PreparedHeader {
  normalized: string
  compact: string
  stems: ReadonlySet<string>
}

export function prepareHeader(header: string): PreparedHeader {
  const normalized = normalizeHeader(header)
  return { normalized, compact: compactHeader(normalized), stems: new Set(headerStems(normalized)) }
}

function apiNamesOf(target: MatchTarget): readonly string[] {
  if (target.apiNames) return target.apiNames
  const key = target.key
  const names = [key, ...(API_NAME_SYNONYMS[key] ?? [])]
  const inner = /^utm\[(.+)\]$/.exec(key)?.[1]
  if (inner) names.push(inner)
  return names
}

function knownName(text: string): KnownName {
  const normalized = normalizeHeader(text)
  const stems = headerStems(normalized)
  const only = stems.length === 1 ? stems[0]! : null
  return {
    text,
    compact: compactHeader(normalized),
    stems: new Set(stems),
    wholeOnly: only !== null && (GENERIC_STEMS.has(only) || isFillerStem(only))
  }
}

const prepared = new WeakMap<MatchTarget, PreparedTarget>()

function prepareTarget(target: MatchTarget): PreparedTarget {
  const cached = prepared.get(target)
  if (cached) return cached
  const api = new Map<string, string>()
  for (const name of apiNamesOf(target)) api.set(compactHeader(normalizeHeader(name)), name)
  const names = [target.label, ...target.aliases].map(knownName).filter((n) => n.compact !== '')
  const exact = new Map<string, KnownName>()
  const byStem = new Map<string, KnownName[]>()
  const byInitial = new Map<string, Spelling[]>()
  for (const name of names) {
    if (!exact.has(name.compact)) exact.set(name.compact, name)
    pushTo(byStem, name.stems.values().next().value!, name)
    pushTo(byInitial, name.compact[0]!, name)
  }
  for (const [compact, text] of api) pushTo(byInitial, compact[0]!, { compact, text })
  const result: PreparedTarget = { api, exact, byStem, byInitial }
  prepared.set(target, result)
  return result
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function scoreHeader(header: string, spec: MatchTarget): HeaderScore {
  const { score, reason } = scorePrepared(prepareHeader(header), spec)
  return { score, reason: matchReasonText(reason, translatorFor('en')) }
}

export function scorePrepared(header: PreparedHeader, target: MatchTarget): HeaderMatch {
  if (header.compact === '') return { score: 0, reason: { code: 'blank', params: {} } }
  const known = prepareTarget(target)
  const api = known.api.get(header.compact)
  if (api !== undefined) return { score: SCORE.api, reason: { code: 'api-name', params: { name: api } } }
  const exact = known.exact.get(header.compact)
  if (exact) return { score: SCORE.alias, reason: { code: 'known-name', params: { name: exact.text } } }
  let best: HeaderMatch = { score: 0, reason: NO_SIMILAR }
  for (const stem of header.stems) {
    for (const name of known.byStem.get(stem) ?? []) {
      const found = wordsScore(header, name)
      if (found && found.score > best.score) best = found
    }
  }
  if (best.score >= SCORE.typo1) return best
  for (const name of known.byInitial.get(header.compact[0]!) ?? []) {
    const found = typoScore(header.compact, name.compact, name.text)
    if (found && found.score > best.score) best = found
  }
  return best
}

/** The header holds every word of the known name; the more other words, the lower the score. */
const NO_SIMILAR: MatchReason = { code: 'no-similar', params: {} }

function wordsScore(header: PreparedHeader, name: KnownName): HeaderMatch | null {
  for (const stem of name.stems) if (!header.stems.has(stem)) return null
  let extra = 0
  for (const stem of header.stems) if (!name.stems.has(stem) && !isFillerStem(stem)) extra += 1
  if (extra === 0) return { score: SCORE.sameWords, reason: { code: 'same-words', params: { name: name.text } } }
  if (name.wholeOnly) return null
  const share = name.stems.size / (name.stems.size + extra)
  return { score: SCORE.containsMin + SCORE.containsSpan * share, reason: { code: 'contains', params: { name: name.text } } }
}

// A slip of the finger keeps the first letter. Short names only forgive a swap, a missing or
// an extra letter, because one changed letter there makes another word ("Stage" is not
// "State"); a number in the header is a real difference ("Address 2"), never a typo.
function typoScore(header: string, name: string, text: string): HeaderMatch | null {
  if (header[0] !== name[0] || name.length < 5) return null
  if (/[0-9]/.test(header) && !/[0-9]/.test(name)) return null
  const allowed = name.length >= 10 ? 2 : 1
  const distance = editDistanceAtMost(header, name, allowed)
  if (distance === null || distance === 0) return null
  if (name.length < 6 && header.length === name.length && !isAdjacentSwap(header, name)) return null
  const score = distance === 1 ? SCORE.typo1 : SCORE.typo2
  return { score, reason: { code: 'misspelling', params: { name: text } } }
}

function isAdjacentSwap(a: string, b: string): boolean {
  const i = [...a].findIndex((ch, k) => ch !== b[k])
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
}

/** Edit distance (insert, delete, replace, swap two neighbours) when it is at most `limit`,
 * else null. Only a band of width 2·limit+1 is computed, in rows reused between calls: it runs
 * for many header/name pairs on every file load. */
export function editDistanceAtMost(a: string, b: string, limit: number): number | null {
  if (Math.abs(a.length - b.length) > limit) return null
  const width = b.length + 1
  if (rows[0]!.length < width) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(width * 2)
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array]
  const far = limit + 1
  for (let j = 0; j < width; j++) previous[j] = j <= limit ? j : far
  for (let i = 1; i <= a.length; i++) {
    current.fill(far, 0, width)
    if (i <= limit) current[0] = i
    let rowMin = current[0]!
    const to = Math.min(b.length, i + limit)
    for (let j = Math.max(1, i - limit); j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      current[j] = Math.min(d, far)
      rowMin = Math.min(rowMin, current[j]!)
    }
    if (rowMin > limit) return null
    ;[before, previous, current] = [previous, current, before]
  }
  const distance = previous[b.length]!
  return distance <= limit ? distance : null
}

const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]
