// Does an order found in the shop stand for the order of the sheet? Each rule compares one fact
// the payload carried; a fact the payload did not carry is not compared.
import type { OrderDetails, OrderItem } from '../api/api-client'
import { decimalEqual } from '#shared/transforms/decimal'
import { msg, type Message } from '#shared/i18n/message'
import type { ExpectedGood, PayloadFacts } from './payload-facts'

export interface ExpectedOrder extends PayloadFacts {
  email: string
  /** Unix seconds. Without bill_created the shop stamps its own creation time: a shop order made
   * before this moment (when Orderbatch first sent the order, less a day for clock skew) is not
   * surely it. Only a near match then, since this computer's clock may be wrong. */
  notBefore?: number
  /** Unix seconds, earlier than notBefore: a shop order made before this is not it at all (an
   * earlier purchase), however wrong this computer's clock is within reason. */
  notLongBefore?: number
}

/** near: the same email, goods and sums, differing only in what cannot be trusted either way
 * (text the shop may trim, re-escape or shorten, or a time judged by this computer's clock).
 * Such an order may be this one: it never proves absence, the user decides. */
export type MatchVerdict = { match: true } | { match: false; reason: Message } | { match: 'near'; reason: Message }

export function matchOrder(expected: ExpectedOrder, found: OrderDetails): MatchVerdict {
  const no = (reason: Message): MatchVerdict => ({ match: false, reason })
  if (found.email.trim() !== '' && found.email.trim().toLowerCase() !== expected.email.trim().toLowerCase()) {
    return no(msg('reconcile.diff.email'))
  }
  if (!goodsMatch(expected.goods, found.items)) return no(msg('reconcile.diff.goods'))
  if (expected.created !== undefined && !sameCreated(expected.created, found)) return no(msg('reconcile.diff.created'))
  const differences: Message[] = []
  if (expected.created === undefined && found.created !== null) {
    if (expected.notLongBefore !== undefined && found.created < expected.notLongBefore) return no(msg('reconcile.diff.longBefore'))
    if (expected.notBefore !== undefined && found.created < expected.notBefore) differences.push(msg('reconcile.diff.before'))
  }
  if (expected.tag !== undefined && plain(found.tag) !== plain(expected.tag)) differences.push(msg('reconcile.diff.tag'))
  if (expected.comment !== undefined && plain(found.comment) !== plain(expected.comment)) differences.push(msg('reconcile.diff.comment'))
  return differences.length === 0 ? { match: true } : { match: 'near', reason: differences.reduce((a, b) => msg('reconcile.comma', { a, b })) }
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
