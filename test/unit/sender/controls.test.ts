import { storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AdaptiveRate } from '../../../electron/main/sender/adaptive-rate'
import { Pacer } from '../../../electron/main/sender/pacer'
import { batchSizeFor, sendRun } from '../../../electron/main/sender/send-run'
import type { RunHandle, SendEvent, SendOptions, SendProgress } from '../../../electron/main/sender/send-run'
import { FakeClock, FakeShop, tempJournal } from './fixtures'
import type { TempJournal } from './fixtures'

let cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups) cleanup()
  cleanups = []
})

function setup(count: number, latencyMs = 0) {
  const clock = new FakeClock()
  const t = tempJournal(count, () => clock.wall())
  cleanups.push(t.cleanup)
  return { t, shop: new FakeShop({ clock, latencyMs }), clock }
}

function start(
  s: { t: TempJournal; shop: FakeShop; clock: FakeClock },
  options: Partial<SendOptions> = {},
  onEvent?: (e: SendEvent, handle: RunHandle) => void
) {
  const progress: SendProgress[] = []
  const events: SendEvent[] = []
  const handle: RunHandle = sendRun(
    s.t.runId,
    { journal: s.t.journal, client: s.shop, clock: s.clock, wallNow: () => s.clock.wall(), random: () => 0.5 },
    {
      rate: 10,
      concurrency: 1,
      settleMs: 500,
      onProgress: (p) => progress.push(p),
      onEvent: (e) => {
        events.push(e)
        onEvent?.(e, handle)
      },
      ...options
    }
  )
  return { handle, progress, events }
}

