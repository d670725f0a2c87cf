// The journal's records as the rest of the app sees them (camelCase, parsed JSON, epoch ms).

import type { OrderState } from '#shared/run/order-state'

export { ORDER_STATES } from '#shared/run/order-state'
export type { OrderState } from '#shared/run/order-state'

/** staged: orders written, nothing sent yet. running/paused: being sent / on hold.
 * stopped: halted by the app or the user (credentials, rate limit not recovering); resumable.
 * finished: every order reached an end state. cancelled: abandoned for good. */
export const RUN_STATUSES = ['staged', 'running', 'paused', 'finished', 'stopped', 'cancelled'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

/** Runs in these states are over: `finished_at` is set and `latestUnfinishedRun` skips them. */
export const CLOSED_RUN_STATUSES: readonly RunStatus[] = ['finished', 'cancelled']

export const ATTEMPT_OUTCOMES = [
  'created',
  'existed',
  'failed',
  'retry',
  'backoff',
  'stop',
  'unknown',
  'reconciled-created',
  'reconciled-absent',
  'user-created',
  'user-absent'
] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

export const RESOLVERS = ['api', 'reconcile', 'user'] as const
export type ResolvedBy = (typeof RESOLVERS)[number]

/** A CreateOrder parameter list in send order, without `hash` (it is computed at send time). */
export type Payload = Array<[string, string]>

/** How a run sends. Never the API key: only what is safe to keep on disk. */
export interface RunSettings {
  /** Orders per second. */
  rate: number
  /** Requests in flight at once. */
  concurrency: number
  /** e.g. 'https://shop.example.com'. */
  apiBase: string
  login: string
}

export interface RunRecord {
  id: number
  createdAt: number
  sourceName: string
  /** sha256 of the file bytes, lower-case hex. */
  sourceHash: string
  sourceSize: number
  /** Sheet name; null for formats without sheets. */
  sheet: string | null
  mapping: unknown
  settings: RunSettings
  /** Where its orders go (shared/destination.ts): created orders count only there. */
  destination: string
  status: RunStatus
  finishedAt: number | null
  note: string | null
}

export interface OrderRecord {
  id: number
  runId: number
  /** 1-based order index in the file. */
  ordinal: number
  groupKey: string | null
  fingerprint: string
  payload: Payload
  email: string
  state: OrderState
  billId: number | null
  /** The shop answered 601: the order already existed, `billId` is the existing one. */
  existed: boolean
  /** Last problem seen for this order (API error code, or a transport code); null after success. */
  errorCode: number | string | null
  errorText: string | null
  /** Attempts begun (intents written). */
  attempts: number
  /** Epoch ms before which a pending order is not due. */
  nextAttemptAt: number
  /** When the latest attempt began. */
  sentAt: number | null
  finishedAt: number | null
  skipReason: string | null
  resolvedBy: ResolvedBy | null
}

export interface OrderRowRecord {
  orderId: number
  sheetRow: number
  /** The original cells of that row. */
  cells: unknown[]
}

export interface AttemptRecord {
  id: number
  orderId: number
  startedAt: number
  finishedAt: number | null
  /** null while the attempt is in flight. */
  outcome: AttemptOutcome | null
  httpStatus: number | null
  errorCode: number | string | null
  errorText: string | null
  /** The server's answer, cut at 64 KB. */
  raw: string | null
  /** Size in UTF-8 bytes of the whole answer (larger than `raw` when it was cut). */
  rawSize: number | null
  note: string | null
}

export interface CreateRunInput {
  sourceName: string
  sourceHash: string
  sourceSize: number
  sheet: string | null
  mapping: unknown
  settings: RunSettings
  /** shared/destination.ts: SANDBOX_DESTINATION or shopDestination(login, apiBase). */
  destination: string
  note?: string | null
}

export interface StagedRow {
  sheetRow: number
  cells: unknown[]
}

export interface StageOrderInput {
  ordinal: number
  groupKey: string | null
  fingerprint: string
  payload: Payload
  email: string
  rows: StagedRow[]
  /** The sheet gave this order errors: it is staged straight as 'failed' with this code and text
   * (never sent), so it can be exported, corrected and retried like an order the shop refused. */
  rejected?: { code: string; text: string }
  /** A paid, cancelled or returned order: its second step, UpdateOrderStatus, once created. */
  status?: { status: 'paid' | 'cancel' | 'return'; date: number | null }
}

export interface DuplicateSkip {
  ordinal: number
  fingerprint: string
  earlierRunId: number
  billId: number | null
}

/** A created order with the same fingerprint, found before staging. */
export interface CreatedMatch {
  runId: number
  billId: number | null
}

/** An order the run created and later deleted from the shop (orderbatch undo). */
export interface DeletionRecord {
  orderId: number
  billId: number
  deletedAt: number
  note: string | null
}

export interface StageResult {
  /** Orders written as 'pending' (rejected orders are written as 'failed' and not counted). */
  staged: number
  /** Orders written as 'skipped' because the same fingerprint was already created. */
  skippedAsDuplicates: DuplicateSkip[]
}

export interface CreatedOutcome {
  billId: number
  /** true for a 601 answer (the shop already had this order). */
  existed: boolean
  raw: string
  httpStatus: number | null
}

export interface FailedOutcome {
  code: number | string | null
  text: string
  raw: string | null
  httpStatus?: number | null
}

export interface RetryOutcome {
  /** Why the order goes back to the queue, in plain words. */
  reason: string
  nextAttemptAt: number
  /** retry: definitely not sent. backoff: rate limited. stop: the run must stop (e.g. 401). */
  kind?: 'retry' | 'backoff' | 'stop'
  code?: number | string | null
  raw?: string | null
  httpStatus?: number | null
}

export interface UnknownOutcome {
  reason: string
  code?: number | string | null
  raw?: string | null
  httpStatus?: number | null
}

export interface CorrectedOrder {
  payload: Payload
  fingerprint: string
  email: string
  rows: StagedRow[]
}

export interface Page {
  offset: number
  limit: number
}

export interface StageOptions {
  /** Stage orders already created in an earlier run as pending too (send them again). */
  force?: boolean
  /** Refuse (and stage nothing) when an order is still waiting, in flight or unclear in another
   * run: every import does this; only tests of the journal itself leave it out. */
  refuseOpenElsewhere?: boolean
}
