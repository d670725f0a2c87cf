// Looks an unclear order up in the shop: GetBills by the customer's email gives the candidate
// bills, getOrderDetails tells whether one of them is this order. Only a complete, readable set
// of answers can prove anything; any doubt is 'undecided', never 'absent', because a wrong
// 'absent' sends the order a second time.
import type { ApiClient } from '../api/api-client'
import { parseBills, parseOrderDetails } from '../api/api-client'
import type { BillGoods, OrderDetails } from '../api/api-client'
import type { Journal, OrderRecord } from '../journal'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { matchOrder } from './match-order'
import type { ExpectedOrder } from './match-order'
import { payloadFacts } from './payload-facts'

export type ReconcileResult =
  | { result: 'created'; billId: number; note: string }
  | { result: 'absent'; note: string }
  | { result: 'undecided'; note: string }

/** Runs one API call; the sender passes one that paces calls with its own limits. */
export type CallSlot = <T>(call: () => Promise<T>) => Promise<T>

export interface LookupDeps {
  journal: Pick<Journal, 'billIdsClaimed' | 'attempts' | 'getRun'>
  client: Pick<ApiClient, 'getBills' | 'getOrderDetails'>
  callSlot?: CallSlot
}

/** More shop orders than this for one email are not checked one by one; the user decides. */
export const MAX_CANDIDATES = 50
/** Clocks of this computer and of the shop may disagree by this much: a computer whose clock
 * is set to local time while it believes it is UTC is off by up to 14 hours. A shop order made
 * earlier than that before the first sending is only a near match (undecided). */
const CLOCK_SKEW_SECONDS = 24 * 3600
/** How wrong this computer's clock may be (days ahead, say, after a dead battery) before a shop
 * order made earlier is surely an earlier purchase and not this order. */
const WIDE_CLOCK_SKEW_SECONDS = 14 * 24 * 3600
/** GetBills: no order for this email. */
const BILLS_NOT_FOUND = 400

