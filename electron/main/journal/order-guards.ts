// Looking up an order for a transition and refusing, in plain words, the ones not allowed.
import type { JournalContext } from './context'
import { JournalError, JournalStateError } from './errors'
import { toOrderRecord } from './records'
import type { OrderRow } from './records'
import type { OrderRecord, OrderState } from './types'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { englishOf, msg, storedNote, type Message } from '#shared/i18n/message'

export function loadOrder(ctx: JournalContext, orderId: number): OrderRecord {
  const row = ctx.st.getOrder.get(orderId) as OrderRow | undefined
  if (row === undefined) throw new JournalError('not-found', ctx.path, msg('journal.noOrderId', { path: ctx.path, orderId }))
  return toOrderRecord(ctx.path, row)
}

export function describeOrder(order: Pick<OrderRecord, 'ordinal' | 'runId'>): string {
  return englishOf(orderMessage(order))
}

/** "order #3 of run 1" (lower case, for the middle of a sentence). */
export function orderMessage(order: Pick<OrderRecord, 'ordinal' | 'runId'>): Message {
  return msg('journal.order', { ordinal: order.ordinal, runId: order.runId })
}

/** What a refused transition was to do: the end of "Cannot ... order #3 of run 1". */
const ACTIONS = {
  send: 'journal.action.send',
  'record the answer for': 'journal.action.answer',
  'mark as created': 'journal.action.created',
  'mark as absent from the shop': 'journal.action.absent',
  retry: 'journal.action.retry',
  skip: 'journal.action.skip'
} as const satisfies Record<string, CatalogKey>

export type RefusedAction = keyof typeof ACTIONS

/** Throws unless the order is in one of `allowed`; `action` completes "Cannot ... order #3". */
export function requireState(ctx: JournalContext, order: OrderRecord, allowed: readonly OrderState[], action: RefusedAction): void {
  if (allowed.includes(order.state)) return
  throw new JournalStateError(ctx.path, msg('journal.cannot', { action: msg(ACTIONS[action]), order: orderMessage(order), state: describeState(order) }), order.id)
}

function describeState(order: OrderRecord): Message {
  switch (order.state) {
    case 'pending':
      return msg('journal.isState.pending')
    case 'sending':
      return msg('journal.isState.sending')
    case 'succeeded':
      return msg('journal.isState.succeeded', { bill: order.billId ?? '?' })
    case 'failed':
      return msg('journal.isState.failed', { error: order.errorText === null ? msg('journal.noDetails') : storedNote(order.errorText) })
    case 'unknown':
      return msg('journal.isState.unknown')
    case 'skipped':
      return msg('journal.isState.skipped', { reason: order.skipReason === null ? msg('journal.noReason') : storedNote(order.skipReason) })
  }
}
