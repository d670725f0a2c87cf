// CreateOrder, validated in the order the vendor's table lists its codes. Where the vendor is
// silent the sandbox picks a rule and says so:
// - 605: by the preview's rule (shared/shop/delivery-rule.ts), so the two always agree: an
//   order with a product whose catalog type is physical needs every delivery field; when no
//   product's type tells, an order that carries a bill_address needs the other ones too.
// - 601: an undeleted order with the same email (case-insensitive), the same goods (names and
//   sums, in any order) and, when the request sends bill_created, the same created time.
// - 3: goods, good_sum or bill_created that PHP could not read as such (not a list, not a
//   number, not a unix time).
import { missingDeliveryFields } from '#shared/shop/delivery-rule'
import { ANSWERS, TEXTS, answer, ok, type Answer } from './answers'
import type { SandboxCatalog } from './catalog'
import type { LedgerGood, LedgerOrder, SandboxLedger } from './ledger'
import { filledAt, flattenPosted, mapAt, textAt, type Posted } from './posted'

export interface CreateOrderContext {
  ledger: SandboxLedger
  /** When set, any other good_name answers 604. */
  products?: SandboxCatalog
  /** Fraction of valid requests that answer 602 without creating. */
  failRate: number
  random: () => number
  now: () => number
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const DECIMAL = /^\d+(\.\d+)?$/
const UNIX_TIME = /^\d{1,12}$/
const NOT_FIELDS = new Set(['goods', 'hash'])

export function createOrder(data: Posted, body: string, context: CreateOrderContext): Answer {
  const email = filledAt(data, 'bill_email')
  if (!email || !EMAIL.test(email)) return ANSWERS.wrongEmail
  const goods = readGoods(data)
  if (goods === 'missing') return ANSWERS.missingProducts
  if (goods === 'malformed') return ANSWERS.wrongData
  const unknown = context.products && goods.find((good) => !context.products?.has(good.good_name))
  if (unknown) return answer(604, TEXTS.productNotExist, { good_name: unknown.good_name })
  const kinds = goods.map((good) => context.products?.kindOf(good.good_name) ?? 'unknown')
  if (missingDeliveryFields(kinds, (key) => filledAt(data, key)).length > 0) return ANSWERS.noDeliveryData
  const createdText = filledAt(data, 'bill_created')
  if (createdText !== undefined && !UNIX_TIME.test(createdText)) return ANSWERS.wrongData
  const created = createdText === undefined ? undefined : Number(createdText)

  const existing = findDuplicate(context.ledger.findByEmail(email), goods, created)
  if (existing) return answer(601, TEXTS.duplicate, { bill_id: existing.bill_id })
  if (context.failRate > 0 && context.random() < context.failRate) return ANSWERS.createFailed

  const receivedAt = context.now()
  const order = context.ledger.insert({
    email,
    goods,
    created: created ?? Math.floor(receivedAt / 1000),
    tag: textAt(data, 'bill_tag') ?? '',
    comment: textAt(data, 'bill_comment') ?? '',
    fields: flattenPosted(data, NOT_FIELDS),
    request_body: body,
    received_at: receivedAt
  })
  return ok({ bill_id: order.bill_id })
}

function readGoods(data: Posted): LedgerGood[] | 'missing' | 'malformed' {
  const list = mapAt(data, 'goods')
  if (!list || list.size === 0) return 'missing'
  const goods: LedgerGood[] = []
  for (const item of list.values()) {
    if (!(item instanceof Map)) return 'missing'
    const name = filledAt(item, 'good_name')
    if (!name) return 'missing'
    const sum = filledAt(item, 'good_sum')
    if (sum !== undefined && !DECIMAL.test(sum)) return 'malformed'
    goods.push({ good_name: name, good_sum: sum ?? null })
  }
  return goods
}

function findDuplicate(candidates: LedgerOrder[], goods: LedgerGood[], created: number | undefined): LedgerOrder | undefined {
  const wanted = goodsKey(goods)
  return candidates.find((order) =>
    !order.deleted && (created === undefined || order.created === created) && goodsKey(order.goods) === wanted)
}

/** Goods compared as a multiset; sums compared as numbers, so '1500' equals '1500.00'. */
function goodsKey(goods: readonly LedgerGood[]): string {
  return goods
    .map((good) => `${good.good_name}\u0000${good.good_sum === null ? '' : String(Number(good.good_sum))}`)
    .sort()
    .join('\u0001')
}
