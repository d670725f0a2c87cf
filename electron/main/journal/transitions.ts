// The order state machine. Each function is one synchronous IMMEDIATE transaction: it reads the
// order, refuses a transition that is not allowed (JournalStateError, nothing changed), and
// commits the new state together with its attempt record. With synchronous=FULL the commit is
// on disk when the function returns: beginAttempt's intent exists before any byte is sent.
import type { JournalContext } from './context'
import { JournalError, JournalStateError } from './errors'
import { describeOrder, loadOrder, orderMessage, requireState } from './order-guards'
import { capRaw } from './raw'
import { orderStateParams, toOrderRecord } from './records'
import type { OrderRow } from './records'
import { checkStagedOrder, insertOrderRows } from './staged-order'
import { msg } from '#shared/i18n/message'
import type {
  AttemptOutcome,
  CorrectedOrder,
  CreatedOutcome,
  FailedOutcome,
  OrderRecord,
  Payload,
  ResolvedBy,
  RetryOutcome,
  RunStatus,
  UnknownOutcome
} from './types'
import { journalStep } from './journal-step'

export interface BegunAttempt {
  attemptId: number
  payload: Payload
}

/** pending -> sending: the intent, durable before the first byte goes out. */
export function beginAttempt(ctx: JournalContext, orderId: number): BegunAttempt {
  return ctx.write(journalStep('journal.step.recordSending', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['pending'], 'send')
    const runStatus = ctx.st.runStatus.get(order.runId) as RunStatus
    if (runStatus === 'cancelled') {
      throw new JournalStateError(ctx.path, msg('journal.sendCancelled', { order: orderMessage(order), runId: order.runId }), order.id)
    }
    const now = ctx.now()
    const attemptId = Number(ctx.st.insertAttempt.run(order.id, now).lastInsertRowid)
    writeOrder(ctx, { ...order, state: 'sending', attempts: order.attempts + 1, sentAt: now })
    return { attemptId, payload: order.payload }
  })
}

/** sending -> succeeded, with the server's answer in the same commit. */
export function recordCreated(ctx: JournalContext, orderId: number, attemptId: number, outcome: CreatedOutcome): OrderRecord {
  checkBillId(ctx, outcome.billId, `the bill number for order id ${orderId}`)
  return ctx.write(journalStep('journal.step.recordCreated', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['sending'], 'record the answer for')
    finishAttempt(ctx, order, attemptId, {
      outcome: outcome.existed ? 'existed' : 'created',
      httpStatus: outcome.httpStatus,
      errorCode: null,
      errorText: null,
      raw: outcome.raw,
      note: null
    })
    return writeOrder(ctx, {
      ...order,
      state: 'succeeded',
      billId: outcome.billId,
      existed: outcome.existed,
      errorCode: null,
      errorText: null,
      finishedAt: ctx.now(),
      resolvedBy: 'api'
    })
  })
}

/** sending -> failed: the shop refused the order; it can be corrected and requeued. */
export function recordFailed(ctx: JournalContext, orderId: number, attemptId: number, outcome: FailedOutcome): OrderRecord {
  return ctx.write(journalStep('journal.step.recordFailure', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['sending'], 'record the answer for')
    finishAttempt(ctx, order, attemptId, {
      outcome: 'failed',
      httpStatus: outcome.httpStatus ?? null,
      errorCode: outcome.code,
      errorText: outcome.text,
      raw: outcome.raw,
      note: null
    })
    return writeOrder(ctx, {
      ...order,
      state: 'failed',
      errorCode: outcome.code,
      errorText: outcome.text,
      finishedAt: ctx.now(),
      resolvedBy: 'api'
    })
  })
}

