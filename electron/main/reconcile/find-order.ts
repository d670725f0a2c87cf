// Looks an unclear order up in the shop: GetBills by the customer's email gives the candidate
// bills, getOrderDetails tells whether one of them is this order. Only a complete, readable set
// of answers can prove anything; any doubt is 'undecided', never 'absent', because a wrong
// 'absent' sends the order a second time.
import { englishOf, msg, type Message } from '#shared/i18n/message'
import type { ApiClient } from '../api/api-client'
import { parseBills, parseOrderDetails } from '../api/api-client'
import type { BillGoods, OrderDetails } from '../api/api-client'
import type { Journal, OrderRecord } from '../journal'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { matchOrder } from './match-order'
import type { ExpectedOrder } from './match-order'
import { payloadFacts } from './payload-facts'

export type ReconcileResult =
  | { result: 'created'; billId: number; note: string; said?: Message }
  | { result: 'absent'; note: string; said?: Message }
  | { result: 'undecided'; note: string; said?: Message }

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
  // `note`: English, as the journal keeps it; `said`: the same for the reader's language.
  const who = msg('reconcile.who', { ordinal: order.ordinal, runId: order.runId })
  const undecided = (why: Message): ReconcileResult => said('undecided', msg('reconcile.undecided', { who, why }))
  const absent = (message: Message): ReconcileResult => said('absent', message)
  const email = order.email.trim()
  if (email === '') return undecided(msg('reconcile.noEmail'))

  const bills = await lookUp(deps, () => deps.client.getBills(email))
  if (bills.kind !== 'answer') return undecided(msg('reconcile.lookupFailed', { email, reason: bills.reason }))
  if (bills.answer.errorCode === BILLS_NOT_FOUND && bills.answer.hashValid !== false) {
    return absent(msg('reconcile.noneForEmail', { email, who }))
  }
  if (bills.answer.errorCode !== 0) return undecided(msg('reconcile.lookupAnswered', { email, code: codeText(bills.answer) }))
  let listed: BillGoods[]
  try {
    listed = parseBills(bills.answer.result)
  } catch (error) {
    return undecided(msg('reconcile.listUnreadable', { email, reason: messageOf(error) }))
  }

  // Only bills of this order's own destination: a sandbox bill 12 is not the shop's bill 12.
  const destination = deps.journal.getRun(order.runId)?.destination
  const claimed = destination === undefined ? new Set<number>() : deps.journal.billIdsClaimed(destination)
  const candidates = listed.filter((bill) => !claimed.has(bill.billId)).map((bill) => bill.billId).sort((a, b) => b - a)
  if (candidates.length === 0) {
    return absent(msg('reconcile.allClaimed', { email, who }))
  }
  if (candidates.length > MAX_CANDIDATES) {
    return undecided(msg('reconcile.tooMany', { count: candidates.length, email }))
  }

  const expected = expectedOrder(order, deps)
  const matches: number[] = []
  const near: Array<{ billId: number; reason: Message }> = []
  for (const billId of candidates) {
    const details = await lookUp(deps, () => deps.client.getOrderDetails(billId))
    if (details.kind !== 'answer') return undecided(msg('reconcile.detailsFailed', { bill: billId, reason: details.reason }))
    if (details.answer.errorCode !== 0) return undecided(msg('reconcile.detailsAnswered', { bill: billId, code: codeText(details.answer) }))
    let found: OrderDetails
    try {
      found = parseOrderDetails(details.answer.result)
    } catch (error) {
      return undecided(msg('reconcile.detailsUnreadable', { bill: billId, reason: messageOf(error) }))
    }
    if (found.id !== billId) return undecided(msg('reconcile.otherOrder', { got: found.id, bill: billId }))
    const verdict = matchOrder(expected, found)
    if (verdict.match === true) matches.push(billId)
    else if (verdict.match === 'near') near.push({ billId, reason: verdict.reason })
  }

  const compared = describeFacts(expected)
  if (matches.length === 1) {
    const message = msg('reconcile.found', { bill: matches[0]!, compared })
    return { result: 'created', billId: matches[0]!, note: englishOf(message), said: message }
  }
  if (matches.length === 0 && near.length > 0) {
    // Never absent: the shop may have changed the text, or this computer's clock may be wrong.
    const list = near
      .slice(0, 10)
      .map((n) => msg('reconcile.nearBill', { bill: n.billId, reason: n.reason }))
      .reduce<Message | string>((joined, part) => (joined === '' ? part : msg('reconcile.semicolon', { a: joined, b: part })), '')
    return undecided(msg('reconcile.near', { count: near.length, email, list }))
  }
  if (matches.length === 0) {
    return absent(msg('reconcile.noneSame', { count: candidates.length, email, compared, who }))
  }
  return undecided(msg('reconcile.several', { count: matches.length, compared, bills: matches.join(', ') }))
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

function describeFacts(expected: ExpectedOrder): Message {
  const facts = [msg('reconcile.fact.email'), msg(expected.goods.some((good) => good.sum !== undefined) ? 'reconcile.fact.goodsSums' : 'reconcile.fact.goods')]
  if (expected.created !== undefined) facts.push(msg('reconcile.fact.created'))
  if (expected.tag !== undefined) facts.push(msg('reconcile.fact.tag'))
  if (expected.comment !== undefined) facts.push(msg('reconcile.fact.comment'))
  let joined = facts[0]!
  for (let i = 1; i < facts.length; i++) joined = msg(i === facts.length - 1 ? 'sendEnd.and' : 'sendEnd.comma', { a: joined, b: facts[i]! })
  return joined
}

function said(result: 'absent' | 'undecided', message: Message): ReconcileResult {
  return { result, note: englishOf(message), said: message }
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
