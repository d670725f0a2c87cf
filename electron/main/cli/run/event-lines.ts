// One plain line for each thing that happens to a single order while a run is sent. Created
// orders are only counted (the progress line shows them); everything that needs a person is
// printed as it happens.
import type { SendEvent } from '../../sender/send-run'
import type { Translate } from '#shared/i18n/translate'
import { describeRows } from '../../ops/describe-rows'
import { ENGLISH } from '../lang'
import { renderMessage } from '#shared/i18n/message'

export interface EventContext {
  runId: number
  /** The sheet rows of an order, for "Order #3 (row 4)". */
  rowsOf: (orderId: number) => number[]
  /** Appended to suggested commands (" --sandbox", " --journal x.sqlite"). */
  hint: string
}

export function eventLine(event: SendEvent, ctx: EventContext, t: Translate = ENGLISH): string | null {
  const order = (orderId: number, ordinal: number) => t('cli.event.order', { ordinal, rows: describeRows(ctx.rowsOf(orderId), t) })
  switch (event.kind) {
    case 'created':
      return event.existed ? t('cli.event.existed', { order: order(event.orderId, event.ordinal), bill: event.billId }) : null
    case 'failed':
      return t('cli.event.failed', { order: order(event.orderId, event.ordinal), code: codeText(event.code), message: event.said ? renderMessage(t, event.said) : event.message })
    case 'unknown':
      return t('cli.event.unknown', { order: order(event.orderId, event.ordinal), reason: trimDot(event.reasonWhy ? renderMessage(t, event.reasonWhy) : event.reason) })
    case 'retry':
      return t('cli.event.retry', { order: order(event.orderId, event.ordinal), reason: trimDot(event.reasonWhy ? renderMessage(t, event.reasonWhy) : event.reason), delay: seconds(event.delayMs, t) })
    case 'backoff':
      return t('cli.event.backoff', { code: event.code, text: event.text, delay: seconds(event.delayMs, t), rate: round(event.rate) })
    case 'reconciled':
      return reconciledLine(event, order(event.orderId, event.ordinal), ctx, t)
    case 'stop':
      // The summary says it, with what to do next.
      return null
    case 'status-done':
    case 'status-retry':
      // Counted by the summary; a retry is told only for orders.
      return null
    case 'status-failed':
      return t('cli.event.statusFailed', { order: order(event.orderId, event.ordinal), bill: event.billId, status: statusWord(event.status, t), message: event.said ? renderMessage(t, event.said) : event.message })
    case 'status-unknown':
      return t('cli.event.statusUnknown', { order: order(event.orderId, event.ordinal), bill: event.billId, status: statusWord(event.status, t), reason: trimDot(event.reasonWhy ? renderMessage(t, event.reasonWhy) : event.reason) })
    case 'status-checked':
      return event.result === 'undecided' ? t('cli.event.statusStillUnclear', { order: order(event.orderId, event.ordinal), note: trimDot(renderMessage(t, event.note)) }) : null
  }
}

function reconciledLine(event: Extract<SendEvent, { kind: 'reconciled' }>, who: string, ctx: EventContext, t: Translate): string {
  const note = event.said ? renderMessage(t, event.said) : event.note
  if (event.result === 'created') return t('cli.event.found', { order: who, bill: event.billId ?? '?', note }).trim()
  if (event.result === 'absent') return t('cli.event.absent', { order: who, note }).trim()
  return t('cli.event.unclear', { order: who, note: trimDot(note), run: ctx.runId, ordinal: event.ordinal, hint: ctx.hint })
}

function statusWord(status: string, t: Translate): string {
  return t(`status.${status}` as 'status.paid')
}

function codeText(code: number | string | null): string {
  return code === null || code === '' ? '' : `${code}: `
}

function trimDot(text: string): string {
  return text.trim().replace(/\.+$/, '')
}

function seconds(ms: number, t: Translate): string {
  const s = Math.max(0, ms) / 1000
  return t('cli.seconds', { count: s < 10 ? Math.round(s * 10) / 10 : Math.round(s) })
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
