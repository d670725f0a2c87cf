import { storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { afterEach, describe, expect, it } from 'vitest'
import { sendRun } from '../../../electron/main/sender/send-run'
import { MAX_CARRIED_WAIT_MS } from '../../../electron/main/sender/run-sender'
import type { SendEvent, SenderDeps, SendOptions, SendProgress } from '../../../electron/main/sender/send-run'
import { FakeClock, FakeShop, tempJournal } from './fixtures'
import type { OrderSpec, TempJournal } from './fixtures'

let cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups) cleanup()
  cleanups = []
})

interface Setup {
  t: TempJournal
  shop: FakeShop
  clock: FakeClock
}

function setup(orders: number | OrderSpec[], latencyMs = 0): Setup {
  const clock = new FakeClock()
  const t = tempJournal(orders, () => clock.wall())
  cleanups.push(t.cleanup)
  return { t, shop: new FakeShop({ clock, latencyMs }), clock }
}

function send({ t, shop, clock }: Setup, options: Partial<SendOptions> = {}, deps: Partial<SenderDeps> = {}) {
  const events: SendEvent[] = []
  const progress: SendProgress[] = []
  const handle = sendRun(
    t.runId,
    { journal: t.journal, client: shop, clock, wallNow: () => clock.wall(), random: () => 0.5, ...deps },
    { rate: 10, concurrency: 1, settleMs: 1000, onEvent: (e) => events.push(e), onProgress: (p) => progress.push(p), ...options }
  )
  return { handle, events, progress }
}

function kinds(events: SendEvent[]): string[] {
  return events.map((e) => (e.kind === 'reconciled' ? `reconciled:${e.result}` : e.kind))
}

function attemptOutcomes(t: TempJournal, index: number): Array<string | null> {
  return t.journal.attempts(t.ids[index]!).map((a) => a.outcome)
}