/** sending -> pending: definitely not sent (or rate limited); due again at `nextAttemptAt`. */
export function recordRetry(ctx: JournalContext, orderId: number, attemptId: number, outcome: RetryOutcome): OrderRecord {
  checkTime(ctx, outcome.nextAttemptAt, 'nextAttemptAt')
  return ctx.write(journalStep('journal.step.requeueOrder', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['sending'], 'record the answer for')
    finishAttempt(ctx, order, attemptId, {
      outcome: outcome.kind ?? 'retry',
      httpStatus: outcome.httpStatus ?? null,
      errorCode: outcome.code ?? null,
      errorText: outcome.reason,
      raw: outcome.raw ?? null,
      note: null
    })
    return writeOrder(ctx, {
      ...order,
      state: 'pending',
      errorCode: outcome.code ?? null,
      errorText: outcome.reason,
      nextAttemptAt: outcome.nextAttemptAt
    })
  })
}

/** sending -> unknown: the shop may have created it. Never sent again until resolved. */
export function recordUnknown(ctx: JournalContext, orderId: number, attemptId: number, outcome: UnknownOutcome): OrderRecord {
  return ctx.write(journalStep('journal.step.recordUnclear', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['sending'], 'record the answer for')
    finishAttempt(ctx, order, attemptId, {
      outcome: 'unknown',
      httpStatus: outcome.httpStatus ?? null,
      errorCode: outcome.code ?? null,
      errorText: outcome.reason,
      raw: outcome.raw ?? null,
      note: null
    })
    return writeOrder(ctx, { ...order, state: 'unknown', errorCode: outcome.code ?? null, errorText: outcome.reason })
  })
}

export interface ResolveCreatedInput {
  billId: number
  by: Exclude<ResolvedBy, 'api'>
  note?: string
}

/** unknown -> succeeded: the order was found in the shop (by reconciliation or by the user). */
export function resolveCreated(ctx: JournalContext, orderId: number, input: ResolveCreatedInput): OrderRecord {
  checkBillId(ctx, input.billId, `the bill number for order id ${orderId}`)
  checkResolver(ctx, input.by)
  return ctx.write(journalStep('journal.step.markCreated', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['unknown'], 'mark as created')
    const holder = ctx.st.billHolder.get({ billId: input.billId, orderId: order.id, runId: order.runId }) as OrderRow | undefined
    if (holder !== undefined) {
      throw new JournalStateError(
        ctx.path,
        msg('journal.billTaken', { bill: input.billId, order: orderMessage(order), holder: orderMessage(toOrderRecord(ctx.path, holder)) }),
        order.id
      )
    }
    recordResolution(ctx, order, input.by === 'user' ? 'user-created' : 'reconciled-created', input.note)
    return writeOrder(ctx, {
      ...order,
      state: 'succeeded',
      billId: input.billId,
      existed: false,
      errorCode: null,
      errorText: null,
      finishedAt: ctx.now(),
      resolvedBy: input.by
    })
  })
}

/** unknown -> pending: proven absent from the shop, so sending it again is safe. */
export function resolveAbsent(ctx: JournalContext, orderId: number, input: { by: Exclude<ResolvedBy, 'api'>; note?: string }): OrderRecord {
  checkResolver(ctx, input.by)
  return ctx.write(journalStep('journal.step.requeueOrder', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['unknown'], 'mark as absent from the shop')
    recordResolution(ctx, order, input.by === 'user' ? 'user-absent' : 'reconciled-absent', input.note)
    return writeOrder(ctx, { ...order, state: 'pending', nextAttemptAt: ctx.now(), resolvedBy: input.by })
  })
}

/** failed -> pending, optionally with corrected data (from an edit or a fixed file). A corrected
 * order that matches one already created elsewhere is refused unless `force`. */
export function requeueFailed(
  ctx: JournalContext,
  orderId: number,
  corrected?: CorrectedOrder,
  options: { force?: boolean } = {}
): OrderRecord {
  return ctx.write(journalStep('journal.step.requeueOrder', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['failed'], 'retry')
    if (corrected !== undefined) {
      checkStagedOrder(ctx.path, { ...corrected, ordinal: order.ordinal, groupKey: order.groupKey })
      if (corrected.fingerprint !== order.fingerprint && options.force !== true) refuseIfCreated(ctx, order, corrected.fingerprint)
      // Data first, while the order is still 'failed': the journal only lets failed orders change.
      ctx.st.writeOrderData.run({
        id: order.id,
        payload: JSON.stringify(corrected.payload),
        fingerprint: corrected.fingerprint,
        email: corrected.email
      })
      ctx.st.deleteOrderRows.run(order.id)
      insertOrderRows(ctx.path, ctx.st, order.id, corrected.rows)
    }
    const requeued = { ...order, state: 'pending' as const, nextAttemptAt: ctx.now(), finishedAt: null, resolvedBy: null }
    return writeOrder(ctx, requeued)
  })
}

