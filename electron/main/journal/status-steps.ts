// The second step of a paid, cancelled or returned order: UpdateOrderStatus(bill_id, status,
// date) once CreateOrder gave the order its bill id (issue 12 §2). Journaled like the first step,
// in tables of its own (migration 6), so a created order stays final:
//   pending --beginStatusAttempt--> sending        (intent on disk before the request)
//   sending --done / already--> done               (final)
//   sending --failed--> failed --requeueStatus--> pending   (retried alone)
//   sending --retry / backoff / stop--> pending    (definitely not applied; due at nextAttemptAt)
//   sending --unknown--> unknown                   (may have been applied: look it up first)
//   unknown --resolveStatus(done)--> done,  unknown --resolveStatus(absent)--> pending
//   at open / before a run: 'sending' becomes 'unknown'.
// A step is due only when its order is created ('succeeded') and was not deleted since.
// Statements are prepared on first use: a journal opened with an older schema never needs them.
import type { Statement } from 'better-sqlite3'
import type { JournalContext } from './context'
import { JournalStateError } from './errors'
import { capRaw } from './raw'
import { msg, storedMessage } from '#shared/i18n/message'
import { journalStep } from './journal-step'

export const STATUS_STEP_STATES = ['pending', 'sending', 'done', 'failed', 'unknown'] as const
export type StatusStepState = (typeof STATUS_STEP_STATES)[number]
export type StepStatus = 'paid' | 'cancel' | 'return'

export interface StatusStepInput {
  status: StepStatus
  /** Unix seconds for UpdateOrderStatus `date`; null: the time of sending. */
  date: number | null
}

export interface StatusStepRecord {
  orderId: number
  runId: number
  ordinal: number
  /** The order's bill id once it is created. */
  billId: number | null
  /** The order's own state (the step is due only once it is 'succeeded'). */
  orderState: string
  status: StepStatus
  date: number | null
  state: StatusStepState
  attempts: number
  nextAttemptAt: number
  errorCode: number | string | null
  errorText: string | null
  sentAt: number | null
  finishedAt: number | null
  resolvedBy: 'api' | 'check' | 'user' | null
}

export interface StatusAttemptRecord {
  id: number
  orderId: number
  startedAt: number
  finishedAt: number | null
  outcome: string | null
  httpStatus: number | null
  errorCode: number | string | null
  errorText: string | null
  raw: string | null
  note: string | null
}

export type StatusOutcome =
  /** Code 0; `already`: the shop showed the status before (a second "paid"). */
  | { kind: 'done'; already?: boolean; raw?: string | null; httpStatus?: number | null; note?: string }
  | { kind: 'failed'; code: number | string | null; text: string; raw?: string | null; httpStatus?: number | null }
  /** Definitely not applied: pending again, due at `nextAttemptAt`. */
  | { kind: 'retry' | 'backoff' | 'stop'; reason: string; nextAttemptAt: number; code?: number | string | null; raw?: string | null; httpStatus?: number | null }
  | { kind: 'unknown'; reason: string; raw?: string | null; httpStatus?: number | null }

interface StepRow {
  order_id: number
  run_id: number
  ordinal: number
  bill_id: number | null
  order_state: string
  status: StepStatus
  date: number | null
  state: StatusStepState
  attempts: number
  next_attempt_at: number
  error_code: number | string | null
  error_text: string | null
  sent_at: number | null
  finished_at: number | null
  resolved_by: StatusStepRecord['resolvedBy']
}

interface StepStatements {
  insert: Statement
  get: Statement
  byRun: Statement
  due: Statement
  dueTime: Statement
  counts: Statement
  begin: Statement
  insertAttempt: Statement
  closeAttempt: Statement
  setState: Statement
  abandonAttempts: Statement
  abandon: Statement
  attempts: Statement
  inRun: Statement
  any: Statement
  remaining: Statement
}

const SELECT = `SELECT s.*, o.run_id, o.ordinal, o.bill_id, o.state AS order_state
                FROM order_status_steps s JOIN orders o ON o.id = s.order_id`
