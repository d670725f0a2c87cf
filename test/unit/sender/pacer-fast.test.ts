import { describe, expect, it } from 'vitest'
import { Pacer } from '../../../electron/main/sender/pacer'
import type { Clock } from '../../../electron/main/sender/clock'

/** Real timers sleep at least 1 ms: this clock does the same, and counts the sleeps. */
function coarseClock(): Clock & { sleeps: number } {
  let now = 0
  const clock = {
    sleeps: 0,
    now: () => now,
    sleep: async (ms: number) => {
      clock.sleeps += 1
      now += Math.max(1, Math.ceil(ms))
    }
  }
  return clock
}

describe('Pacer above 1000 starts per second', () => {
  it('keeps up with the rate although a timer cannot sleep less than 1 ms', async () => {
    const clock = coarseClock()
    const pacer = new Pacer(clock, 5000)
    for (let i = 0; i < 10_000; i++) await pacer.acquire()
    const elapsed = clock.now()
    expect(10_000 / (elapsed / 1000)).toBeGreaterThanOrEqual(5000 * 0.98)
    expect(10_000 / (elapsed / 1000)).toBeLessThanOrEqual(5000 * 1.01)
    expect(clock.sleeps).toBeLessThan(2100)
  })

  it('is never early at 1000 starts per second or below', async () => {
    const clock = coarseClock()
    const pacer = new Pacer(clock, 500)
    const starts: number[] = []
    for (let i = 0; i < 50; i++) {
      await pacer.acquire()
      starts.push(clock.now())
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(2)
  })
})
