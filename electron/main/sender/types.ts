// The sender's public types (re-exported by send-run.ts).
import type { ApiClient } from '../api/api-client'
import type { Journal, OrderState } from '../journal'
import type { Message } from '#shared/i18n/message'
import type { SendProgressEvent } from '#shared/ipc/contract'
import type { BackoffPolicy } from './backoff'
import type { Clock } from './clock'
import type { FailpointName } from './failpoints'
import type { StatusEvent } from './status-step'

export interface SenderDeps {
  journal: Journal
  /** updateOrderStatus: for runs with status steps (paid, cancelled, returned orders). */
  client: Pick<ApiClient, 'createOrder' | 'getBills' | 'getOrderDetails'> & Partial<Pick<ApiClient, 'updateOrderStatus'>>
  /** Monotonic, for pacing and delays (default systemClock). */
  clock?: Clock
  /** Epoch ms for the journal (default Date.now). */
  wallNow?: () => number
  random?: () => number
  /** Crash tests: may SIGKILL the process at that point. Must not throw; if it does, the run
   * stops there and the order at that point is left for reconciliation, as after a crash. */
  failpoint?: (name: FailpointName) => void
}

export interface SendOptions {
  /** Requests per second, fractions allowed (finite and positive). */
  rate: number
  /** Requests in flight at once (a whole number from 1). */
  concurrency: number
  /** Wait after an unclear outcome before looking the order up in the shop. Default 5000. */
  settleMs?: number
  /** Cancel: no new requests; those in flight finish and their outcomes are recorded. */
  signal?: AbortSignal
  /** Throttled to ~10/s; the last one is always sent. */
  onProgress?: (progress: SendProgress) => void
  /** Every outcome, for a live log. */
  onEvent?: (event: SendEvent) => void
  /** Stop when the API keeps answering with its request limit (code 8) this long. Default 15 min. */
  limitGiveUpMs?: number
  /** Stop when nothing could be sent (no connection) this long. Default 5 min. */
  networkGiveUpMs?: number
  /** Back-off after a request-limit answer. Default base 2 s, cap 2 min (full jitter). */
  limitBackoff?: BackoffPolicy
  /** Back-off after a request that could not be sent. Default base 1 s, cap 60 s (full jitter). */
  retryBackoff?: BackoffPolicy
}

/** One shape from the engine to the CLI and the renderer (defined with the IPC contract). */
export type SendProgress = SendProgressEvent

export type SendEvent =
  | { kind: 'created'; orderId: number; ordinal: number; billId: number; existed: boolean }
  /** `message`: English, as the journal keeps it; `said`: the same for the reader's language. */
  | { kind: 'failed'; orderId: number; ordinal: number; code: number | string | null; message: string; said?: Message }
  /** `reason`: English; `reasonWhy`: the same as a message when the client had one (network trouble). */
  | { kind: 'unknown'; orderId: number; ordinal: number; reason: string; reasonWhy?: Message }
  | { kind: 'retry'; orderId: number; ordinal: number; reason: string; delayMs: number; reasonWhy?: Message }
  | { kind: 'backoff'; code: number; text: string; delayMs: number; rate: number }
  | { kind: 'reconciled'; orderId: number; ordinal: number; result: 'created' | 'absent' | 'undecided'; billId?: number; note: string; said?: Message }
  /** `message`: English; `said`: the same as a message, for the reader's language. */
  | { kind: 'stop'; message: string; said?: Message }
  | StatusEvent

export interface SendResult {
  runId: number
  outcome: 'finished' | 'stopped' | 'cancelled'
  counts: Record<OrderState, number>
  /** One plain sentence, in English. */
  message: string
  /** The same sentence as a message, for the reader's language. */
  said: Message
}

export interface RunHandle {
  pause(): void
  resume(): void
  cancel(): void
  readonly paused: boolean
  done: Promise<SendResult>
}
