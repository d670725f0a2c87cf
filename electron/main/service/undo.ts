// runs.undo for the app: the shared undo (ops/undo.ts), told as counts and a few sentences for the
// History screen.
import type { ApiClient } from '../api/api-client'
import type { Journal, OrderRecord, RunRecord } from '../journal'
import { deleteCreated, planUndo, type DeleteOptions } from '../ops/undo'

const MAX_MESSAGES = 20

export interface UndoResult {
  deleted: number
  failed: number
  messages: string[]
}

export async function undoRun(
  journal: Pick<Journal, 'deletions' | 'orders' | 'recordDeletion'>,
  run: Pick<RunRecord, 'id' | 'settings'>,
  client: Pick<ApiClient, 'deleteOrder'>,
  pause?: DeleteOptions['pause']
): Promise<UndoResult> {
  const plan = planUndo(journal, run)
  const messages: string[] = []
  const { existed } = plan
  if (existed > 0) {
    messages.push(`${existed} ${existed === 1 ? 'order was' : 'orders were'} already in the shop before this run (answer 601) and ${existed === 1 ? 'was' : 'were'} left alone.`)
  }
  for (const order of plan.noBillId) {
    messages.push(`Order ${order.ordinal} was created but its bill id was not recorded, so Undo cannot delete it: delete it in the shop if it is there.`)
  }
  const tally = await deleteCreated(journal, plan.toDelete, client, {
    gapMs: 1000 / Math.max(0.1, run.settings.rate),
    notes: { deleted: 'Deleted by Undo in the app.', gone: 'The shop no longer had it when Undo ran (code 302).' },
    ...(pause ? { pause } : {})
  })
  for (const order of tally.gone) messages.push(`${which(order)} was already gone from the shop.`)
  for (const { order, reason } of tally.failed) messages.push(`${which(order)} was not deleted: ${reason}`)
  if (tally.untried > 0) {
    messages.push(`${tally.untried} more ${tally.untried === 1 ? 'order was' : 'orders were'} not deleted; undo again once this is fixed.`)
  }
  return {
    deleted: tally.deleted.length + tally.gone.length,
    failed: tally.failed.length + tally.untried + plan.noBillId.length,
    messages: capMessages(messages)
  }
}

function which(order: OrderRecord): string {
  return `Order ${order.ordinal} (bill ${order.billId})`
}

function capMessages(messages: string[]): string[] {
  if (messages.length <= MAX_MESSAGES) return messages
  return [...messages.slice(0, MAX_MESSAGES), `…and ${messages.length - MAX_MESSAGES} more.`]
}