/** Lets the event loop run for a few real milliseconds (virtual time only moves when something sleeps). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

function everyTagOnce(s: { t: TempJournal; shop: FakeShop }, count: number): void {
  for (let n = 1; n <= count; n++) expect(s.shop.countTag(`t-${n}`), `order ${n}`).toBe(1)
}

describe('pause, resume, cancel', () => {
  it('pause lets the request in flight finish, sends nothing more until resume, then goes on', async () => {
    const s = setup(5, 40)
    const { handle } = start(s, {}, (e, h) => {
      if (e.kind === 'created' && e.ordinal === 2) h.pause()
    })
    await vi.waitFor(() => expect(s.t.journal.getRun(s.t.runId)?.status).toBe('paused'))
    await settle()
    expect(handle.paused).toBe(true)
    expect(s.shop.calls).toHaveLength(2)
    expect(s.t.journal.runCounts(s.t.runId)).toMatchObject({ succeeded: 2, pending: 3, sending: 0 })
    handle.resume()
    expect(handle.paused).toBe(false)
    const result = await handle.done
    expect(result.outcome).toBe('finished')
    everyTagOnce(s, 5)
  })

  it('pause puts intents claimed in a batch but not yet sent back in the queue', async () => {
    const s = setup(40, 5)
    // All 40 intents are claimed in one batch at this rate; pause once three were sent.
    const send = s.shop.createOrder.bind(s.shop)
    s.shop.createOrder = (payload) => {
      if (s.shop.calls.length === 2) handle.pause()
      return send(payload)
    }
    const { handle } = start(s, { rate: 2000, concurrency: 2 })
    await vi.waitFor(() => expect(s.t.journal.getRun(s.t.runId)?.status).toBe('paused'))
    await vi.waitFor(() => expect(s.shop.inFlight).toBe(0))
    await settle()
    const counts = s.t.journal.runCounts(s.t.runId)
    expect(counts.sending).toBe(0)
    expect(counts.succeeded + counts.pending).toBe(40)
    expect(s.shop.calls).toHaveLength(3)
    const released = s.t.journal.attempts(s.t.ids[39]!)
    expect(released.map((a) => a.outcome)).toEqual(['retry'])
    expect(storedText(translatorFor('en'), released[0]!.errorText!)).toBe('Not sent: the run was paused.')
    expect(storedText(translatorFor('ru'), released[0]!.errorText!)).toBe('Не отправлен: запуск приостановлен.')
    handle.resume()
    await handle.done
    everyTagOnce(s, 40)
  })

  it('cancel: in-flight requests finish and are recorded, the rest stays pending, the run is paused', async () => {
    const s = setup(6, 100)
    const { handle } = start(s, { rate: 100, concurrency: 2 }, (e, h) => {
      if (e.kind === 'created' && e.ordinal === 1) h.cancel()
    })
    const result = await handle.done
    expect(result.outcome).toBe('cancelled')
    expect(result.message).toMatch(/^Run \d+ paused with \d+ orders still to send; resume it to continue\.$/)
    expect(s.t.journal.getRun(s.t.runId)?.status).toBe('paused')
    const counts = s.t.journal.runCounts(s.t.runId)
    expect(counts.sending).toBe(0)
    expect(counts.succeeded).toBe(s.shop.orders.length)
    expect(counts.succeeded).toBeGreaterThanOrEqual(2) // order 2 was in flight when order 1 answered
    expect(counts.pending).toBe(6 - counts.succeeded)

    const resumed = start(s)
    expect((await resumed.handle.done).outcome).toBe('finished')
    everyTagOnce(s, 6)
  })

  it('cancels through the AbortSignal option, even before the first request', async () => {
    const s = setup(3)
    const controller = new AbortController()
    controller.abort()
    const { handle } = start(s, { signal: controller.signal })
    const result = await handle.done
    expect(result.outcome).toBe('cancelled')
    expect(s.shop.calls).toHaveLength(0)
    expect(s.t.journal.getRun(s.t.runId)?.status).toBe('paused')
  })

  it('never has more requests in flight than the concurrency', async () => {
    const s = setup(30, 30)
    const { handle } = start(s, { rate: 1000, concurrency: 3 })
    await handle.done
    expect(s.shop.maxInFlight).toBe(3)
    everyTagOnce(s, 30)
  })
})

describe('progress and ETA', () => {
  it('reports counts, the measured pace and the time left, and always the final state', async () => {
    const s = setup(12)
    const { handle, progress } = start(s, { rate: 2 })
    await handle.done
    const last = progress.at(-1)!
    expect(last).toMatchObject({ runId: s.t.runId, total: 12, inFlight: 0, paused: false, etaSeconds: 0, backoffUntil: null, rate: 2 })
    expect(last.counts).toMatchObject({ succeeded: 12, pending: 0 })
    const measured = progress.filter((p) => p.perMinute !== null && p.counts.succeeded >= 4 && p.counts.pending > 0)
    expect(measured.length).toBeGreaterThan(0)
    for (const p of measured) {
      expect(p.perMinute!).toBeGreaterThan(100)
      expect(p.perMinute!).toBeLessThanOrEqual(125)
      const left = p.counts.pending + p.counts.sending
      expect(p.etaSeconds!).toBeGreaterThanOrEqual(Math.floor(left / 2.1))
      expect(p.etaSeconds!).toBeLessThanOrEqual(Math.ceil(left / 1.6))
    }
    // Counts only grow: done orders never go back.
    const done = progress.map((p) => p.counts.succeeded)
    expect(done).toEqual([...done].sort((a, b) => a - b))
  })

  it('shows the back-off: a lower rate and the time sending resumes', async () => {
    const s = setup(3)
    s.shop.steps.push({ code: 8, text: 'limit' })
    const { handle, progress } = start(s, { rate: 4, limitBackoff: { baseMs: 4000, capMs: 60_000 } })
    await handle.done
    const held = progress.find((p) => p.backoffUntil !== null)
    expect(held).toBeDefined()
    expect(held!.rate).toBe(2)
    expect(held!.backoffUntil! - s.clock.wall()).toBeLessThanOrEqual(0) // in the past by now
    expect(held!.backoffUntil!).toBeGreaterThan(s.clock.wall() - 60_000)
  })
})

describe('adaptive rate', () => {
  it('halves at each back-off down to a sixteenth, and regains a quarter after every 20 answers', () => {
    const pacer = new Pacer({ now: () => 0, sleep: async () => undefined }, 8)
    const rate = new AdaptiveRate(8, pacer)
    rate.slowDown()
    rate.slowDown()
    expect(rate.rate).toBe(2)
    expect(pacer.rate).toBeCloseTo(2)
    for (let i = 0; i < 19; i++) rate.answered()
    expect(rate.rate).toBe(2)
    rate.answered()
    expect(rate.rate).toBe(2.5)
    for (let i = 0; i < 400; i++) rate.answered()
    expect(rate.rate).toBe(8)
    for (let i = 0; i < 10; i++) rate.slowDown()
    expect(rate.rate).toBe(0.5)
  })

  it('recovers during a run after the request limit', async () => {
    const s = setup(26)
    s.shop.steps.push({ code: 8, text: 'limit' })
    const { handle, progress, events } = start(s, { rate: 4, limitBackoff: { baseMs: 100, capMs: 1000 } })
    await handle.done
    expect(events.filter((e) => e.kind === 'backoff')).toHaveLength(1)
    expect(progress.some((p) => p.rate === 2)).toBe(true)
    expect(progress.at(-1)!.rate).toBe(2.5)
    everyTagOnce(s, 26)
  })
})

describe('group commit', () => {
  it('sizes batches to the rate: one order per commit up to 20/s, at most 64', () => {
    expect([0.5, 1, 20, 39, 40, 1000, 100_000].map(batchSizeFor)).toEqual([1, 1, 1, 1, 2, 50, 64])
  })

  it('at 1 order/s every intent and every answer is its own commit', async () => {
    const s = setup(4)
    const begins = vi.spyOn(s.t.journal, 'beginAttempts')
    const outcomes = vi.spyOn(s.t.journal, 'recordOutcomes')
    const { handle } = start(s, { rate: 1 })
    await handle.done
    expect(begins.mock.calls.map(([ids]) => ids.length)).toEqual([1, 1, 1, 1])
    expect(outcomes.mock.calls.map(([entries]) => entries.length)).toEqual([1, 1, 1, 1])
  })

  it('unthrottled, claims intents and records answers in groups, each order still exactly once', async () => {
    const s = setup(300, 2)
    const begins = vi.spyOn(s.t.journal, 'beginAttempts')
    const outcomes = vi.spyOn(s.t.journal, 'recordOutcomes')
    const { handle } = start(s, { rate: 100_000, concurrency: 16 })
    const result = await handle.done
    expect(result.counts).toMatchObject({ succeeded: 300 })
    const beginSizes = begins.mock.calls.map(([ids]) => ids.length)
    const groupSizes = outcomes.mock.calls.map(([entries]) => entries.length)
    expect(Math.max(...beginSizes)).toBe(64)
    expect(Math.max(...groupSizes)).toBeGreaterThan(1)
    expect(Math.max(...groupSizes)).toBeLessThanOrEqual(64)
    expect(beginSizes.reduce((a, b) => a + b, 0)).toBe(300)
    expect(groupSizes.reduce((a, b) => a + b, 0)).toBe(300)
    expect(begins.mock.calls.length + outcomes.mock.calls.length).toBeLessThan(150)
    everyTagOnce(s, 300)
  })
})
