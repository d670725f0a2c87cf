// Pace of a run as typed by the user, checked before it goes to main.

export const DEFAULT_RATE = 1
export const DEFAULT_CONCURRENCY = 1
export const MAX_RATE = 100
export const MAX_CONCURRENCY = 16

export interface Pace {
  rate: number
  concurrency: number
}

/** The pace, or a sentence saying what to fix. */
export function readPace(rateText: string, concurrencyText: string): Pace | string {
  const rate = Number(rateText.replace(',', '.'))
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) {
    return `Requests per second must be a number above 0 and at most ${MAX_RATE}, for example 1 or 0.5.`
  }
  const concurrency = Number(concurrencyText)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    return `Requests at the same time must be a whole number from 1 to ${MAX_CONCURRENCY}.`
  }
  return { rate, concurrency }
}

/** A rate as the input shows it: at most two decimals, never rounded down to 0 (which readPace refuses). */
export function paceText(rate: number): string {
  return String(Math.max(0.01, Math.round(rate * 100) / 100))
}