const CREATED = `o.state = 'succeeded' AND NOT EXISTS (SELECT 1 FROM order_deletions d WHERE d.order_id = o.id)`

const prepared = new WeakMap<JournalContext, StepStatements>()

function statements(ctx: JournalContext): StepStatements {
  let st = prepared.get(ctx)
  if (st === undefined) {
    const p = (sql: string): Statement => ctx.db.prepare(sql)
    st = {
      insert: p('INSERT INTO order_status_steps (order_id, status, date) VALUES (?, ?, ?)'),
      get: p(`${SELECT} WHERE s.order_id = ?`),
      byRun: p(`${SELECT} WHERE o.run_id = ? ORDER BY o.ordinal`),
      due: p(`${SELECT} WHERE o.run_id = @runId AND s.state = 'pending' AND s.next_attempt_at <= @now AND ${CREATED}
              ORDER BY s.next_attempt_at, o.ordinal LIMIT @limit`),
      dueTime: p(`SELECT min(s.next_attempt_at) FROM order_status_steps s JOIN orders o ON o.id = s.order_id
                  WHERE o.run_id = ? AND s.state = 'pending' AND ${CREATED}`).pluck(),
      counts: p(`SELECT s.state AS state, count(*) AS n FROM order_status_steps s JOIN orders o ON o.id = s.order_id
                 WHERE o.run_id = ? AND ${CREATED} GROUP BY s.state`),
      begin: p(`UPDATE order_status_steps SET state = 'sending', attempts = attempts + 1, sent_at = @at WHERE order_id = @orderId`),
      insertAttempt: p('INSERT INTO status_attempts (order_id, started_at) VALUES (?, ?)'),
      closeAttempt: p(`UPDATE status_attempts SET finished_at = @at, outcome = @outcome, http_status = @httpStatus, error_code = @code,
                       error_text = @text, raw = @raw, raw_size = @rawSize, note = @note WHERE id = @attemptId AND order_id = @orderId`),
      setState: p(`UPDATE order_status_steps SET state = @state, error_code = @code, error_text = @text, next_attempt_at = @next,
                   finished_at = @finishedAt, resolved_by = @by WHERE order_id = @orderId`),
      abandonAttempts: p(`UPDATE status_attempts SET finished_at = @at, outcome = 'unknown', note = @note
                          WHERE outcome IS NULL AND order_id IN (SELECT order_id FROM order_status_steps WHERE state = 'sending'
                          AND (@runId IS NULL OR order_id IN (SELECT id FROM orders WHERE run_id = @runId)))`),
      abandon: p(`UPDATE order_status_steps SET state = 'unknown', error_code = NULL, error_text = @note
                  WHERE state = 'sending' AND (@runId IS NULL OR order_id IN (SELECT id FROM orders WHERE run_id = @runId))`),
      attempts: p('SELECT * FROM status_attempts WHERE order_id = ? ORDER BY id'),
      inRun: p(`${SELECT} WHERE o.run_id = ? AND s.state IN (SELECT value FROM json_each(?)) ORDER BY o.ordinal`),
      any: p(`SELECT 1 FROM order_status_steps s JOIN orders o ON o.id = s.order_id WHERE o.run_id = ? LIMIT 1`).pluck(),
      remaining: p(`SELECT count(*) FROM order_status_steps s JOIN orders o ON o.id = s.order_id
                    WHERE o.run_id = ? AND (o.state IN ('pending', 'sending', 'unknown')
                      OR (o.state = 'succeeded' AND s.state IN ('pending', 'sending', 'unknown')))`).pluck()
    }
    prepared.set(ctx, st)
  }
  return st
}

/** Whether this journal has the tables (a test may open it with an older schema list). */
export function hasStatusSteps(ctx: JournalContext): boolean {
  return ctx.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'order_status_steps'").get() !== undefined
}

/** Inside the staging transaction: the order's second step, waiting for the order. */
export function insertStatusStep(ctx: JournalContext, orderId: number, step: StatusStepInput): void {
  statements(ctx).insert.run(orderId, step.status, step.date)
}

