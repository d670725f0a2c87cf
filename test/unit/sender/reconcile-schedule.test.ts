import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../electron/main/sender/clock'
import { MAX_CARRIED_WAIT_MS, MAX_UNKNOWNS_PER_RUN, RECONCILE_TRIES, ReconcileSchedule } from '../../../electron/main/sender/reconcile-schedule'

const SETTLE = 5000

function manualClock(): Clock & { set(ms: number): void } {
  let now = 1000
  return { now: () => now, set: (ms) => { now = ms }, sleep: () => Promise.resolve() }
}

describe('ReconcileSchedule: when unclear orders are looked up', () => {
  it('waits the settle delay after an order turns unclear, then it is due', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    expect(schedule.turnedUnknown(4)).toBe(true)
    expect(schedule.earliest()).toEqual({ orderId: 4, dueAt: 1000 + SETTLE })
    expect(schedule.due()).toBeNull()
    clock.set(1000 + SETTLE)
    expect(schedule.due()).toBe(4)
  })

  it('carries an earlier process\'s settle delay over, but never longer than the settle delay or the cap', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    const wallNow = 50_000
    schedule.carriedOver(1, wallNow - 2000, wallNow) // sent 2 s ago: 3 s left
    schedule.carriedOver(2, wallNow + 3_600_000, wallNow) // sent "in the future" (clock moved back): capped
    schedule.carriedOver(3, null, wallNow) // no send time: due at once
    expect(schedule.earliest()).toEqual({ orderId: 3, dueAt: 1000 })
    schedule.start(3)
    expect(schedule.earliest()).toEqual({ orderId: 1, dueAt: 1000 + 3000 })
    schedule.start(1)
    expect(schedule.earliest()).toEqual({ orderId: 2, dueAt: 1000 + Math.min(SETTLE, MAX_CARRIED_WAIT_MS) })
    const long = new ReconcileSchedule(clock, 10 * MAX_CARRIED_WAIT_MS)
    long.carriedOver(5, wallNow, wallNow)
    expect(long.earliest()).toEqual({ orderId: 5, dueAt: 1000 + MAX_CARRIED_WAIT_MS })
  })

  it('gives an order unclear during the run one final lookup a settle delay after its last try', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    schedule.turnedUnknown(4)
    clock.set(6000)
    expect(schedule.start(4)).toBe(true)
    expect(schedule.earliest()).toBeNull()
    schedule.tried(4, false)
    expect(schedule.scheduleFinalTries()).toBe(true)
    expect(schedule.earliest()).toEqual({ orderId: 4, dueAt: 6000 + SETTLE })
    clock.set(11_000)
    schedule.start(4)
    schedule.tried(4, false)
    expect(RECONCILE_TRIES).toBe(2)
    expect(schedule.scheduleFinalTries()).toBe(false)
    expect(schedule.earliest()).toBeNull()
  })

  it('gives orders that were unclear before the run no final try', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    schedule.carriedOver(1, null, 0)
    schedule.start(1)
    schedule.tried(1, false)
    expect(schedule.scheduleFinalTries()).toBe(false)
  })

  it('drops an order once a lookup decides it', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    schedule.turnedUnknown(4)
    schedule.start(4)
    schedule.tried(4, true)
    expect(schedule.scheduleFinalTries()).toBe(false)
    expect(schedule.start(4)).toBe(false)
  })

  it('does not count a lookup cut short by a stop: the order is due again at once', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    schedule.turnedUnknown(4)
    clock.set(7000)
    schedule.start(4)
    schedule.interrupted(4)
    expect(schedule.due()).toBe(4)
    schedule.start(4)
    schedule.tried(4, false)
    expect(schedule.scheduleFinalTries()).toBe(true) // still one try left
  })

  it('leaves an order to the user after it turned unclear too often in one run', () => {
    const clock = manualClock()
    const schedule = new ReconcileSchedule(clock, SETTLE)
    for (let i = 0; i < MAX_UNKNOWNS_PER_RUN; i++) {
      expect(schedule.turnedUnknown(4)).toBe(true)
      schedule.start(4)
      schedule.tried(4, true) // proven absent, sent again, unclear again
    }
    expect(schedule.turnedUnknown(4)).toBe(false)
    expect(schedule.earliest()).toBeNull()
  })
})
