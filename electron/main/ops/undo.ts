// Undo: DeleteOrder for every order a run created (not the ones the shop already had: those were
// not this run's to delete), each deletion recorded in the journal as it is confirmed.
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { CREATE_ORDER_ANSWERS } from '#shared/wire/create-order-answers'
import type { ApiClient } from '../api/api-client'
import type { Journal, OrderRecord, RunRecord } from '../journal'

const MAX_MESSAGES = 20

export interface UndoResult {
  deleted: number
  failed: number
  messages: string[]
}

export async function undoRun(
  journal: Journal,
  run: RunRecord,
  client: Pick<ApiClient, 'deleteOrder'>,
  wait: (ms: number) => Promise<void> = delay
): Promise<UndoResult> {
  const deletedBefore = journal.deletions(run.id)
  const created = [...journal.orders(run.id, ['succeeded'])]
  const existed = created.filter((order) => order.existed).length
  const todo = created.filter((order) => !order.existed && !deletedBefore.has(order.id))
  const messages: string[] = []
  if (existed > 0) {
    messages.push(`${existed} ${existed === 1 ? 'order was' : 'orders were'} already in the shop before this run (answer 601) and ${existed === 1 ? 'was' : 'were'} left alone.`)
  }
  const gap = 1000 / Math.max(0.1, run.settings.rate)
  let deleted = 0
  let failed = 0
  for (const [i, order] of todo.entries()) {
    if (i > 0) await wait(gap)
    const outcome = await client.deleteOrder(order.billId ?? 0)
    const verdict = judge(order, outcome)
    if (verdict.kind === 'deleted') {
      journal.recordDeletion(order.id, verdict.note)
      deleted++
      if (verdict.message) messages.push(verdict.message)
      continue
    }
    failed++
    messages.push(verdict.message)
    if (verdict.kind === 'stop') {
      const left = todo.length - i - 1
      failed += left
      if (left > 0) messages.push(`${left} more ${left === 1 ? 'order was' : 'orders were'} not deleted; undo again once this is fixed.`)
      break
    }
  }
  return { deleted, failed, messages: capMessages(messages) }
}

type Verdict = { kind: 'deleted'; note: string; message?: string } | { kind: 'failed' | 'stop'; message: string }

function judge(order: OrderRecord, outcome: CallOutcome): Verdict {
  const which = `Order ${order.ordinal} (bill ${order.billId})`
  if (outcome.kind !== 'answer') return { kind: 'failed', message: `${which} was not deleted: ${outcome.reason}` }
  const { errorCode: code, errorText: text } = outcome
  if (code === 0) return { kind: 'deleted', note: 'Deleted by Undo in the app.' }
  if (code === 302) {
    return { kind: 'deleted', note: 'The shop no longer had it when Undo ran (code 302).', message: `${which} was already gone from the shop.` }
  }
  const known = code >= 1 && code <= 8 ? CREATE_ORDER_ANSWERS[code] : undefined
  if (known) return { kind: 'stop', message: `${which} was not deleted: the API answered "${text}" (code ${code}). ${known.advice}` }
  return { kind: 'failed', message: `${which} was not deleted: the API answered "${text}" (code ${code}).` }
}

function capMessages(messages: string[]): string[] {
  if (messages.length <= MAX_MESSAGES) return messages
  return [...messages.slice(0, MAX_MESSAGES), `…and ${messages.length - MAX_MESSAGES} more.`]
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