describe('sendRun: verdicts', () => {
  it('creates every order once, in file order, and finishes the run', async () => {
    const s = setup(3)
    const { handle, events } = send(s)
    const result = await handle.done
    expect(result.outcome).toBe('finished')
    expect(result.counts).toMatchObject({ succeeded: 3, pending: 0, sending: 0 })
    expect(result.message).toMatch(/^Run \d+ finished: 3 created\.$/)
    expect(s.shop.trace).toEqual(['create t-1', 'create t-2', 'create t-3'])
    expect(events.map((e) => e.kind === 'created' && e.billId)).toEqual(s.shop.orders.map((o) => o.billId))
    expect(s.t.journal.getRun(s.t.runId)?.status).toBe('finished')
    expect(s.t.journal.getOrder(s.t.ids[0]!)).toMatchObject({ state: 'succeeded', billId: s.shop.orders[0]!.billId, resolvedBy: 'api' })
  })

  it('records a 601 answer as created with the existing bill', async () => {
    const s = setup(2)
    s.shop.steps.push({ code: 601, text: 'order already exist. his number send in result array.', billId: 5555 })
    const { handle, events } = send(s)
    await handle.done
    expect(s.t.journal.getOrder(s.t.ids[0]!)).toMatchObject({ state: 'succeeded', billId: 5555, existed: true })
    expect(events[0]).toMatchObject({ kind: 'created', billId: 5555, existed: true, ordinal: 1 })
    expect(attemptOutcomes(s.t, 0)).toEqual(['existed'])
  })

  it('records a validation failure with the advice, and keeps sending the others', async () => {
    const s = setup(3)
    s.shop.steps.push('ok', { code: 600, text: 'wrong email' })
    const { handle, events } = send(s)
    const result = await handle.done
    expect(result.counts).toMatchObject({ succeeded: 2, failed: 1 })
    const failed = s.t.journal.getOrder(s.t.ids[1]!)
    expect(failed).toMatchObject({ state: 'failed', errorCode: 600 })
    expect(storedText(translatorFor('en'), failed!.errorText!)).toMatch(/Correct the email/)
    expect(storedText(translatorFor('ru'), failed!.errorText!)).toMatch(/^API ответил «wrong email» \(код 600\)\./)
    expect(events[1]).toMatchObject({ kind: 'failed', ordinal: 2, code: 600 })
    expect(result.message).toMatch(/2 created and 1 failed/)
  })

  it('stops on a wrong key: the order goes back to pending and nothing more is sent', async () => {
    const s = setup(4)
    s.shop.steps.push('ok', { code: 4, text: 'incorrect hash' })
    const { handle, events } = send(s)
    const result = await handle.done
    expect(result.outcome).toBe('stopped')
    expect(result.message).toMatch(/incorrect hash.*API key/)
    expect(s.shop.calls).toHaveLength(2)
    expect(result.counts).toMatchObject({ succeeded: 1, pending: 3, sending: 0 })
    expect(attemptOutcomes(s.t, 1)).toEqual(['stop'])
    expect(s.t.journal.getRun(s.t.runId)?.status).toBe('stopped')
    expect(kinds(events)).toEqual(['created', 'stop'])

    const again = send(s)
    expect((await again.handle.done).outcome).toBe('finished')
    for (let n = 1; n <= 4; n++) expect(s.shop.countTag(`t-${n}`)).toBe(1)
  })

  it.each([8, 777, 604])('an unsigned code %i is unclear (maybe created): never resent, the run stops, resume finds it', async (code) => {
    const s = setup(3)
    s.shop.steps.push('ok', { unsigned: code, creates: true })
    const { handle } = send(s)
    const result = await handle.done
    expect(result.outcome).toBe('stopped')
    expect(result.message).toMatch(new RegExp(`\\(code ${code}\\), but the answer is not signed with this API key`))
    expect(s.t.journal.getOrder(s.t.ids[1]!)).toMatchObject({ state: 'unknown' })
    expect(s.shop.countTag('t-2')).toBe(1)

    const again = send(s)
    expect((await again.handle.done).outcome).toBe('finished')
    for (let n = 1; n <= 3; n++) expect(s.shop.countTag(`t-${n}`)).toBe(1)
  })

  it('backs off on the request limit: holds, halves the rate, then sends the order again', async () => {
    const s = setup(3)
    s.shop.steps.push('ok', { code: 8, text: 'limit' })
    const { handle, events } = send(s, { rate: 4, limitBackoff: { baseMs: 2000, capMs: 60_000 } })
    await handle.done
    const backoff = events.find((e) => e.kind === 'backoff')
    // random() is 0.5: half of the first ceiling (base 2 s).
    expect(backoff).toEqual({ kind: 'backoff', code: 8, text: 'limit', delayMs: 1000, rate: 2 })
    const [, limited, resent] = s.shop.calls
    expect(resent!.at - limited!.at).toBeGreaterThanOrEqual(1000)
    expect(attemptOutcomes(s.t, 1)).toEqual(['backoff', 'created'])
    expect(s.shop.countTag('t-2')).toBe(1)
    expect(s.t.journal.runCounts(s.t.runId)).toMatchObject({ succeeded: 3 })
  })

  it('retries an order that could not be sent, after a full-jitter delay', async () => {
    const s = setup(2)
    s.shop.steps.push('not-sent')
    const { handle, events } = send(s, { retryBackoff: { baseMs: 1000, capMs: 60_000 } })
    await handle.done
    expect(events[0]).toMatchObject({ kind: 'retry', ordinal: 1, delayMs: 500 })
    expect(s.shop.calls[1]!.at - s.shop.calls[0]!.at).toBeGreaterThanOrEqual(500)
    expect(attemptOutcomes(s.t, 0)).toEqual(['retry', 'created'])
    expect(s.t.journal.runCounts(s.t.runId)).toMatchObject({ succeeded: 2 })
  })

  it('reconciles an unclear answer after the settle delay: found in the shop, never resent', async () => {
    const s = setup(2)
    s.shop.steps.push('drop-after-create')
    const { handle, events } = send(s, { settleMs: 3000 })
    const result = await handle.done
    expect(kinds(events)).toEqual(['unknown', 'created', 'reconciled:created'])
    expect(s.shop.callsFor('t-1')).toBe(1)
    expect(s.shop.countTag('t-1')).toBe(1)
    expect(s.t.journal.getOrder(s.t.ids[0]!)).toMatchObject({ state: 'succeeded', resolvedBy: 'reconcile', billId: s.shop.orders[0]!.billId })
    expect(result.outcome).toBe('finished')
    expect(result.counts).toMatchObject({ succeeded: 2, unknown: 0 })
  })

  it('sends an unclear order again once the shop proves it absent', async () => {
    const s = setup(1)
    s.shop.steps.push('unknown-before')
    const { handle, events } = send(s)
    await handle.done
    expect(kinds(events)).toEqual(['unknown', 'reconciled:absent', 'created'])
    expect(s.shop.callsFor('t-1')).toBe(2)
    expect(s.shop.countTag('t-1')).toBe(1)
    expect(attemptOutcomes(s.t, 0)).toEqual(['unknown', 'reconciled-absent', 'created'])
  })

  it('leaves an order the lookups cannot decide unclear, after one more try before the end', async () => {
    const s = setup(2)
    s.shop.steps.push('drop-after-create')
    s.shop.lookupFault = { kind: 'not-sent', reason: 'shop.test refused the connection.' }
    const { handle, events } = send(s)
    const result = await handle.done
    expect(kinds(events)).toEqual(['unknown', 'created', 'reconciled:undecided', 'reconciled:undecided'])
    expect(s.shop.callsFor('t-1')).toBe(1)
    expect(result.outcome).toBe('finished')
    expect(result.counts).toMatchObject({ succeeded: 1, unknown: 1 })
    expect(result.message).toMatch(/1 unclear \(check it in the shop, then resolve it\)/)
  })

  it('treats a client that throws as an unclear outcome, never as a failure to resend blindly', async () => {
    const s = setup(1)
    s.shop.steps.push({ throws: 'socket exploded' })
    s.shop.lookupFault = { kind: 'unknown', reason: 'no answer' }
    const { handle, events } = send(s)
    await handle.done
    expect(events[0]).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/socket exploded/) })
    expect(s.t.journal.getOrder(s.t.ids[0]!)?.state).toBe('unknown')
  })

  it('stops when nothing can be sent for longer than networkGiveUpMs', async () => {
    const s = setup(3)
    for (let i = 0; i < 200; i++) s.shop.steps.push('not-sent')
    const { handle, events } = send(s, { networkGiveUpMs: 20_000, retryBackoff: { baseMs: 1000, capMs: 4000 } })
    const result = await handle.done
    expect(result.outcome).toBe('stopped')
    expect(result.message).toMatch(/Nothing could be sent for 1 minutes?, so run \d+ stopped \(last problem: .*refused/)
    expect(result.counts).toMatchObject({ pending: 3, unknown: 0, sending: 0 })
    expect(events.at(-1)).toMatchObject({ kind: 'stop' })
    expect(s.shop.orders).toHaveLength(0)
  })

  it('stops when the request limit lasts longer than limitGiveUpMs', async () => {
    const s = setup(2)
    for (let i = 0; i < 500; i++) s.shop.steps.push({ code: 8, text: 'limit' })
    const { handle } = send(s, { limitGiveUpMs: 60_000, limitBackoff: { baseMs: 2000, capMs: 8000 } })
    const result = await handle.done
    expect(result.outcome).toBe('stopped')
    expect(result.message).toMatch(/request limit is used up \(code 8\) for 1 minutes?/)
    expect(s.t.journal.getRun(s.t.runId)?.status).toBe('stopped')
    expect(result.counts).toMatchObject({ pending: 2 })
  })
})

