// One plain line for each thing that happens to a single order while a run is sent. Created
// orders are only counted (the progress line shows them); everything that needs a person is
// printed as it happens.
import type { SendEvent } from '../../sender/send-run'
import { describeRows } from '../../ops/describe-rows'

export interface EventContext {
  runId: number
  /** The sheet rows of an order, for "Order #3 (row 4)". */
  rowsOf: (orderId: number) => number[]
  /** Appended to suggested commands (" --sandbox", " --journal x.sqlite"). */
  hint: string
}

export function eventLine(event: SendEvent, ctx: EventContext): string | null {
  const order = (orderId: number, ordinal: number) => `Order #${ordinal} (${describeRows(ctx.rowsOf(orderId))})`
  switch (event.kind) {
    case 'created':
      return event.existed ? `${order(event.orderId, event.ordinal)}: the shop already had it (bill ${event.billId}); it was not created twice.` : null
    case 'failed':
      return `${order(event.orderId, event.ordinal)}: not created: ${codeText(event.code)}${event.message}`
    case 'unknown':
      return (
        `${order(event.orderId, event.ordinal)}: no clear answer (${trimDot(event.reason)}); it may exist in the shop, so it will not be sent ` +
        'again until it is checked.'
      )
    case 'retry':
      return `${order(event.orderId, event.ordinal)}: not sent (${trimDot(event.reason)}); trying again in ${seconds(event.delayMs)}.`
    case 'backoff':
      return `The API asks to slow down (${event.code} ${event.text}); waiting ${seconds(event.delayMs)}, then sending at ${round(event.rate)} per second.`
    case 'reconciled':
      return reconciledLine(event, order(event.orderId, event.ordinal), ctx)
    case 'stop':
      // The summary says it, with what to do next.
      return null
  }
}

function reconciledLine(event: Extract<SendEvent, { kind: 'reconciled' }>, who: string, ctx: EventContext): string {
  if (event.result === 'created') return `${who}: found in the shop (bill ${event.billId ?? '?'}); counted as created. ${event.note}`.trim()
  if (event.result === 'absent') return `${who}: not in the shop; it will be sent again. ${event.note}`.trim()
  return (
    `${who}: could not tell whether it is in the shop (${trimDot(event.note)}). Check it there, then run ` +
    `"orderbatch resolve ${ctx.runId} --order ${event.ordinal} --bill-id ID${ctx.hint}" or "... --absent${ctx.hint}".`
  )
}

function codeText(code: number | string | null): string {
  return code === null || code === '' ? '' : `${code}: `
}

function trimDot(text: string): string {
  return text.trim().replace(/\.+$/, '')
}

function seconds(ms: number): string {
  const s = Math.max(0, ms) / 1000
  return s < 10 ? `${Math.round(s * 10) / 10} s` : `${Math.round(s)} s`
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
