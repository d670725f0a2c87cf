// Exponential back-off with full jitter (AWS architecture blog): the delay before attempt n is a
// uniform random value in [0, min(cap, base * 2^n)], so many clients never retry in step.
export interface BackoffPolicy {
  baseMs: number
  capMs: number
}

export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt))
  return Math.floor(random() * ceiling)
}