describe('sendRun: resuming', () => {
  it('a clock moved back since the crash: waits written before are carried over for at most 2 minutes', async () => {
    // The earlier process ran with the wall clock 5 hours ahead; it has been set right since.
    const clock = new FakeClock()
    let ahead = 5 * 3600_000
    const t = tempJournal(3, () => clock.wall() + ahead)
    cleanups.push(t.cleanup)
    const shop = new FakeShop({ clock })
    const s: Setup = { t, shop, clock }
    // Order 1 waits for a retry 1 s after the wrong "now"; order 2 was sent (and created) just
    // before the crash and must settle before its lookup.
    const first = t.journal.beginAttempt(t.ids[0]!)
    t.journal.recordRetry(t.ids[0]!, first.attemptId, { kind: 'retry', reason: 'refused', nextAttemptAt: clock.wall() + ahead + 1000 })
    const second = t.journal.beginAttempt(t.ids[1]!)
    t.journal.recordUnknown(t.ids[1]!, second.attemptId, { reason: 'crashed' })
    await shop.createOrder(t.journal.getOrder(t.ids[1]!)!.payload)
    ahead = 0

    const { handle } = send(s, { settleMs: 30_000 })
    const result = await handle.done
    expect(result.outcome).toBe('finished')
    for (let n = 1; n <= 3; n++) expect(shop.countTag(`t-${n}`)).toBe(1)
    // Virtual time: the run took at most the 2-minute cap (plus sending), not 5 hours.
    expect(clock.now()).toBeLessThanOrEqual(MAX_CARRIED_WAIT_MS + 10_000)
  })

  it('within a run, a wall clock set back does not stretch a retry wait (the monotonic clock counts)', async () => {
    const clock = new FakeClock()
    const t = tempJournal(2, () => clock.wall())
    cleanups.push(t.cleanup)
    const shop = new FakeShop({ clock })
    shop.steps.push('not-sent')
    // The wall clock jumps 3 hours back as soon as the run has started.
    let back = 0
    const events: SendEvent[] = []
    const handle = sendRun(
      t.runId,
      { journal: t.journal, client: shop, clock, wallNow: () => clock.wall() - back, random: () => 0.5 },
      { rate: 10, concurrency: 1, settleMs: 1000, onEvent: (e) => {
        events.push(e)
        if (e.kind === 'retry') back = 3 * 3600_000
      } }
    )
    expect((await handle.done).outcome).toBe('finished')
    expect(clock.now()).toBeLessThan(60_000)
    for (let n = 1; n <= 2; n++) expect(shop.countTag(`t-${n}`)).toBe(1)
  })

  it('reconciles the unclear orders of the run before sending anything', async () => {
    const s = setup(3)
    // Order 1 was sent before a crash and created; its answer never reached the journal.
    const { attemptId } = s.t.journal.beginAttempt(s.t.ids[0]!)
    s.t.journal.recordUnknown(s.t.ids[0]!, attemptId, { reason: 'crashed' })
    await s.shop.createOrder(s.t.journal.getOrder(s.t.ids[0]!)!.payload)
    s.shop.trace.length = 0
    s.shop.calls.length = 0

    const { handle, events } = send(s)
    await handle.done
    expect(s.shop.trace.slice(0, 2)).toEqual(['GetBills buyer1@example.com', `getOrderDetails ${s.shop.orders[0]!.billId}`])
    expect(s.shop.trace.slice(2)).toEqual(['create t-2', 'create t-3'])
    expect(kinds(events)).toEqual(['reconciled:created', 'created', 'created'])
    expect(s.shop.countTag('t-1')).toBe(1)
  })

  it('turns orders a stopped sender left sending into unclear ones, and reconciles them', async () => {
    const s = setup(2)
    s.t.journal.beginAttempt(s.t.ids[0]!) // an intent whose answer was never recorded
    const { handle, events } = send(s)
    await handle.done
    expect(kinds(events)).toEqual(['reconciled:absent', 'created', 'created'])
    expect(attemptOutcomes(s.t, 0)).toEqual(['unknown', 'reconciled-absent', 'created'])
    expect(s.shop.countTag('t-1')).toBe(1)
    // Its note is stored as a key and read in the reader's language.
    const note = s.t.journal.attempts(s.t.ids[0]!)[0]!.note!
    expect(storedText(translatorFor('ru'), note)).toBe('Orderbatch прекратил отправку, когда этот заказ был уже в пути; магазин мог его создать.')
    expect(storedText(translatorFor('en'), note)).toBe('Orderbatch stopped sending while this order was on its way; the shop may have created it.')
  })

  it('refuses to send a run that is already being sent', async () => {
    const s = setup(2, 50)
    const first = send(s)
    const second = send(s)
    const refused = await second.handle.done
    expect(refused).toMatchObject({ outcome: 'stopped', message: expect.stringMatching(/already being sent/) })
    expect((await first.handle.done).outcome).toBe('finished')
    expect(s.shop.calls).toHaveLength(2)
  })

  it('refuses a cancelled run and an unknown run in plain words', async () => {
    const s = setup(1)
    s.t.journal.setRunStatus(s.t.runId, 'cancelled')
    expect((await send(s).handle.done).message).toMatch(/cancelled for good/)
    const other = sendRun(999, { journal: s.t.journal, client: s.shop, clock: s.clock }, { rate: 1, concurrency: 1 })
    expect((await other.done).message).toMatch(/There is no run 999/)
    expect(s.shop.calls).toHaveLength(0)
  })

  it('rejects options that make no sense before doing anything', () => {
    const s = setup(1)
    expect(() => send(s, { rate: 0 })).toThrow(/rate must be a positive number/)
    expect(() => send(s, { concurrency: 1.5 })).toThrow(/whole number/)
    expect(s.t.journal.getRun(s.t.runId)?.status).toBe('staged')
  })
})