export function checkStatusStep(step: unknown): string | null {
  if (typeof step !== 'object' || step === null) return 'its status step must be an object'
  const { status, date } = step as Record<string, unknown>
  if (status !== 'paid' && status !== 'cancel' && status !== 'return') return 'its status must be paid, cancel or return'
  if (date !== null && !(typeof date === 'number' && Number.isSafeInteger(date) && date > 0)) return 'its payment date must be unix seconds or empty'
  return null
}

function toRecord(row: StepRow): StatusStepRecord {
  return {
    orderId: row.order_id,
    runId: row.run_id,
    ordinal: row.ordinal,
    billId: row.bill_id,
    orderState: row.order_state,
    status: row.status,
    date: row.date,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    errorCode: row.error_code,
    errorText: row.error_text,
    sentAt: row.sent_at,
    finishedAt: row.finished_at,
    resolvedBy: row.resolved_by
  }
}

export function getStatusStep(ctx: JournalContext, orderId: number): StatusStepRecord | null {
  const row = ctx.read(journalStep('journal.step.readStatusStep'), () => statements(ctx).get.get(orderId) as StepRow | undefined)
  return row === undefined ? null : toRecord(row)
}

/** Every status step of the run, by order id. */
export function statusSteps(ctx: JournalContext, runId: number): Map<number, StatusStepRecord> {
  if (!hasStatusSteps(ctx)) return new Map()
  const rows = ctx.read(journalStep('journal.step.readStatusSteps', { runId }), () => statements(ctx).byRun.all(runId) as StepRow[])
  return new Map(rows.map((row) => [row.order_id, toRecord(row)]))
}

/** The run's steps in these states, in file order. */
export function statusStepsIn(ctx: JournalContext, runId: number, states: readonly StatusStepState[]): StatusStepRecord[] {
  if (!hasStatusSteps(ctx)) return []
  const rows = ctx.read(journalStep('journal.step.readStatusSteps', { runId }), () => statements(ctx).inRun.all(runId, JSON.stringify(states)) as StepRow[])
  return rows.map(toRecord)
}

/** Steps of created orders that are due now, earliest first. */
export function nextDueStatusSteps(ctx: JournalContext, runId: number, now: number, limit: number): StatusStepRecord[] {
  if (!hasStatusSteps(ctx)) return []
  const rows = ctx.read(journalStep('journal.step.readDueStatusSteps', { runId }), () => statements(ctx).due.all({ runId, now: Math.floor(now), limit }) as StepRow[])
  return rows.map(toRecord)
}

/** When the next step of a created order is due (epoch ms), or null when none waits. */
export function nextStatusDueTime(ctx: JournalContext, runId: number): number | null {
  if (!hasStatusSteps(ctx)) return null
  const value = ctx.read(journalStep('journal.step.readStatusSteps', { runId }), () => statements(ctx).dueTime.get(runId) as number | null)
  return value ?? null
}

/** Whether the run has any status step at all (the sender skips the step queries otherwise). */
export function runHasStatusSteps(ctx: JournalContext, runId: number): boolean {
  if (!hasStatusSteps(ctx)) return false
  return ctx.read(journalStep('journal.step.readStatusSteps', { runId }), () => statements(ctx).any.get(runId) !== undefined)
}

/** UpdateOrderStatus calls still to make: steps of orders not sent yet (or unclear), and steps of
 * created orders that wait or are unclear. */
export function remainingStatusCalls(ctx: JournalContext, runId: number): number {
  if (!hasStatusSteps(ctx)) return 0
  return ctx.read(journalStep('journal.step.countStatusSteps', { runId }), () => Number(statements(ctx).remaining.get(runId)))
}