export async function findOrder(order: OrderRecord, deps: LookupDeps): Promise<ReconcileResult> {
  const who = `order #${order.ordinal} of run ${order.runId}`
  const undecided = (why: string): ReconcileResult => ({ result: 'undecided', note: `Could not tell whether ${who} is in the shop: ${why}` })
  const email = order.email.trim()
  if (email === '') return undecided('it has no email to look it up by.')

  const bills = await lookUp(deps, () => deps.client.getBills(email))
  if (bills.kind !== 'answer') return undecided(`looking up the orders of ${email} failed (${bills.reason})`)
  if (bills.answer.errorCode === BILLS_NOT_FOUND && bills.answer.hashValid !== false) {
    return { result: 'absent', note: `The shop has no order for ${email}, so ${who} was not created.` }
  }
  if (bills.answer.errorCode !== 0) return undecided(`the shop answered the lookup of ${email} with ${codeText(bills.answer)}.`)
  let listed: BillGoods[]
  try {
    listed = parseBills(bills.answer.result)
  } catch (error) {
    return undecided(`the list of orders for ${email} could not be read (${messageOf(error)}).`)
  }

  // Only bills of this order's own destination: a sandbox bill 12 is not the shop's bill 12.
  const destination = deps.journal.getRun(order.runId)?.destination
  const claimed = destination === undefined ? new Set<number>() : deps.journal.billIdsClaimed(destination)
  const candidates = listed.filter((bill) => !claimed.has(bill.billId)).map((bill) => bill.billId).sort((a, b) => b - a)
  if (candidates.length === 0) {
    return { result: 'absent', note: `Every order the shop has for ${email} belongs to another order of the journal, so ${who} was not created.` }
  }
  if (candidates.length > MAX_CANDIDATES) {
    return undecided(`the shop has ${candidates.length} orders for ${email} that no other order of the journal claims; too many to check one by one.`)
  }

  const expected = expectedOrder(order, deps)
  const matches: number[] = []
  const near: Array<{ billId: number; reason: string }> = []
  for (const billId of candidates) {
    const details = await lookUp(deps, () => deps.client.getOrderDetails(billId))
    if (details.kind !== 'answer') return undecided(`reading shop order ${billId} failed (${details.reason})`)
    if (details.answer.errorCode !== 0) return undecided(`the shop answered the details of order ${billId} with ${codeText(details.answer)}.`)
    let found: OrderDetails
    try {
      found = parseOrderDetails(details.answer.result)
    } catch (error) {
      return undecided(`the details of shop order ${billId} could not be read (${messageOf(error)}).`)
    }
    if (found.id !== billId) return undecided(`the shop gave order ${found.id} when asked for order ${billId}.`)
    const verdict = matchOrder(expected, found)
    if (verdict.match === true) matches.push(billId)
    else if (verdict.match === 'near') near.push({ billId, reason: verdict.reason })
  }

  const compared = describeFacts(expected)
  if (matches.length === 1) {
    return { result: 'created', billId: matches[0]!, note: `Found in the shop as bill ${matches[0]!} (same ${compared}).` }
  }
  if (matches.length === 0 && near.length > 0) {
    // Never absent: the shop may have changed the text, or this computer's clock may be wrong.
    const list = near.slice(0, 10).map((n) => `bill ${n.billId} (${n.reason})`).join('; ')
    return undecided(
      `the shop has ${near.length === 1 ? 'an order' : `${near.length} orders`} for ${email} with the same goods and sums that differ only in what the shop may change or a clock may get wrong: ${list}. Check in the shop whether one of them is this order.`
    )
  }
  if (matches.length === 0) {
    return {
      result: 'absent',
      note: `None of the ${candidates.length} unclaimed shop orders for ${email} has the same ${compared}, so ${who} was not created.`
    }
  }
  return undecided(`${matches.length} shop orders have the same ${compared} (bills ${matches.join(', ')}). Check them in the shop and say which one it is.`)
}

function expectedOrder(order: OrderRecord, deps: LookupDeps): ExpectedOrder {
  const facts = payloadFacts(order.payload)
  // The first attempt is the earliest moment the shop can have created this order.
  const firstSent = deps.journal.attempts(order.id)[0]?.startedAt ?? order.sentAt
  return {
    ...facts,
    email: order.email,
    ...(firstSent === null || firstSent === undefined
      ? {}
      : { notBefore: Math.floor(firstSent / 1000) - CLOCK_SKEW_SECONDS, notLongBefore: Math.floor(firstSent / 1000) - WIDE_CLOCK_SKEW_SECONDS })
  }
}

function describeFacts(expected: ExpectedOrder): string {
  const facts = ['email', expected.goods.some((good) => good.sum !== undefined) ? 'goods and sums' : 'goods']
  if (expected.created !== undefined) facts.push('creation time')
  if (expected.tag !== undefined) facts.push('tag')
  if (expected.comment !== undefined) facts.push('comment')
  return facts.length === 2 ? facts.join(' and ') : `${facts.slice(0, -1).join(', ')} and ${facts.at(-1)!}`
}

const direct: CallSlot = (call) => call()

type Looked = { kind: 'answer'; answer: Extract<CallOutcome, { kind: 'answer' }> } | { kind: 'failed'; reason: string }

async function lookUp(deps: LookupDeps, call: () => Promise<CallOutcome>): Promise<Looked> {
  try {
    const outcome = await (deps.callSlot ?? direct)(call)
    if (outcome.kind === 'answer') return { kind: 'answer', answer: outcome }
    return { kind: 'failed', reason: outcome.reason }
  } catch (error) {
    return { kind: 'failed', reason: messageOf(error) }
  }
}

function codeText(answer: { errorCode: number; errorText: string }): string {
  return `code ${answer.errorCode} ("${answer.errorText.slice(0, 200)}")`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