/** pending -> skipped: the user chose not to send it. */
export function skipOrder(ctx: JournalContext, orderId: number, reason: string): OrderRecord {
  if (reason.trim() === '') {
    throw new JournalError('invalid-input', ctx.path, `Skipping order id ${orderId} needs a reason, so the report can say why.`)
  }
  return ctx.write(journalStep('journal.step.skipOrder', { orderId }), () => {
    const order = loadOrder(ctx, orderId)
    requireState(ctx, order, ['pending'], 'skip')
    return writeOrder(ctx, { ...order, state: 'skipped', skipReason: reason, finishedAt: ctx.now(), resolvedBy: 'user' })
  })
}

function writeOrder(ctx: JournalContext, order: OrderRecord): OrderRecord {
  ctx.st.writeOrderState.run(orderStateParams(order))
  return order
}

interface AttemptEnd {
  outcome: AttemptOutcome
  httpStatus: number | null
  errorCode: number | string | null
  errorText: string | null
  raw: string | null
  note: string | null
}

/** Closes the attempt in flight; it must be this order's open attempt, so a late answer to an
 * old attempt can never overwrite a newer one. */
function finishAttempt(ctx: JournalContext, order: OrderRecord, attemptId: number, end: AttemptEnd): void {
  const { raw, rawSize } = capRaw(end.raw)
  const changed = ctx.st.finishAttempt.run({
    id: attemptId,
    orderId: order.id,
    finishedAt: ctx.now(),
    outcome: end.outcome,
    httpStatus: end.httpStatus,
    errorCode: end.errorCode,
    errorText: end.errorText,
    raw,
    rawSize,
    note: end.note
  }).changes
  if (changed !== 1) {
    throw new JournalStateError(
      ctx.path,
      `Attempt ${attemptId} is not the sending in progress for ${describeOrder(order)}; its answer was not recorded.`,
      order.id
    )
  }
}

function recordResolution(ctx: JournalContext, order: OrderRecord, outcome: AttemptOutcome, note: string | undefined): void {
  ctx.st.insertResolution.run({ orderId: order.id, at: ctx.now(), outcome, note: note ?? null })
}

function refuseIfCreated(ctx: JournalContext, order: OrderRecord, fingerprint: string): void {
  const destination = ctx.st.getRun.get(order.runId) as { destination: string } | undefined
  const earlier = ctx.st.createdByFingerprint.get({ fingerprint, destination: destination?.destination ?? '' }) as { run_id: number; bill_id: number | null } | undefined
  if (earlier === undefined) return
  throw new JournalStateError(
    ctx.path,
    msg('journal.correctedCreated', { order: orderMessage(order), runId: earlier.run_id, bill: earlier.bill_id ?? '?' }),
    order.id
  )
}

function checkBillId(ctx: JournalContext, billId: number, what: string): void {
  if (!Number.isSafeInteger(billId) || billId <= 0) {
    throw new JournalError('invalid-input', ctx.path, `${capitalize(what)} must be a positive whole number; got ${String(billId)}.`)
  }
}

function checkTime(ctx: JournalContext, at: number, what: string): void {
  if (!Number.isFinite(at)) throw new JournalError('invalid-input', ctx.path, `${what} must be a time in milliseconds; got ${String(at)}.`)
}

function checkResolver(ctx: JournalContext, by: string): void {
  if (by !== 'reconcile' && by !== 'user') {
    throw new JournalError('invalid-input', ctx.path, `An unclear order is resolved by 'reconcile' or 'user'; got '${by}'.`)
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