/** Steps of created orders, per state. */
export function statusStepCounts(ctx: JournalContext, runId: number): Record<StatusStepState, number> {
  const counts: Record<StatusStepState, number> = { pending: 0, sending: 0, done: 0, failed: 0, unknown: 0 }
  if (!hasStatusSteps(ctx)) return counts
  const rows = ctx.read(journalStep('journal.step.countStatusSteps', { runId }), () => statements(ctx).counts.all(runId) as Array<{ state: StatusStepState; n: number }>)
  for (const row of rows) counts[row.state] = row.n
  return counts
}

function loadStep(ctx: JournalContext, orderId: number): StatusStepRecord {
  const row = statements(ctx).get.get(orderId) as StepRow | undefined
  if (row === undefined) throw new JournalStateError(ctx.path, msg('journal.noStatusStep', { orderId }), orderId)
  return toRecord(row)
}

type StatusAction = 'send' | 'answer' | 'decide' | 'retry'

function refuse(ctx: JournalContext, step: StatusStepRecord, action: StatusAction): never {
  const said = msg('journal.statusCannot', {
    action: msg(`journal.statusAction.${action}`),
    ordinal: step.ordinal,
    runId: step.runId,
    state: msg(`journal.statusState.${step.state}`)
  })
  throw new JournalStateError(ctx.path, said, step.orderId)
}

/** The intent: written (and flushed) before the request goes out. Returns the attempt id and the
 * step as it is to be sent. */
export function beginStatusAttempt(ctx: JournalContext, orderId: number): { attemptId: number; step: StatusStepRecord } {
  return ctx.write(journalStep('journal.step.beginStatusStep', { orderId }), () => {
    const step = loadStep(ctx, orderId)
    if (step.state !== 'pending') refuse(ctx, step, 'send')
    if (step.orderState !== 'succeeded' || step.billId === null) {
      throw new JournalStateError(ctx.path, msg('journal.statusNotCreated', { ordinal: step.ordinal, runId: step.runId }), orderId)
    }
    const st = statements(ctx)
    const at = ctx.now()
    st.begin.run({ orderId, at })
    const attemptId = Number(st.insertAttempt.run(orderId, at).lastInsertRowid)
    return { attemptId, step: { ...step, state: 'sending', attempts: step.attempts + 1, sentAt: at } }
  })
}

/** What the request came to, in one commit with its attempt. */
export function recordStatusOutcome(ctx: JournalContext, orderId: number, attemptId: number, outcome: StatusOutcome): StatusStepRecord {
  return ctx.write(journalStep('journal.step.recordStatusStep', { orderId }), () => {
    const step = loadStep(ctx, orderId)
    if (step.state !== 'sending') refuse(ctx, step, 'answer')
    const st = statements(ctx)
    const at = ctx.now()
    const { raw, rawSize } = capRaw(outcome.raw)
    const httpStatus = outcome.httpStatus ?? null
    const attempt = { attemptId, orderId, at, httpStatus, raw, rawSize }
    switch (outcome.kind) {
      case 'done':
        st.closeAttempt.run({ ...attempt, outcome: outcome.already === true ? 'already' : 'done', code: 0, text: null, note: outcome.note ?? null })
        st.setState.run({ orderId, state: 'done', code: null, text: null, next: step.nextAttemptAt, finishedAt: at, by: 'api' })
        break
      case 'failed':
        st.closeAttempt.run({ ...attempt, outcome: 'failed', code: outcome.code, text: outcome.text, note: null })
        st.setState.run({ orderId, state: 'failed', code: outcome.code, text: outcome.text, next: step.nextAttemptAt, finishedAt: at, by: 'api' })
        break
      case 'retry':
      case 'backoff':
      case 'stop':
        st.closeAttempt.run({ ...attempt, outcome: outcome.kind, code: outcome.code ?? null, text: outcome.reason, note: null })
        st.setState.run({ orderId, state: 'pending', code: outcome.code ?? null, text: outcome.reason, next: Math.floor(outcome.nextAttemptAt), finishedAt: null, by: null })
        break
      case 'unknown':
        st.closeAttempt.run({ ...attempt, outcome: 'unknown', code: null, text: outcome.reason, note: null })
        st.setState.run({ orderId, state: 'unknown', code: null, text: outcome.reason, next: step.nextAttemptAt, finishedAt: null, by: null })
        break
    }
    return loadStep(ctx, orderId)
  })
}

