import { describe, expect, it } from 'vitest'
import { BackoffGovernor } from '../../../electron/main/sender/backoff-governor'
import type { GovernorOptions } from '../../../electron/main/sender/backoff-governor'
import type { Clock } from '../../../electron/main/sender/clock'
import { Pacer } from '../../../electron/main/sender/pacer'

function setUp(overrides: Partial<GovernorOptions> = {}): { governor: BackoffGovernor; clock: Clock & { set(ms: number): void } } {
  let now = 0
  const clock = { now: () => now, set: (ms: number) => { now = ms }, sleep: () => Promise.resolve() }
  const governor = new BackoffGovernor({
    clock,
    pacer: new Pacer(clock, 10),
    rate: 10,
    // The top of each full-jitter range, so delays are the ceilings.
    random: () => 0.999999,
    limitBackoff: { baseMs: 2000, capMs: 120_000 },
    retryBackoff: { baseMs: 1000, capMs: 60_000 },
    limitGiveUpMs: 15 * 60_000,
    networkGiveUpMs: 5 * 60_000,
    ...overrides
  })
  return { governor, clock }
}

describe('BackoffGovernor', () => {
  it('holds every start after the request limit, halves the rate and doubles the next delay', () => {
    const { governor, clock } = setUp()
    const first = governor.rateLimited(0)
    expect(first).toEqual({ delayMs: 1999, fresh: true, giveUp: false })
    expect(governor.rate).toBe(5)
    expect(governor.heldUntil).toBe(1999)
    clock.set(3000)
    const second = governor.rateLimited(2500)
    expect(second).toEqual({ delayMs: 3999, fresh: true, giveUp: false })
    expect(governor.rate).toBe(2.5)
  })

  it('adds nothing for answers to requests already in flight when the back-off began', () => {
    const { governor, clock } = setUp()
    clock.set(1000)
    governor.rateLimited(900)
    clock.set(1500)
    expect(governor.rateLimited(800)).toEqual({ delayMs: 1499, fresh: false, giveUp: false })
    expect(governor.rate).toBe(5)
  })

  it('gives up when the limit lasts limitGiveUpMs, and an ordinary answer resets the count', () => {
    const { governor, clock } = setUp({ limitGiveUpMs: 10_000 })
    governor.rateLimited(0)
    clock.set(10_000)
    expect(governor.rateLimited(10_000).giveUp).toBe(true)
    governor.answered()
    clock.set(30_000)
    expect(governor.rateLimited(30_000)).toEqual({ delayMs: 1999, fresh: true, giveUp: false })
  })

  it('backs off requests that were not sent and gives up after networkGiveUpMs without a sign of the connection', () => {
    const { governor, clock } = setUp({ networkGiveUpMs: 10_000 })
    expect(governor.notSent()).toEqual({ delayMs: 999, giveUp: false })
    clock.set(4000)
    expect(governor.notSent()).toEqual({ delayMs: 1999, giveUp: false })
    expect(governor.heldUntil).toBe(5999)
    clock.set(10_000)
    expect(governor.notSent().giveUp).toBe(true)
    governor.endNetworkTrouble()
    clock.set(20_000)
    expect(governor.notSent()).toEqual({ delayMs: 999, giveUp: false })
  })

  it('raises the rate again after a streak of ordinary answers', () => {
    const { governor } = setUp()
    governor.rateLimited(0)
    expect(governor.rate).toBe(5)
    for (let i = 0; i < 20; i++) governor.answered()
    expect(governor.rate).toBe(6.25)
  })
})
