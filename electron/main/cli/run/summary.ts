// What a run came to, in words: counts, the orders that need a person (failed, unknown) with
// their rows and reasons, and the exact commands that deal with them.
import type { Journal, OrderRecord, OrderState, RunRecord } from '../../journal'
import { ROW_ERRORS_CODE } from '../../pipeline/stage-run'
import { describeRows } from '../../ops/describe-rows'

export const LIST_LIMIT = 20

export function countsLine(counts: Record<OrderState, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const parts = [`${counts.succeeded} created`, `${counts.failed} failed`, `${counts.unknown} unknown`]
  // Left 'sending' by a stop (a full disk, a fatal answer): the shop may have them. They are
  // looked up before anything is sent again, so they are never "not sent yet".
  if (counts.sending > 0) parts.push(`${counts.sending} in flight when it stopped (maybe created)`)
  if (counts.pending > 0) parts.push(`${counts.pending} not sent yet`)
  if (counts.skipped > 0) parts.push(`${counts.skipped} skipped (created before)`)
  return `${parts.join(', ')} (${total} order${total === 1 ? '' : 's'})`
}

/** The failed and unknown orders, a few of each, and what to do about them. */
export function attentionLines(journal: Journal, run: RunRecord, counts: Record<OrderState, number>, hint: string): string[] {
  const lines: string[] = []
  if (counts.failed > 0) {
    lines.push(`Not created (${counts.failed}):`)
    lines.push(...orderLines(journal, run.id, 'failed', counts.failed))
    const file = `run-${run.id}-failed.csv`
    lines.push(
      `To fix them: orderbatch export ${run.id} --only failed --out ${file}${hint}, correct the rows in ${file}, ` +
        `then: orderbatch retry ${run.id} --from ${file}${hint}`
    )
  }
  if (counts.sending > 0) {
    lines.push(`On their way when the run stopped, so they may be in the shop (${counts.sending}); they are looked up there before anything is sent again:`)
    lines.push(...orderLines(journal, run.id, 'sending', counts.sending))
    lines.push(`Once the cause is fixed, "orderbatch resume ${run.id}${hint}" checks them in the shop first.`)
  }
  if (counts.unknown > 0) {
    lines.push(`May or may not be in the shop (${counts.unknown}); they are never sent again on their own:`)
    lines.push(...orderLines(journal, run.id, 'unknown', counts.unknown))
    lines.push(
      `Check each in the shop, then record what you found: orderbatch resolve ${run.id} --order N --bill-id ID${hint} ` +
        `(it is there) or orderbatch resolve ${run.id} --order N --absent${hint} (it is not; it will be sent by "orderbatch resume ${run.id}${hint}").`
    )
  }
  return lines
}

function orderLines(journal: Journal, runId: number, state: OrderState, total: number): string[] {
  const lines: string[] = []
  for (const order of journal.orders(runId, [state], LIST_LIMIT)) {
    if (lines.length >= LIST_LIMIT) break
    lines.push(`  ${orderLine(journal, order)}`)
  }
  if (total > LIST_LIMIT) lines.push(`  ... and ${total - LIST_LIMIT} more (see them all with orderbatch export).`)
  return lines
}

export function orderLine(journal: Journal, order: OrderRecord): string {
  const rows = describeRows(journal.orderRows(order.id).map((row) => row.sheetRow))
  const code = order.errorCode === ROW_ERRORS_CODE ? 'not sent, the sheet has errors: ' : order.errorCode === null ? '' : `${order.errorCode}: `
  const email = order.email ? ` ${order.email}` : ''
  return `#${order.ordinal} (${rows})${email}: ${code}${order.errorText ?? 'no details'}`
}
