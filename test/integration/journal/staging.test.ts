import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalError, JournalStateError } from '../../../electron/main/journal'
import { SHOP, driveTo, makeTempDir, orderInput, orderInputs, runInput, sha256 } from './helpers'
import { SANDBOX_DESTINATION, shopDestination } from '#shared/run/destination'
import { storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'

let dir: string
let cleanup: () => void
let journal: Journal
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  journal = Journal.open(join(dir, 'journal.sqlite'), { now: () => 1_700_000_000_000 })
})
afterEach(() => {
  journal.close()
  cleanup()
})

describe('createRun', () => {
  it('stores the file identity, mapping and settings as a staged run', () => {
    const run = journal.createRun(runInput({ sheet: 'Orders', note: 'March batch' }))
    expect(run).toEqual({
      id: 1,
      createdAt: 1_700_000_000_000,
      sourceName: 'orders.csv',
      sourceHash: runInput().sourceHash,
      sourceSize: runInput().sourceSize,
      sheet: 'Orders',
      mapping: { version: 1, groupBy: null },
      settings: { rate: 2, concurrency: 1, apiBase: 'https://shop.example.com', login: 'shop-owner' },
      destination: SHOP,
      status: 'staged',
      finishedAt: null,
      note: 'March batch'
    })
    expect(journal.getRun(run.id)).toEqual(run)
  })

  it('refuses a malformed file hash or size', () => {
    expect(() => journal.createRun(runInput({ sourceHash: 'ABC' }))).toThrow(/lower-case sha256/)
    expect(() => journal.createRun(runInput({ sourceSize: -1 }))).toThrow(/whole number of bytes/)
    expect(journal.listRuns()).toEqual([])
  })
})

