// What a run came to, in words: counts, the orders that need a person (failed, unknown) with
// their rows and reasons, and the exact commands that deal with them.
import type { Journal, OrderRecord, OrderState, RunRecord } from '../../journal'
import { ROW_ERRORS_CODE } from '../../pipeline/stage-run'
import type { Translate } from '#shared/i18n/translate'
import { storedText } from '#shared/i18n/message'
import { describeRows } from '../../ops/describe-rows'
import { ordersInState, totalOf } from '../../ops/run-status'
import { ENGLISH } from '../lang'
import { statusStepLines } from './status-lines'

export const LIST_LIMIT = 20

export function countsLine(counts: Record<OrderState, number>, t: Translate = ENGLISH): string {
  const total = totalOf(counts)
  const n = (key: Parameters<Translate>[0], value: number) => t(key, { count: value })
  const parts = [n('cli.counts.created', counts.succeeded), n('cli.counts.failed', counts.failed), n('cli.counts.unknown', counts.unknown)]
  // Left 'sending' by a stop (a full disk, a fatal answer): the shop may have them. They are
  // looked up before anything is sent again, so they are never "not sent yet".
  if (counts.sending > 0) parts.push(n('cli.counts.inFlight', counts.sending))
  if (counts.pending > 0) parts.push(n('cli.counts.notSent', counts.pending))
  if (counts.skipped > 0) parts.push(n('cli.counts.skipped', counts.skipped))
  return t('cli.counts.total', { parts: parts.join(', '), count: total })
}

/** The failed and unknown orders, a few of each, and what to do about them. */
export function attentionLines(journal: Journal, run: RunRecord, counts: Record<OrderState, number>, hint: string, t: Translate = ENGLISH): string[] {
  const lines: string[] = []
  if (counts.failed > 0) {
    lines.push(t('cli.notCreated', { count: counts.failed }))
    lines.push(...orderLines(journal, run.id, 'failed', counts.failed, t))
    const file = `run-${run.id}-failed.csv`
    lines.push(t('cli.toFix', { run: run.id, file, hint }))
  }
  if (counts.sending > 0) {
    lines.push(t('cli.inFlight', { count: counts.sending }))
    lines.push(...orderLines(journal, run.id, 'sending', counts.sending, t))
    lines.push(t('cli.inFlightResume', { run: run.id, hint }))
  }
  if (counts.unknown > 0) {
    lines.push(t('cli.maybe', { count: counts.unknown }))
    lines.push(...orderLines(journal, run.id, 'unknown', counts.unknown, t))
    lines.push(t('cli.checkEach', { run: run.id, hint }))
  }
  lines.push(...statusStepLines(journal, run, hint, t))
  return lines
}

function orderLines(journal: Journal, runId: number, state: OrderState, total: number, t: Translate): string[] {
  const lines = ordersInState(journal, runId, state, LIST_LIMIT).map(({ order, rows }) => `  ${orderLine(order, rows, t)}`)
  if (total > LIST_LIMIT) lines.push(t('cli.moreInExport', { count: total - LIST_LIMIT }))
  return lines
}

export function orderLine(order: OrderRecord, sheetRows: readonly number[], t: Translate = ENGLISH): string {
  const rows = describeRows(sheetRows, t)
  const code = order.errorCode === ROW_ERRORS_CODE ? t('cli.sheetErrorsCode') : order.errorCode === null ? '' : `${order.errorCode}: `
  const email = order.email ? ` ${order.email}` : ''
  return `#${order.ordinal} (${rows})${email}: ${code}${order.errorText === null ? t('cli.noDetails') : storedText(t, order.errorText)}`
}
