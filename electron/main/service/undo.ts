// runs.undo for the app: the shared undo (ops/undo.ts), told as counts and a few sentences for the
// History screen.
import type { ApiClient } from '../api/api-client'
import type { Journal, OrderRecord, RunRecord } from '../journal'
import { deleteCreated, planUndo, type DeleteOptions } from '../ops/undo'
import { msg, type Message } from '#shared/i18n/message'

const MAX_MESSAGES = 20

export interface UndoResult {
  deleted: number
  failed: number
  messages: Message[]
}

export async function undoRun(
  journal: Pick<Journal, 'deletions' | 'orders' | 'recordDeletion'>,
  run: Pick<RunRecord, 'id' | 'settings'>,
  client: Pick<ApiClient, 'deleteOrder'>,
  pause?: DeleteOptions['pause']
): Promise<UndoResult> {
  const plan = planUndo(journal, run)
  const messages: Message[] = []
  const { existed } = plan
  if (existed > 0) messages.push(msg('service.undo.existed', { count: existed }))
  for (const order of plan.noBillId) messages.push(msg('service.undo.noBill', { ordinal: order.ordinal }))
  const tally = await deleteCreated(journal, plan.toDelete, client, {
    gapMs: 1000 / Math.max(0.1, run.settings.rate),
    notes: { deleted: msg('orderNote.undo.deletedInApp'), gone: msg('orderNote.undo.goneInApp') },
    ...(pause ? { pause } : {})
  })
  for (const order of tally.gone) messages.push(msg('service.undo.gone', { order: which(order) }))
  for (const { order, reason } of tally.failed) messages.push(msg('service.undo.failed', { order: which(order), reason }))
  if (tally.untried > 0) messages.push(msg('service.undo.untried', { count: tally.untried }))
  return {
    deleted: tally.deleted.length + tally.gone.length,
    failed: tally.failed.length + tally.untried + plan.noBillId.length,
    messages: capMessages(messages, MAX_MESSAGES)
  }
}

function which(order: OrderRecord): Message {
  return msg('service.undo.which', { ordinal: order.ordinal, bill: order.billId ?? '?' })
}

/** At most `max` messages, then one saying how many more there are. */
export function capMessages(messages: Message[], max: number): Message[] {
  if (messages.length <= max) return messages
  return [...messages.slice(0, max), msg('service.more', { count: messages.length - max })]
}
