// Journal records as the renderer sees them: run summaries, run orders, and the live log line
// for each sender event.
import type { RunOrder, RunSummary, SendLogEvent } from '#shared/ipc/contract'
import type { Cell } from '#shared/sheet/sheet'
import type { Journal, OrderRecord, OrderState, RunRecord } from '../journal'
import { readRunInfo } from '../journal'
import { runStatus, totalOf } from '../ops/run-status'
import type { SendEvent } from '../sender/send-run'
import { gridText } from './sheet-text'

export function runSummary(journal: Journal, run: RunRecord, live: { sending: boolean; paused: boolean } | null): RunSummary {
  const status = runStatus(journal, run)
  const counts = countsAsShown(status.counts, live !== null)
  return {
    runId: run.id,
    createdAt: run.createdAt,
    sourceName: run.sourceName,
    status: liveStatus(run.status, live),
    counts,
    total: totalOf(counts),
    login: run.settings.login,
    apiBase: run.settings.apiBase,
    note: run.note,
    rate: run.settings.rate,
    concurrency: run.settings.concurrency,
    sandbox: status.sandbox,
    ...statusCounts(journal, run)
  }
}

/** A run's counts as the user should read them. While the run sends here, 'sending' orders are
 * on their way. Otherwise an order still 'sending' was in flight when the run stopped (a full
 * disk, a fatal answer, the app closing): the shop may have created it, so it counts as unclear
 * (it is looked up before anything is sent again), never as waiting to be sent. */
export function countsAsShown(counts: Record<OrderState, number>, live: boolean): Record<OrderState, number> {
  if (live || counts.sending === 0) return counts
  return { ...counts, unknown: counts.unknown + counts.sending, sending: 0 }
}

/** The journal says 'running' also for a run whose sender is gone (Orderbatch stopped); only a
 * run sending in this process is running. */
function liveStatus(status: RunRecord['status'], live: { sending: boolean; paused: boolean } | null): RunSummary['status'] {
  if (live) return live.paused ? 'paused' : 'running'
  return status === 'running' ? 'paused' : status
}

/** The run's status steps per state, when it has any. */
function statusCounts(journal: Journal, run: RunRecord): Pick<RunSummary, 'statuses'> {
  if (!journal.runHasStatusSteps(run.id)) return {}
  return { statuses: journal.statusStepCounts(run.id) }
}

export function runOrder(journal: Journal, run: RunRecord, order: OrderRecord): RunOrder {
  const rows = journal.orderRows(order.id)
  const info = readRunInfo(run)
  const editable = order.state === 'failed' && run.status !== 'cancelled' && info.mapping !== null && info.source !== null
  const view: RunOrder = {
    ordinal: order.ordinal,
    state: order.state,
    billId: order.billId,
    existed: order.existed,
    errorCode: order.errorCode,
    errorText: order.errorText,
    email: order.email,
    rows: rows.map((r) => r.sheetRow),
    attempts: order.attempts,
    editable
  }
  const step = order.state === 'succeeded' ? journal.getStatusStep(order.id) : null
  if (step !== null) view.statusStep = { status: step.status, state: step.state, errorText: step.errorText }
  if (editable && info.source) {
    const headers = info.source.headers
    view.sheet = { headers, rows: rows.map((r) => ({ row: r.sheetRow, cells: headers.map((_h, c) => gridText(r.cells[c] as Cell | undefined)) })) }
  }
  return view
}

export function sendLogEvent(runId: number, at: number, event: SendEvent): SendLogEvent {
  const ordinal = 'ordinal' in event ? event.ordinal : null
  return { runId, at, kind: event.kind, ordinal, text: sendLogText(event) }
}

export function sendLogText(event: SendEvent): string {
  switch (event.kind) {
    case 'created':
      return event.existed
        ? `Order ${event.ordinal}: the shop already had it (bill ${event.billId}); not created twice.`
        : `Order ${event.ordinal} created: bill ${event.billId}.`
    case 'failed':
      return `Order ${event.ordinal} failed: ${event.message}`
    case 'unknown':
      return `Order ${event.ordinal}: the outcome is unclear (${trimDot(event.reason)}); it will be checked in the shop, never sent blindly again.`
    case 'retry':
      return `Order ${event.ordinal} was not sent; trying again in ${seconds(event.delayMs)}: ${event.reason}`
    case 'backoff':
      return `The API asked to slow down ("${event.text}", code ${event.code}): waiting ${seconds(event.delayMs)}, then ${event.rate.toFixed(2)} orders per second.`
    case 'reconciled':
      if (event.result === 'created') return `Order ${event.ordinal} was found in the shop as bill ${event.billId ?? '?'}: ${event.note}`
      if (event.result === 'absent') return `Order ${event.ordinal} is not in the shop, so it will be sent again: ${event.note}`
      return `Order ${event.ordinal} is still unclear after checking the shop: ${event.note} Decide it in History.`
    case 'stop':
      return event.message
  }
}

function seconds(ms: number): string {
  const s = Math.max(0, ms) / 1000
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`
}

function trimDot(text: string): string {
  return text.replace(/\.\s*$/, '')
}
