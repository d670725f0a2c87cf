// Journal records as the renderer sees them: run summaries, run orders, and the live log line
// for each sender event.
import type { RunOrder, RunSummary, SendLogEvent } from '#shared/ipc/contract'
import type { Cell } from '#shared/sheet/sheet'
import type { Journal, OrderRecord, OrderState, RunRecord } from '../journal'
import { readRunInfo } from '../journal'
import { runStatus, totalOf } from '../ops/run-status'
import type { SendEvent } from '../sender/send-run'
import { gridText } from './sheet-text'
import { englishOf, msg, storedNote, type Message } from '#shared/i18n/message'

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
    note: run.note === null ? null : storedNote(run.note),
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
  // Deleted afterwards, and what was done with it: the export's own SQL (journal/after-note.ts).
  const after = journal.orderAfter(order.id)
  if (after.deleted) view.deleted = true
  if (after.note !== null) view.note = after.note
  if (editable && info.source) {
    const headers = info.source.headers
    view.sheet = { headers, rows: rows.map((r) => ({ row: r.sheetRow, cells: headers.map((_h, c) => gridText(r.cells[c] as Cell | undefined)) })) }
  }
  return view
}

export function sendLogEvent(runId: number, at: number, event: SendEvent): SendLogEvent {
  const ordinal = 'ordinal' in event ? event.ordinal : null
  const message = sendLogMessage(event)
  return { runId, at, kind: event.kind, ordinal, text: englishOf(message), key: message.key, ...(message.params ? { params: message.params } : {}) }
}

export function sendLogText(event: SendEvent): string {
  return englishOf(sendLogMessage(event))
}

/** The live log line of a sender event; the sender's and the shop's own texts inside as they are. */
export function sendLogMessage(event: SendEvent): Message {
  switch (event.kind) {
    case 'created':
      return msg(event.existed ? 'log.existed' : 'log.created', { ordinal: event.ordinal, bill: event.billId })
    case 'failed':
      return msg('log.failed', { ordinal: event.ordinal, message: event.said ?? event.message })
    case 'unknown':
      return event.reasonWhy ? msg('log.unknownWhy', { ordinal: event.ordinal, reason: event.reasonWhy }) : msg('log.unknown', { ordinal: event.ordinal, reason: trimDot(event.reason) })
    case 'retry':
      return msg('log.retry', { ordinal: event.ordinal, delay: seconds(event.delayMs), reason: event.reasonWhy ?? event.reason })
    case 'backoff':
      return msg('log.backoff', { text: event.text, code: event.code, delay: seconds(event.delayMs), rate: event.rate })
    case 'reconciled':
      if (event.result === 'created') return msg('log.found', { ordinal: event.ordinal, bill: event.billId ?? '?', note: event.said ?? event.note })
      if (event.result === 'absent') return msg('log.absent', { ordinal: event.ordinal, note: event.said ?? event.note })
      return msg('log.undecided', { ordinal: event.ordinal, note: event.said ?? event.note })
    case 'stop':
      return event.said ?? msg('error.asIs', { text: event.message })
    case 'status-done':
      return msg(event.already ? 'log.statusAlready' : 'log.statusDone', { ordinal: event.ordinal, bill: event.billId, status: statusWord(event.status) })
    case 'status-failed':
      return msg('log.statusFailed', { ordinal: event.ordinal, bill: event.billId, status: statusWord(event.status), message: event.said ?? event.message })
    case 'status-unknown':
      return event.reasonWhy ? msg('log.statusUnknownWhy', { ordinal: event.ordinal, bill: event.billId, status: statusWord(event.status), reason: event.reasonWhy }) : msg('log.statusUnknown', { ordinal: event.ordinal, bill: event.billId, status: statusWord(event.status), reason: trimDot(event.reason) })
    case 'status-retry':
      return msg('log.statusRetry', { ordinal: event.ordinal, delay: seconds(event.delayMs), reason: event.reason })
    case 'status-checked':
      if (event.result === 'done') return msg('log.statusFound', { ordinal: event.ordinal, note: event.note })
      if (event.result === 'absent') return msg('log.statusAbsent', { ordinal: event.ordinal, note: event.note })
      return msg('log.statusUndecided', { ordinal: event.ordinal, note: event.note })
  }
}

function statusWord(status: string): Message {
  return msg(`status.${status}` as 'status.paid')
}

/** "2.5 s" under ten seconds, "12 s" from ten on, in the reader's digits. */
function seconds(ms: number): Message {
  const s = Math.max(0, ms) / 1000
  return s < 10 ? msg('log.secondsTenths', { value: s }) : msg('log.seconds', { value: Math.round(s) })
}

function trimDot(text: string): string {
  return text.replace(/\.\s*$/, '')
}
