// Table rows (snake_case, JSON text) to records (camelCase, parsed values), and back for the
// columns the state machine writes.
import { msg, type Message } from '#shared/i18n/message'
import { JournalError } from './errors'
import { damagedRefusal } from './refusals'
import type {
  AttemptOutcome,
  AttemptRecord,
  OrderRecord,
  OrderRowRecord,
  OrderState,
  Payload,
  ResolvedBy,
  RunRecord,
  RunSettings,
  RunStatus
} from './types'

export interface RunRow {
  id: number
  created_at: number
  source_name: string
  source_hash: string
  source_size: number
  sheet: string | null
  mapping: string
  settings: string
  destination: string
  status: RunStatus
  finished_at: number | null
  note: string | null
}

export interface OrderRow {
  id: number
  run_id: number
  ordinal: number
  group_key: string | null
  fingerprint: string
  payload: string
  email: string
  state: OrderState
  bill_id: number | null
  existed: number
  error_code: number | string | null
  error_text: string | null
  attempts: number
  next_attempt_at: number
  sent_at: number | null
  finished_at: number | null
  skip_reason: string | null
  resolved_by: ResolvedBy | null
}

export interface OrderRowsRow {
  order_id: number
  sheet_row: number
  row: string
}

export interface AttemptRow {
  id: number
  order_id: number
  started_at: number
  finished_at: number | null
  outcome: AttemptOutcome | null
  http_status: number | null
  error_code: number | string | null
  error_text: string | null
  raw: string | null
  raw_size: number | null
  note: string | null
}

export function toRunRecord(path: string, row: RunRow): RunRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    sourceName: row.source_name,
    sourceHash: row.source_hash,
    sourceSize: row.source_size,
    sheet: row.sheet,
    mapping: parseJson(path, row.mapping, msg('journal.unreadable.mapping', { runId: row.id })),
    settings: parseJson(path, row.settings, msg('journal.unreadable.settings', { runId: row.id })) as RunSettings,
    destination: row.destination,
    status: row.status,
    finishedAt: row.finished_at,
    note: row.note
  }
}

export function toOrderRecord(path: string, row: OrderRow): OrderRecord {
  return {
    id: row.id,
    runId: row.run_id,
    ordinal: row.ordinal,
    groupKey: row.group_key,
    fingerprint: row.fingerprint,
    payload: parsePayload(path, row),
    email: row.email,
    state: row.state,
    billId: row.bill_id,
    existed: row.existed === 1,
    errorCode: row.error_code,
    errorText: row.error_text,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    finishedAt: row.finished_at,
    skipReason: row.skip_reason,
    resolvedBy: row.resolved_by
  }
}

/** The columns `writeOrderState` sets, named as its parameters. */
export function orderStateParams(order: OrderRecord): Record<string, string | number | null> {
  return {
    id: order.id,
    state: order.state,
    billId: order.billId,
    existed: order.existed ? 1 : 0,
    errorCode: order.errorCode,
    errorText: order.errorText,
    attempts: order.attempts,
    nextAttemptAt: order.nextAttemptAt,
    sentAt: order.sentAt,
    finishedAt: order.finishedAt,
    skipReason: order.skipReason,
    resolvedBy: order.resolvedBy
  }
}

export function toOrderRowRecord(path: string, row: OrderRowsRow): OrderRowRecord {
  const what = msg('journal.unreadable.sheetRow', { row: row.sheet_row, orderId: row.order_id })
  const cells = parseJson(path, row.row, what)
  if (!Array.isArray(cells)) throw damaged(path, what)
  return { orderId: row.order_id, sheetRow: row.sheet_row, cells }
}

export function toAttemptRecord(row: AttemptRow): AttemptRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    httpStatus: row.http_status,
    errorCode: row.error_code,
    errorText: row.error_text,
    raw: row.raw,
    rawSize: row.raw_size,
    note: row.note
  }
}

/** The payload is what will be signed and sent: check its shape rather than trust the file. */
function parsePayload(path: string, row: OrderRow): Payload {
  const what = msg('journal.unreadable.payload', { ordinal: row.ordinal, runId: row.run_id })
  const value = parseJson(path, row.payload, what)
  const ok = Array.isArray(value) && value.every(
    (pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string'
  )
  if (!ok) throw damaged(path, what)
  return value as Payload
}

function parseJson(path: string, text: string, what: Message): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw damaged(path, what, cause)
  }
}

function damaged(path: string, what: Message, cause?: unknown): JournalError {
  return new JournalError('damaged', path, damagedRefusal(path, what), { cause })
}
