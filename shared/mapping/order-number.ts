// Which column numbers the orders, so that rows with the same value in it are one order. A
// header that names an order number outright ("Order ID", "Номер заказа") is trusted; a weaker
// one ("№", "Order") only when its values in the sample rows repeat and look like order numbers.
// Why, either way, is a code with parameters (see auto-map-reasons.ts), never a sentence.
import type { MatchReason } from './auto-map-reasons'
import { ORDER_NUMBER_ALIASES } from './catalog'
import { MATCH_THRESHOLD, scorePrepared, type MatchTarget, type PreparedHeader } from './header-match'
import { compactHeader, normalizeHeader } from './header-normalize'
import type { Cell } from '../sheet/sheet'

/** The mapping key of the order-number role (Mapping.groupBy). */
export const GROUP_BY = 'groupBy'

/** "№" or "Order" say less than "Order ID": they rank below it and need evidence in the rows. */
const WEAK_ORDER_NUMBER_FACTOR = 0.9
/** Share of sample values that must look like order numbers before a weak name is trusted. */
const ORDER_NUMBER_SHARE = 0.8

const ORDER_NUMBER: MatchTarget = {
  key: GROUP_BY,
  label: 'Order number',
  aliases: [...ORDER_NUMBER_ALIASES.strong, ...ORDER_NUMBER_ALIASES.weak],
  apiNames: [] // not a CreateOrder parameter: no header outranks the others by being "the API name"
}
const STRONG_ORDER_NUMBER: ReadonlySet<string> = new Set(ORDER_NUMBER_ALIASES.strong.map((a) => compactHeader(normalizeHeader(a))))

export type OrderNumberVerdict =
  /** The column may number the orders, with this score. */
  | { ok: true; score: number; reason: MatchReason }
  /** Its header names an order number, but its values say it does not. */
  | { ok: false; reason: MatchReason }

/** Whether the column with this header (at `index`) numbers the orders; null when its header
 * does not name an order number at all. `sample`: the first rows, when there are any. */
export function orderNumberVerdict(header: PreparedHeader, index: number, sample: readonly Cell[][] | undefined): OrderNumberVerdict | null {
  const { score } = scorePrepared(header, ORDER_NUMBER)
  if (score < MATCH_THRESHOLD) return null
  if (STRONG_ORDER_NUMBER.has(header.compact)) return { ok: true, score, reason: { code: 'order-number.named', params: {} } }
  const weakScore = score * WEAK_ORDER_NUMBER_FACTOR
  if (!sample) return { ok: true, score: weakScore, reason: { code: 'order-number.unchecked', params: {} } }
  const evidence = orderNumberEvidence(sample, index)
  return evidence.ok ? { ok: true, score: weakScore, reason: evidence.reason } : evidence
}

function orderNumberEvidence(sample: readonly Cell[][], index: number): { ok: true; reason: MatchReason } | { ok: false; reason: MatchReason } {
  const values = sample.map((row) => cellText(row[index] ?? null)).filter((v) => v !== '')
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let repeated: [string, number] | null = null
  for (const entry of counts) if (entry[1] > 1 && (!repeated || entry[1] > repeated[1])) repeated = entry
  const count = sample.length
  if (!repeated) return { ok: false, reason: { code: 'order-number.no-repeats', params: { count } } }
  const numberLike = values.filter(looksLikeOrderNumber).length
  if (numberLike < values.length * ORDER_NUMBER_SHARE) return { ok: false, reason: { code: 'order-number.not-numbers', params: { count } } }
  return { ok: true, reason: { code: 'order-number.repeats', params: { value: repeated[0], times: repeated[1], count } } }
}

function looksLikeOrderNumber(value: string): boolean {
  return value.length <= 24 && /^[#№]?\s*\p{L}{0,5}[-_/ ]?\d[\d\-_/.]*$/u.test(value)
}

function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'object') return cell.w.trim()
  return String(cell).trim()
}
