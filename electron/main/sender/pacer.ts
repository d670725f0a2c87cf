// Paces request starts on a monotonic clock. Two rules together:
// - GCRA (generic cell rate algorithm): starts follow a grid of one interval per request. A start
//   that came a little late does not push the grid back (so the long-run rate is the configured
//   one), but after an idle gap the grid restarts from now: no burst after a pause or a sleep.
// - A sliding window as a hard cap: at most N starts in any window of N intervals (N = the whole
//   part of the rate, at least 1), so for whole rates no 1-second window ever holds more than
//   the rate, even when timers fire late and then on time.
// - Above 1000 starts/s (an interval under the 1 ms a timer can sleep), a start may come up to
//   1 ms before its slot, or the pacer could never go faster than one start per timer tick.
import type { Clock } from './clock'

const WINDOW_MARGIN_MS = 1

export class Pacer {
  /** Theoretical arrival time: the grid slot of the next start. */
  private tat = -Infinity
  private heldUntil = -Infinity
  private intervalMs = 0
  private windowSize = 1
  private recent: number[] = []

  constructor(
    private readonly clock: Clock,
    ratePerSecond: number
  ) {
    this.setRate(ratePerSecond)
  }

  get rate(): number {
    return 1000 / this.intervalMs
  }

  /** A slower rate applies from the last start on, so slowing down takes effect at once. */
  setRate(ratePerSecond: number): void {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) throw new RangeError(`The rate must be a positive number of requests per second, not ${ratePerSecond}.`)
    const last = this.recent.at(-1)
    this.intervalMs = 1000 / ratePerSecond
    this.windowSize = Math.max(1, Math.floor(ratePerSecond))
    this.recent = this.recent.slice(-this.windowSize)
    if (last !== undefined) this.tat = last + this.intervalMs
  }

  /** Holds every start until `until` (monotonic ms), e.g. after the API's request-limit answer. */
  holdUntil(until: number): void {
    this.heldUntil = Math.max(this.heldUntil, until)
  }

  /** The earliest moment the next start may happen. */
  nextSlot(): number {
    // One millisecond of margin: a start exactly one window after another is allowed in theory,
    // but the shop's clock (or anyone measuring) must not see it inside the same second.
    const windowStart = this.recent.length >= this.windowSize ? this.recent[0]! + this.windowSize * this.intervalMs + WINDOW_MARGIN_MS : -Infinity
    return Math.max(this.tat, this.heldUntil, windowStart)
  }

  /** Waits for the next start slot. Timers may fire early, so the slot is re-checked after each sleep.
   * `start` runs in the same tick as the slot is taken: a request sent there leaves at the time
   * the pacer recorded, not after whatever else ran before the awaiting code resumed (a journal
   * commit can take milliseconds), so the window cap holds for the requests themselves. */
  async acquire(signal?: AbortSignal, start?: () => void): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      const now = this.clock.now()
      const slot = this.nextSlot()
      if (now >= slot - this.earlyMs()) {
        this.recordStart(now)
        start?.()
        return
      }
      await this.clock.sleep(Math.max(1, Math.ceil(slot - this.earlyMs() - now)), signal)
    }
  }

  /** Timers cannot sleep less than 1 ms, so above 1000 starts/s a start may come up to 1 ms
   * before its grid slot (the grid still moves one interval per start, so the long-run rate is
   * kept); below that, never early. */
  private earlyMs(): number {
    return this.intervalMs < 1 ? 1 : 0
  }

  private recordStart(now: number): void {
    // On the grid (or a little late): keep the grid. Idle for more than an interval: restart it.
    this.tat = now - this.tat <= this.intervalMs ? this.tat + this.intervalMs : now + this.intervalMs
    this.recent.push(now)
    if (this.recent.length > this.windowSize) this.recent.shift()
  }
}
