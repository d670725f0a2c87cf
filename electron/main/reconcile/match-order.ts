// Does an order found in the shop stand for the order of the sheet? Each rule compares one fact
// the payload carried; a fact the payload did not carry is not compared.
import type { OrderDetails, OrderItem } from '../api/api-client'
import { decimalEqual } from '#shared/transforms/decimal'
import type { ExpectedGood, PayloadFacts } from './payload-facts'

export interface ExpectedOrder extends PayloadFacts {
  email: string
  /** Unix seconds. Without bill_created the shop stamps its own creation time, so a shop order
   * made before Orderbatch first sent this one (less a margin for clock skew) is not it. */
  notBefore?: number
}

export type MatchVerdict = { match: true } | { match: false; reason: string }

export function matchOrder(expected: ExpectedOrder, found: OrderDetails): MatchVerdict {
  const no = (reason: string): MatchVerdict => ({ match: false, reason })
  if (found.email.trim() !== '' && found.email.trim().toLowerCase() !== expected.email.trim().toLowerCase()) {
    return no('another email')
  }
  if (!goodsMatch(expected.goods, found.items)) return no('other goods or sums')
  if (expected.created !== undefined && !sameCreated(expected.created, found)) return no('another creation time')
  if (expected.created === undefined && expected.notBefore !== undefined && found.created !== null && found.created < expected.notBefore) {
    return no('created before Orderbatch sent this order')
  }
  if (expected.tag !== undefined && plain(found.tag) !== plain(expected.tag)) return no('another tag')
  if (expected.comment !== undefined && plain(found.comment) !== plain(expected.comment)) return no('another comment')
  return { match: true }
}

/** The goods as a multiset of product ids; a sum is compared only when the payload sent one. */
export function goodsMatch(expected: readonly ExpectedGood[], items: readonly OrderItem[]): boolean {
  if (expected.length !== items.length) return false
  const left = [...items]
  // Goods with a sum first: each needs an item of its exact price, while a good without a sum
  // takes any item of its id, so it must not take one a priced good needs.
  const ordered = [...expected.filter((good) => good.sum !== undefined), ...expected.filter((good) => good.sum === undefined)]
  for (const good of ordered) {
    const at = left.findIndex((item) => item.id.trim() === good.name.trim() && (good.sum === undefined || decimalEqual(good.sum, item.sum)))
    if (at < 0) return false
    left.splice(at, 1)
  }
  return true
}

function sameCreated(expected: string, found: OrderDetails): boolean {
  const text = expected.trim()
  if (/^\d+$/.test(text) && found.created !== null) return Number(text) === found.created
  return found.createdText.trim() === text
}

function plain(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}
