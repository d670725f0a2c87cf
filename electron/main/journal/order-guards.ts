// Looking up an order for a transition and refusing, in plain words, the ones not allowed.
import type { JournalContext } from './context'
import { JournalError, JournalStateError } from './errors'
import { toOrderRecord } from './records'
import type { OrderRow } from './records'
import type { OrderRecord, OrderState } from './types'

export function loadOrder(ctx: JournalContext, orderId: number): OrderRecord {
  const row = ctx.st.getOrder.get(orderId) as OrderRow | undefined
  if (row === undefined) {
    throw new JournalError(
      'not-found',
      ctx.path,
      `The journal ${ctx.path} has no order with id ${orderId}. Reload the run and pick the order again.`
    )
  }
  return toOrderRecord(ctx.path, row)
}

export function describeOrder(order: Pick<OrderRecord, 'ordinal' | 'runId'>): string {
  return `order #${order.ordinal} of run ${order.runId}`
}

/** Throws unless the order is in one of `allowed`; `action` completes "Cannot ... order #3". */
export function requireState(ctx: JournalContext, order: OrderRecord, allowed: readonly OrderState[], action: string): void {
  if (allowed.includes(order.state)) return
  throw new JournalStateError(
    ctx.path,
    `Cannot ${action} ${describeOrder(order)}: it ${describeState(order)}. Nothing was changed.`,
    order.id
  )
}

function describeState(order: OrderRecord): string {
  switch (order.state) {
    case 'pending':
      return 'is waiting to be sent'
    case 'sending':
      return 'is being sent right now; wait for the answer'
    case 'succeeded':
      return `was already created in the shop (bill ${order.billId ?? '?'}) and is never changed again`
    case 'failed':
      return `failed (${order.errorText ?? 'no details'}); retry failed orders to put it back in the queue`
    case 'unknown':
      return 'may already exist in the shop (its last sending got no clear answer); check it in the shop (reconcile) first'
    case 'skipped':
      return `was skipped (${order.skipReason ?? 'no reason given'})`
  }
}