/** An unclear step decided: the order has the status ('done'), or it does not ('absent': pending
 * again, so it is sent). `by` 'check' is a getOrderDetails lookup, 'user' a person's finding. */
export function resolveStatus(ctx: JournalContext, orderId: number, input: { result: 'done' | 'absent'; by: 'check' | 'user'; note: string }): StatusStepRecord {
  return ctx.write(journalStep('journal.step.decideStatusStep', { orderId }), () => {
    const step = loadStep(ctx, orderId)
    if (step.state !== 'unknown' && !(input.by === 'user' && input.result === 'done' && step.state === 'failed')) refuse(ctx, step, 'decide')
    const st = statements(ctx)
    const at = ctx.now()
    const attemptId = Number(st.insertAttempt.run(orderId, at).lastInsertRowid)
    const outcome = input.by === 'user' ? (input.result === 'done' ? 'user-done' : 'checked-absent') : input.result === 'done' ? 'checked-done' : 'checked-absent'
    st.closeAttempt.run({ attemptId, orderId, at, httpStatus: null, raw: null, rawSize: null, outcome, code: null, text: null, note: input.note })
    if (input.result === 'done') st.setState.run({ orderId, state: 'done', code: null, text: null, next: step.nextAttemptAt, finishedAt: at, by: input.by })
    else st.setState.run({ orderId, state: 'pending', code: null, text: null, next: at, finishedAt: null, by: null })
    return loadStep(ctx, orderId)
  })
}

/** A failed step back in the queue, to be sent again alone (the order itself stays created). */
export function requeueStatus(ctx: JournalContext, orderId: number): StatusStepRecord {
  return ctx.write(journalStep('journal.step.requeueStatusStep', { orderId }), () => {
    const step = loadStep(ctx, orderId)
    if (step.state !== 'failed') refuse(ctx, step, 'retry')
    const st = statements(ctx)
    const at = ctx.now()
    const attemptId = Number(st.insertAttempt.run(orderId, at).lastInsertRowid)
    st.closeAttempt.run({ attemptId, orderId, at, httpStatus: null, raw: null, rawSize: null, outcome: 'requeued', code: null, text: null, note: storedMessage(msg('statusNote.requeued')) })
    st.setState.run({ orderId, state: 'pending', code: step.errorCode, text: step.errorText, next: at, finishedAt: null, by: null })
    return loadStep(ctx, orderId)
  })
}

/** Steps left 'sending' (a crash, or a sender that stopped on a storage error) become 'unknown':
 * the request may have reached the shop. `runId` null: every run (at open). */
export function abandonStatusSending(ctx: JournalContext, runId: number | null, note: string): number {
  if (!hasStatusSteps(ctx)) return 0
  return ctx.write(journalStep('journal.step.recoverStatusSteps'), () => {
    const st = statements(ctx)
    st.abandonAttempts.run({ at: ctx.now(), note, runId })
    return Number(st.abandon.run({ note, runId }).changes)
  })
}

export function statusAttempts(ctx: JournalContext, orderId: number): StatusAttemptRecord[] {
  if (!hasStatusSteps(ctx)) return []
  const rows = ctx.read(journalStep('journal.step.readStatusAttempts'), () => statements(ctx).attempts.all(orderId) as Array<Record<string, unknown>>)
  return rows.map((row) => ({
    id: row['id'] as number,
    orderId: row['order_id'] as number,
    startedAt: row['started_at'] as number,
    finishedAt: (row['finished_at'] as number | null) ?? null,
    outcome: (row['outcome'] as string | null) ?? null,
    httpStatus: (row['http_status'] as number | null) ?? null,
    errorCode: (row['error_code'] as number | string | null) ?? null,
    errorText: (row['error_text'] as string | null) ?? null,
    raw: (row['raw'] as string | null) ?? null,
    note: (row['note'] as string | null) ?? null
  }))
}
