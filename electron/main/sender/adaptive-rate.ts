// The sending rate after the API's request-limit answers: halved at each back-off (never below
// a sixteenth of the configured rate), then raised by a quarter after every 20 answers in a row
// that were not the limit, up to the configured rate again.
import type { Pacer } from './pacer'

export const RATE_FLOOR_DIVISOR = 16
export const RECOVERY_STREAK = 20
export const RECOVERY_FACTOR = 1.25

export class AdaptiveRate {
  private current: number
  private streak = 0

  constructor(
    readonly configured: number,
    private readonly pacer: Pacer
  ) {
    this.current = configured
  }

  get rate(): number {
    return this.current
  }

  slowDown(): void {
    this.streak = 0
    this.set(Math.max(this.configured / RATE_FLOOR_DIVISOR, this.current / 2))
  }

  /** One answer that was not the request limit. */
  answered(): void {
    if (this.current >= this.configured) return
    this.streak += 1
    if (this.streak < RECOVERY_STREAK) return
    this.streak = 0
    this.set(Math.min(this.configured, this.current * RECOVERY_FACTOR))
  }

  private set(rate: number): void {
    this.current = rate
    this.pacer.setRate(rate)
  }
}