describe('stageOrders', () => {
  it('writes every order as pending with its rows, in one step', () => {
    const run = journal.createRun(runInput())
    const result = journal.stageOrders(run.id, orderInputs(3))
    expect(result).toEqual({ staged: 3, skippedAsDuplicates: [] })
    const orders = journal.ordersByState(run.id, ['pending'], { offset: 0, limit: 10 })
    expect(orders.map((o) => [o.ordinal, o.groupKey, o.email, o.state, o.attempts])).toEqual([
      [1, 'A-1', 'buyer1@example.com', 'pending', 0],
      [2, 'A-2', 'buyer2@example.com', 'pending', 0],
      [3, 'A-3', 'buyer3@example.com', 'pending', 0]
    ])
    expect(orders[1]?.payload).toEqual(orderInput(2).payload)
    expect(journal.orderRows(orders[1]!.id)).toEqual([
      { orderId: orders[1]!.id, sheetRow: 3, cells: ['buyer2@example.com', 'Иван', 1990.5, null, true] }
    ])
  })

  it('keeps several sheet rows of one order in sheet order', () => {
    const run = journal.createRun(runInput())
    const rows = [
      { sheetRow: 7, cells: ['b'] },
      { sheetRow: 5, cells: ['a'] }
    ]
    journal.stageOrders(run.id, [orderInput(1, { rows })])
    const [order] = journal.nextDue(run.id, Date.now(), 1)
    expect(journal.orderRows(order!.id).map((r) => r.sheetRow)).toEqual([5, 7])
  })

  it('leaves nothing staged when one order in the middle is bad', () => {
    const run = journal.createRun(runInput())
    const orders = orderInputs(50)
    orders[30] = orderInput(31, { payload: [['bill_email', 'x@example.com'], ['hash', 'abc']] })
    expect(() => journal.stageOrders(run.id, orders)).toThrow(/Order #31 .*'hash'.*Nothing was saved/)
    expect(journal.runCounts(run.id)).toEqual({ pending: 0, sending: 0, succeeded: 0, failed: 0, unknown: 0, skipped: 0 })
    // The run can still be staged once the sheet is right.
    orders[30] = orderInput(31)
    expect(journal.stageOrders(run.id, orders).staged).toBe(50)
  })

  it('leaves nothing staged when the same order number comes twice', () => {
    const run = journal.createRun(runInput())
    expect(() => journal.stageOrders(run.id, [orderInput(1), orderInput(2), orderInput(1)])).toThrow(/Order #1 appears twice/)
    expect(journal.runCounts(run.id).pending).toBe(0)
  })

  it('refuses to stage a run twice or a run that already started', () => {
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, orderInputs(2))
    expect(() => journal.stageOrders(run.id, [orderInput(3)])).toThrow(JournalStateError)
    const other = journal.createRun(runInput())
    journal.setRunStatus(other.id, 'running')
    expect(() => journal.stageOrders(other.id, [orderInput(1)])).toThrow(/it is running/)
    expect(() => journal.stageOrders(99, [orderInput(1)])).toThrow(/has no run 99/)
  })

  it('skips orders already created in an earlier run, naming that run and bill', () => {
    const first = journal.createRun(runInput())
    journal.stageOrders(first.id, orderInputs(3))
    const [one] = journal.nextDue(first.id, Date.now(), 1)
    const { attemptId } = journal.beginAttempt(one!.id)
    journal.recordCreated(one!.id, attemptId, { billId: 4242, existed: false, raw: '{}', httpStatus: 200 })
    driveTo(journal, journal.nextDue(first.id, Date.now(), 1)[0]!.id, 'failed')

    const second = journal.createRun(runInput())
    const result = journal.stageOrders(second.id, orderInputs(3))
    expect(result.staged).toBe(2)
    expect(result.skippedAsDuplicates).toEqual([{ ordinal: 1, fingerprint: orderInput(1).fingerprint, earlierRunId: first.id, billId: 4242 }])
    const [skipped] = journal.ordersByState(second.id, ['skipped'], { offset: 0, limit: 5 })
    expect(skipped).toMatchObject({ ordinal: 1, state: 'skipped' })
    // Kept as a key: the export and History word it in the reader's language.
    expect(storedText(translatorFor('en'), skipped!.skipReason!)).toBe(`already created in run ${first.id} (bill 4242)`)
    expect(storedText(translatorFor('ru'), skipped!.skipReason!)).toBe(`уже создан в запуске ${first.id} (счёт 4242)`)
    // A failed order is not a duplicate: it was never created.
    expect(journal.ordersByState(second.id, ['pending'], { offset: 0, limit: 5 }).map((o) => o.ordinal)).toEqual([2, 3])
  })

  it('refuses to stage an order still waiting, in flight or unclear in another run, even when forced', () => {
    const first = journal.createRun(runInput())
    journal.stageOrders(first.id, orderInputs(3))
    const [one, two] = journal.nextDue(first.id, Date.now(), 2)
    driveTo(journal, one!.id, 'unknown')
    driveTo(journal, two!.id, 'succeeded')
    // #1 unclear, #3 waiting: both still belong to run 1; #2 was created (skipped, not refused).
    for (const force of [false, true]) {
      const second = journal.createRun(runInput())
      const attempt = () => journal.stageOrders(second.id, orderInputs(3), { force, refuseOpenElsewhere: true })
      expect(attempt).toThrow(JournalError)
      expect(attempt).toThrow(`Run ${first.id} already holds 2 of these orders, not settled yet`)
      expect(journal.runCounts(second.id).pending).toBe(0)
    }
    // A cancelled run sends nothing more: its waiting order is free, its unclear one is not.
    journal.setRunStatus(first.id, 'cancelled')
    const third = journal.createRun(runInput())
    expect(() => journal.stageOrders(third.id, [orderInput(3)], { refuseOpenElsewhere: true })).not.toThrow()
    const fourth = journal.createRun(runInput())
    expect(() => journal.stageOrders(fourth.id, [orderInput(1)], { refuseOpenElsewhere: true })).toThrow(`Run ${first.id} already holds 1 of these orders`)
  })

  it('counts an order as created only at the destination it was created in (issue 8)', () => {
    const sandbox = journal.createRun(runInput({ destination: SANDBOX_DESTINATION }))
    journal.stageOrders(sandbox.id, [orderInput(1)])
    const [one] = journal.nextDue(sandbox.id, Date.now(), 1)
    journal.recordCreated(one!.id, journal.beginAttempt(one!.id).attemptId, { billId: 5, existed: false, raw: '{}', httpStatus: 200 })
    expect(journal.findCreated(orderInput(1).fingerprint, SANDBOX_DESTINATION)).toEqual({ runId: sandbox.id, billId: 5 })
    expect(journal.findCreated(orderInput(1).fingerprint, SHOP)).toBeNull()
    expect(journal.billIdsClaimed(SANDBOX_DESTINATION)).toEqual(new Set([5]))
    expect(journal.billIdsClaimed(SHOP)).toEqual(new Set())

    // The same file sent to a real shop afterwards: nothing is "already created" there.
    const shop = journal.createRun(runInput())
    expect(journal.stageOrders(shop.id, [orderInput(1)])).toEqual({ staged: 1, skippedAsDuplicates: [] })
    // Another account (or the same login at another address) is another shop.
    const [sent] = journal.nextDue(shop.id, Date.now(), 1)
    journal.recordCreated(sent!.id, journal.beginAttempt(sent!.id).attemptId, { billId: 5, existed: false, raw: '{}', httpStatus: 200 })
    const other = journal.createRun(runInput({ destination: shopDestination('shop-owner', 'https://shop.other.example/api/') }))
    expect(journal.stageOrders(other.id, [orderInput(1)]).staged).toBe(1)
    // Within one destination it is still a repeat.
    const again = journal.createRun(runInput())
    expect(journal.stageOrders(again.id, [orderInput(1)]).skippedAsDuplicates).toHaveLength(1)
  })

  it('refuses a run without a destination', () => {
    expect(() => journal.createRun(runInput({ destination: ' ' }))).toThrow(/no destination/)
  })

  it('stages duplicates as pending when forced', () => {
    const first = journal.createRun(runInput())
    journal.stageOrders(first.id, [orderInput(1)])
    driveTo(journal, journal.nextDue(first.id, Date.now(), 1)[0]!.id, 'succeeded')
    const second = journal.createRun(runInput())
    expect(journal.stageOrders(second.id, [orderInput(1)], { force: true })).toEqual({ staged: 1, skippedAsDuplicates: [] })
    expect(journal.runCounts(second.id).pending).toBe(1)
  })
})

describe('run queries and status', () => {
  it('finds the latest run, the latest unfinished run, and lists newest first', () => {
    expect(journal.latestRun()).toBeNull()
    expect(journal.latestUnfinishedRun()).toBeNull()
    const a = journal.createRun(runInput())
    const b = journal.createRun(runInput({ sourceName: 'b.xlsx', sourceHash: sha256('b') }))
    journal.setRunStatus(b.id, 'finished')
    expect(journal.latestRun()?.id).toBe(b.id)
    expect(journal.latestUnfinishedRun()?.id).toBe(a.id)
    expect(journal.listRuns().map((r) => r.id)).toEqual([b.id, a.id])
    expect(journal.runsBySource(sha256('b')).map((r) => r.id)).toEqual([b.id])
  })

  it('sets finished_at when a run closes and clears it when it reopens', () => {
    const run = journal.createRun(runInput())
    expect(journal.setRunStatus(run.id, 'finished').finishedAt).toBe(1_700_000_000_000)
    expect(journal.getRun(run.id)?.finishedAt).toBe(1_700_000_000_000)
    journal.setRunStatus(run.id, 'running', 'retrying failed orders')
    expect(journal.getRun(run.id)).toMatchObject({ status: 'running', finishedAt: null, note: 'retrying failed orders' })
  })

  it('never reopens a cancelled run', () => {
    const run = journal.createRun(runInput())
    journal.setRunStatus(run.id, 'cancelled')
    expect(() => journal.setRunStatus(run.id, 'running')).toThrow(/cancelled and cannot be running again/)
    expect(() => journal.setRunStatus(run.id, 'bogus' as never)).toThrow(JournalError)
  })

  it('updates settings, refusing unknown fields', () => {
    const run = journal.createRun(runInput())
    const settings = { rate: 0.5, concurrency: 1, apiBase: 'https://shop.example.com', login: 'shop-owner' }
    journal.updateRunSettings(run.id, settings)
    expect(journal.getRun(run.id)?.settings).toEqual(settings)
    expect(() => journal.updateRunSettings(run.id, { ...settings, rate: 0 })).toThrow(/'rate' is not valid/)
  })
})

describe('order queries', () => {
  it('counts orders by state, with zero for absent states', () => {
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, orderInputs(5))
    const ids = journal.nextDue(run.id, Date.now(), 5).map((o) => o.id)
    driveTo(journal, ids[0]!, 'succeeded')
    driveTo(journal, ids[1]!, 'failed')
    driveTo(journal, ids[2]!, 'unknown')
    expect(journal.runCounts(run.id)).toEqual({ pending: 2, sending: 0, succeeded: 1, failed: 1, unknown: 1, skipped: 0 })
  })

  it('pages orders of several states in file order', () => {
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, orderInputs(6))
    const ids = journal.nextDue(run.id, Date.now(), 6).map((o) => o.id)
    driveTo(journal, ids[1]!, 'failed')
    driveTo(journal, ids[4]!, 'unknown')
    const page = (offset: number, limit: number): number[] =>
      journal.ordersByState(run.id, ['failed', 'unknown'], { offset, limit }).map((o) => o.ordinal)
    expect(page(0, 10)).toEqual([2, 5])
    expect(page(1, 10)).toEqual([5])
    expect(page(0, 1)).toEqual([2])
  })

  it('walks a run by keyset, so orders leaving the states while it walks skip none of the rest', () => {
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, orderInputs(7))
    const ids = journal.nextDue(run.id, Date.now(), 7).map((o) => o.id)
    for (const id of ids) driveTo(journal, id, 'unknown')
    const seen: number[] = []
    // Pages of 2: settling each order as it is read would make an offset pager skip every other one.
    for (const order of journal.orders(run.id, ['unknown'], 2)) {
      seen.push(order.ordinal)
      journal.resolveAbsent(order.id, { by: 'user' })
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect([...journal.orders(run.id, ['unknown'])]).toEqual([])
    expect([...journal.orders(run.id)].map((o) => o.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('gives the due orders in file order and the time the next one is due', () => {
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, orderInputs(3))
    expect(journal.nextDueTime(run.id)).toBe(0)
    const ids = journal.nextDue(run.id, 0, 3).map((o) => o.id)
    for (const [index, id] of ids.entries()) {
      const { attemptId } = journal.beginAttempt(id)
      journal.recordRetry(id, attemptId, { reason: 'refused', nextAttemptAt: 3000 - index * 1000 })
    }
    expect(journal.nextDueTime(run.id)).toBe(1000)
    expect(journal.nextDue(run.id, 2000, 10).map((o) => o.ordinal)).toEqual([2, 3])
    expect(journal.nextDue(run.id, 5000, 1).map((o) => o.ordinal)).toEqual([1])
    for (const id of ids) journal.skip(id, 'done')
    expect(journal.nextDueTime(run.id)).toBeNull()
  })

  it('returns null for an order or run that does not exist', () => {
    expect(journal.getOrder(12345)).toBeNull()
    expect(journal.getRun(12345)).toBeNull()
    expect(journal.orderRows(12345)).toEqual([])
    expect(journal.attempts(12345)).toEqual([])
  })
})
