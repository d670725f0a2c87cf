import { describe, expect, it } from 'vitest'
import { Pacer } from '../../../electron/main/sender/pacer'
import { Semaphore } from '../../../electron/main/sender/semaphore'
import { fullJitterDelay } from '../../../electron/main/sender/backoff'
import type { Clock } from '../../../electron/main/sender/clock'

/** A virtual clock whose sleeps may wake up to 2 ms early, as real timers sometimes do. */
function virtualClock(earlyMs = 0): Clock & { advance(ms: number): void } {
  let now = 0
  return {
    now: () => now,
    advance: (ms) => { now += ms },
    sleep: async (ms) => { now += Math.max(1, ms - earlyMs) }
  }
}

async function startTimes(pacer: Pacer, clock: Clock, count: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    await pacer.acquire()
    times.push(clock.now())
  }
  return times
}

function maxInAnyWindow(times: number[], windowMs: number): number {
  let max = 0
  for (let i = 0; i < times.length; i++) {
    let n = 0
    for (let j = i; j < times.length && times[j]! < times[i]! + windowMs; j++) n++
    max = Math.max(max, n)
  }
  return max
}

describe('Pacer (GCRA)', () => {
  it('never lets a 1-second window hold more starts than the rate, even when timers fire early', async () => {
    for (const rate of [1, 0.5, 2.5, 20]) {
      const clock = virtualClock(2)
      const times = await startTimes(new Pacer(clock, rate), clock, 200)
      expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(Math.max(1, Math.floor(rate)) + (Number.isInteger(rate) ? 0 : 1))
      // And it keeps up: the achieved rate over the run is at least 98% of the configured one.
      const achieved = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!)
      expect(achieved).toBeGreaterThanOrEqual(rate * 0.98)
      expect(achieved).toBeLessThanOrEqual(rate * 1.0001)
    }
  })

  it('does not burst after a pause', async () => {
    const clock = virtualClock()
    const pacer = new Pacer(clock, 10)
    await startTimes(pacer, clock, 5)
    clock.advance(60_000)
    const after = await startTimes(pacer, clock, 5)
    const gaps = after.slice(1).map((t, i) => t - after[i]!)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(100)
  })

  it('holds every start until a back-off ends, and slows down when the rate drops', async () => {
    const clock = virtualClock()
    const pacer = new Pacer(clock, 4)
    await pacer.acquire()
    pacer.holdUntil(clock.now() + 5000)
    await pacer.acquire()
    expect(clock.now()).toBeGreaterThanOrEqual(5000)
    pacer.setRate(1)
    const t0 = clock.now()
    await pacer.acquire()
    expect(clock.now() - t0).toBeGreaterThanOrEqual(999)
  })

  it('rejects a rate that is not positive', () => {
    expect(() => new Pacer(virtualClock(), 0)).toThrow(/positive/)
    expect(() => new Pacer(virtualClock(), Number.NaN)).toThrow(/positive/)
  })

  it('stops waiting when cancelled', async () => {
    const pacer = new Pacer({ now: () => 0, sleep: (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason))) }, 1)
    await pacer.acquire()
    const controller = new AbortController()
    const waiting = pacer.acquire(controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(waiting).rejects.toThrow('cancelled')
  })
})

describe('Semaphore', () => {
  it('admits at most the limit and wakes waiters in order', async () => {
    const s = new Semaphore(2)
    await s.acquire()
    await s.acquire()
    const order: number[] = []
    const third = s.acquire().then(() => order.push(3))
    const fourth = s.acquire().then(() => order.push(4))
    expect(s.inFlight).toBe(2)
    s.release()
    await third
    s.release()
    await fourth
    expect(order).toEqual([3, 4])
    const drained = s.drained()
    s.release()
    s.release()
    await drained
    expect(s.inFlight).toBe(0)
  })
})

describe('fullJitterDelay', () => {
  it('stays within [0, min(cap, base*2^n)]', () => {
    const policy = { baseMs: 1000, capMs: 60_000 }
    expect(fullJitterDelay(0, policy, () => 0.999)).toBeLessThan(1000)
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(4000)
    expect(fullJitterDelay(20, policy, () => 0.999)).toBeLessThan(60_000)
    expect(fullJitterDelay(20, policy, () => 0)).toBe(0)
  })
})

describe('Pacer under late timers', () => {
  it('keeps the configured long-run rate when every sleep overshoots, without exceeding the window cap', async () => {
    let now = 0
    let n = 0
    // Sleeps overshoot by 0-7 ms in a fixed pattern, as a loaded event loop does.
    const clock: Clock = { now: () => now, sleep: async (ms) => { now += ms + ((n++ * 5) % 8) } }
    const pacer = new Pacer(clock, 20)
    const times = await startTimes(pacer, clock, 600)
    const achieved = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!)
    expect(achieved).toBeGreaterThanOrEqual(20 * 0.99)
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(20)
  })
})

describe('Pacer start callback', () => {
  it('runs the start in the same tick as the slot is taken, at the recorded time', async () => {
    let now = 0
    const clock: Clock = { now: () => now, sleep: async (ms) => { now += ms } }
    const pacer = new Pacer(clock, 10)
    const seen: number[] = []
    await pacer.acquire(undefined, () => seen.push(now))
    const second = pacer.acquire(undefined, () => seen.push(now))
    // Whatever runs between the grant and the awaiting code (a slow commit) must not delay the start.
    await second
    now += 30
    expect(seen).toEqual([0, 100])
  })
})
