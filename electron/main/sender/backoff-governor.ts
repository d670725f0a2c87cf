// How hard the run may push: the back-off after the API's request limit (code 8) and after
// requests that could not be sent, the sending rate that follows them, and when a trouble has
// lasted long enough to give up. It decides; the send loop acts on the decisions (events,
// stopping the run). Times are monotonic ms of the run's clock.
import { AdaptiveRate } from './adaptive-rate'
import { fullJitterDelay } from './backoff'
import type { BackoffPolicy } from './backoff'
import type { Clock } from './clock'
import type { Pacer } from './pacer'

export const DEFAULT_LIMIT_GIVE_UP_MS = 15 * 60_000
export const DEFAULT_NETWORK_GIVE_UP_MS = 5 * 60_000
export const DEFAULT_LIMIT_BACKOFF: BackoffPolicy = { baseMs: 2000, capMs: 120_000 }
export const DEFAULT_RETRY_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 }

export interface GovernorOptions {
  clock: Clock
  pacer: Pacer
  /** The configured rate, requests per second. */
  rate: number
  random: () => number
  limitBackoff: BackoffPolicy
  retryBackoff: BackoffPolicy
  limitGiveUpMs: number
  networkGiveUpMs: number
}

export interface LimitDecision {
  /** How long the order that met the limit waits. */
  delayMs: number
  /** A new back-off began (false: the answer belongs to one already decided). */
  fresh: boolean
  /** The limit has lasted limitGiveUpMs: the run should stop. */
  giveUp: boolean
}

export interface NotSentDecision {
  delayMs: number
  /** Nothing could be sent for networkGiveUpMs: the run should stop. */
  giveUp: boolean
}

export class BackoffGovernor {
  private readonly adaptive: AdaptiveRate
  private readonly limitStreak = new TroubleStreak()
  private readonly networkStreak = new TroubleStreak()
  /** Monotonic ms: sending is held until then; when the last back-off was decided. */
  private holdEnd = -Infinity
  private lastLimitAt = -Infinity

  constructor(private readonly options: GovernorOptions) {
    this.adaptive = new AdaptiveRate(options.rate, options.pacer)
  }

  /** The sending rate now, requests per second. */
  get rate(): number {
    return this.adaptive.rate
  }

  /** Monotonic ms until which every start is held (-Infinity when never). */
  get heldUntil(): number {
    return this.holdEnd
  }

  /** An answer from the API that is not its request limit: the connection and the limit are fine. */
  answered(): void {
    this.networkStreak.clear()
    this.limitStreak.clear()
    this.adaptive.answered()
  }

  /** Not a passing network problem (an answer, an unclear outcome, a stop): the streak of
   * requests that could not be sent ends. */
  endNetworkTrouble(): void {
    this.networkStreak.clear()
  }

  /** Code 8: hold every start for a full-jitter exponential delay and halve the rate. Answers
   * to requests that were already in flight when the last back-off began add nothing to it. */
  rateLimited(startedAt: number): LimitDecision {
    const now = this.options.clock.now()
    if (startedAt < this.lastLimitAt) return { delayMs: Math.max(0, this.holdEnd - now), fresh: false, giveUp: false }
    this.lastLimitAt = now
    this.limitStreak.hit(now)
    const delayMs = fullJitterDelay(this.limitStreak.count - 1, this.options.limitBackoff, this.options.random)
    this.hold(now + delayMs)
    this.adaptive.slowDown()
    return { delayMs, fresh: true, giveUp: this.limitStreak.lastedAtLeast(now, this.options.limitGiveUpMs) }
  }

  /** The request never left: wait (every start, since the connection is the problem) and retry. */
  notSent(): NotSentDecision {
    const now = this.options.clock.now()
    this.networkStreak.hit(now)
    const delayMs = fullJitterDelay(this.networkStreak.count - 1, this.options.retryBackoff, this.options.random)
    this.hold(now + delayMs)
    return { delayMs, giveUp: this.networkStreak.lastedAtLeast(now, this.options.networkGiveUpMs) }
  }

  private hold(until: number): void {
    this.holdEnd = Math.max(this.holdEnd, until)
    this.options.pacer.holdUntil(until)
  }
}

/** A run of the same trouble (request limit, or nothing could be sent): when it began and how
 * many back-offs it has caused. Any sign that the trouble is over clears it. */
export class TroubleStreak {
  since: number | null = null
  count = 0

  hit(now: number): void {
    this.since ??= now
    this.count += 1
  }

  clear(): void {
    this.since = null
    this.count = 0
  }

  lastedAtLeast(now: number, ms: number): boolean {
    return this.since !== null && now - this.since >= ms
  }
}
