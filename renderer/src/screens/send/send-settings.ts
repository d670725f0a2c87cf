// Pace of a run as typed by the user, checked before it goes to main.
import type { Translate } from '../../lib/i18n'

/** The CLI's defaults (electron/main/cli/run/send-options.ts): gentle on a real shop, quick on the
 * built-in sandbox. */
export const DEFAULT_PACE = {
  shop: { rate: 1, concurrency: 1 },
  sandbox: { rate: 20, concurrency: 4 }
} as const
export const DEFAULT_RATE = DEFAULT_PACE.shop.rate
export const DEFAULT_CONCURRENCY = DEFAULT_PACE.shop.concurrency
export const MAX_RATE = 100
export const MAX_CONCURRENCY = 16

export interface Pace {
  rate: number
  concurrency: number
}

/** The pace, or a sentence saying what to fix. */
export function readPace(rateText: string, concurrencyText: string, t: Translate): Pace | string {
  const rate = Number(rateText.replace(',', '.'))
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) {
    return t('send.rateProblem', { max: MAX_RATE })
  }
  const concurrency = Number(concurrencyText)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    return t('send.concurrencyProblem', { max: MAX_CONCURRENCY })
  }
  return { rate, concurrency }
}

/** A rate as the input shows it: at most two decimals, never rounded down to 0 (which readPace refuses). */
export function paceText(rate: number): string {
  return String(Math.max(0.01, Math.round(rate * 100) / 100))
}
