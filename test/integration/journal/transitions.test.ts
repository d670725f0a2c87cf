import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { JournalError, JournalStateError, ORDER_STATES, RAW_ANSWER_LIMIT_BYTES } from '../../../electron/main/journal'
import type { Journal, OrderRecord, OrderState } from '../../../electron/main/journal'
import { SHOP, driveTo, makeTempDir, orderInput, sha256, stagedJournal } from './helpers'

let dir: string
let cleanup: () => void
let journal: Journal
let runId: number
let ids: number[]
let clock: number

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  clock = 1_000_000
  ;({ journal, runId, orderIds: ids } = stagedJournal(join(dir, 'journal.sqlite'), 4, () => clock))
})
afterEach(() => {
  journal.close()
  cleanup()
})

function order(id: number): OrderRecord {
  const found = journal.getOrder(id)
  if (found === null) throw new Error(`no order ${id}`)
  return found
}

describe('valid transitions', () => {
  it('pending -> sending writes the intent and hands back the frozen payload', () => {
    const id = ids[0]!
    clock = 1_000_500
    const { attemptId, payload } = journal.beginAttempt(id)
    expect(payload).toEqual(orderInput(1).payload)
    expect(order(id)).toMatchObject({ state: 'sending', attempts: 1, sentAt: 1_000_500 })
    expect(journal.attempts(id)).toEqual([
      expect.objectContaining({ id: attemptId, startedAt: 1_000_500, finishedAt: null, outcome: null })
    ])
  })

  it('sending -> succeeded stores the bill and the raw answer in the same step', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    clock = 1_002_000
    const raw = '{"error_code":0,"error_text":"ok","result":{"bill_id":4711}}'
    journal.recordCreated(id, attemptId, { billId: 4711, existed: false, raw, httpStatus: 200 })
    expect(order(id)).toMatchObject({ state: 'succeeded', billId: 4711, existed: false, finishedAt: 1_002_000, resolvedBy: 'api' })
    expect(journal.attempts(id)[0]).toMatchObject({ outcome: 'created', raw, rawSize: raw.length, httpStatus: 200, finishedAt: 1_002_000 })
    expect(journal.billIdsClaimed(SHOP)).toEqual(new Set([4711]))
  })

  it('a 601 answer is recorded as existed', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    journal.recordCreated(id, attemptId, { billId: 99, existed: true, raw: '{"error_code":601}', httpStatus: 200 })
    expect(order(id)).toMatchObject({ state: 'succeeded', existed: true, billId: 99 })
    expect(journal.attempts(id)[0]?.outcome).toBe('existed')
  })

  it('sending -> failed keeps the shop error for the user', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    journal.recordFailed(id, attemptId, { code: 4, text: 'bill_email is not valid', raw: '{"error_code":4}', httpStatus: 200 })
    expect(order(id)).toMatchObject({ state: 'failed', errorCode: 4, errorText: 'bill_email is not valid' })
    expect(journal.attempts(id)[0]).toMatchObject({ outcome: 'failed', errorCode: 4 })
  })

  it('sending -> pending (not sent) schedules the next attempt and keeps the order out of nextDue until then', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    journal.recordRetry(id, attemptId, { reason: 'connection refused', nextAttemptAt: 1_060_000, code: 'ECONNREFUSED' })
    expect(order(id)).toMatchObject({ state: 'pending', nextAttemptAt: 1_060_000, errorCode: 'ECONNREFUSED', attempts: 1 })
    expect(journal.attempts(id)[0]).toMatchObject({ outcome: 'retry', errorText: 'connection refused' })
    expect(journal.nextDue(runId, 1_059_999, 100).map((o) => o.id)).not.toContain(id)
    expect(journal.nextDue(runId, 1_060_000, 100).map((o) => o.id)).toContain(id)
  })

  it('records rate limiting and stop answers with their own outcome', () => {
    const [a, b] = [ids[0]!, ids[1]!]
    const first = journal.beginAttempt(a)
    journal.recordRetry(a, first.attemptId, { reason: 'rate limited', nextAttemptAt: 2_000_000, kind: 'backoff', httpStatus: 429 })
    const second = journal.beginAttempt(b)
    journal.recordRetry(b, second.attemptId, { reason: 'login refused', nextAttemptAt: 0, kind: 'stop', httpStatus: 401 })
    expect(journal.attempts(a)[0]).toMatchObject({ outcome: 'backoff', httpStatus: 429 })
    expect(journal.attempts(b)[0]).toMatchObject({ outcome: 'stop', httpStatus: 401 })
  })

  it('sending -> unknown keeps the order out of automatic sending', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    journal.recordUnknown(id, attemptId, { reason: 'no answer within 30 s', httpStatus: null })
    expect(order(id)).toMatchObject({ state: 'unknown', errorText: 'no answer within 30 s' })
    expect(journal.nextDue(runId, Number.MAX_SAFE_INTEGER, 100).map((o) => o.id)).not.toContain(id)
  })

  it('unknown -> succeeded by reconciliation or by the user', () => {
    driveTo(journal, ids[0]!, 'unknown')
    driveTo(journal, ids[1]!, 'unknown')
    journal.resolveCreated(ids[0]!, { billId: 501, by: 'reconcile', note: 'found by tag imp-1' })
    journal.resolveCreated(ids[1]!, { billId: 502, by: 'user' })
    expect(order(ids[0]!)).toMatchObject({ state: 'succeeded', billId: 501, resolvedBy: 'reconcile' })
    expect(order(ids[1]!)).toMatchObject({ state: 'succeeded', billId: 502, resolvedBy: 'user' })
    expect(journal.attempts(ids[0]!).map((a) => a.outcome)).toEqual(['unknown', 'reconciled-created'])
    expect(journal.attempts(ids[0]!)[1]?.note).toBe('found by tag imp-1')
    expect(journal.attempts(ids[1]!).map((a) => a.outcome)).toEqual(['unknown', 'user-created'])
  })

  it('unknown -> pending when proven absent, due at once', () => {
    driveTo(journal, ids[0]!, 'unknown')
    driveTo(journal, ids[1]!, 'unknown')
    clock = 1_500_000
    journal.resolveAbsent(ids[0]!, { by: 'reconcile' })
    journal.resolveAbsent(ids[1]!, { by: 'user' })
    expect(order(ids[0]!)).toMatchObject({ state: 'pending', resolvedBy: 'reconcile', nextAttemptAt: 1_500_000 })
    expect(journal.attempts(ids[0]!).map((a) => a.outcome)).toEqual(['unknown', 'reconciled-absent'])
    expect(journal.attempts(ids[1]!).map((a) => a.outcome)).toEqual(['unknown', 'user-absent'])
    expect(journal.nextDue(runId, 1_500_000, 1)[0]?.id).toBe(ids[0])
  })

  it('failed -> pending as is, then sent again with a second attempt', () => {
    const id = ids[0]!
    driveTo(journal, id, 'failed')
    journal.requeueFailed(id)
    expect(order(id)).toMatchObject({ state: 'pending', finishedAt: null, payload: orderInput(1).payload })
    journal.beginAttempt(id)
    expect(order(id).attempts).toBe(2)
  })

  it('failed -> pending with corrected data replaces payload, fingerprint, email and rows', () => {
    const id = ids[0]!
    driveTo(journal, id, 'failed')
    const corrected = {
      payload: [['bill_email', 'fixed@example.com'], ['goods[0][good_name]', 'course-1']] as Array<[string, string]>,
      fingerprint: sha256('fixed'),
      email: 'fixed@example.com',
      rows: [{ sheetRow: 9, cells: ['fixed@example.com', 'course-1'] }]
    }
    journal.requeueFailed(id, corrected)
    expect(order(id)).toMatchObject({ state: 'pending', payload: corrected.payload, fingerprint: sha256('fixed'), email: 'fixed@example.com' })
    expect(journal.orderRows(id)).toEqual([{ orderId: id, sheetRow: 9, cells: ['fixed@example.com', 'course-1'] }])
    expect(journal.beginAttempt(id).payload).toEqual(corrected.payload)
  })

  it('refuses corrected data identical to an order already created, unless forced', () => {
    driveTo(journal, ids[0]!, 'succeeded')
    driveTo(journal, ids[1]!, 'failed')
    const copy = { ...orderInput(1), rows: [{ sheetRow: 40, cells: [] }] }
    expect(() => journal.requeueFailed(ids[1]!, copy)).toThrow(/matches an order already created in run 1/)
    expect(order(ids[1]!).state).toBe('failed')
    journal.requeueFailed(ids[1]!, copy, { force: true })
    expect(order(ids[1]!).fingerprint).toBe(orderInput(1).fingerprint)
  })

  it('pending -> skipped with a reason', () => {
    journal.skip(ids[0]!, 'customer cancelled')
    expect(order(ids[0]!)).toMatchObject({ state: 'skipped', skipReason: 'customer cancelled', resolvedBy: 'user' })
    expect(() => journal.skip(ids[1]!, '  ')).toThrow(/needs a reason/)
  })
})

describe('invalid transitions', () => {
  it('explains the refusal in plain words naming the order and run', () => {
    driveTo(journal, ids[2]!, 'succeeded')
    expect(() => journal.beginAttempt(ids[2]!)).toThrow(/^Cannot send order #3 of run 1: it was already created in the shop \(bill \d+\)/)
    driveTo(journal, ids[3]!, 'unknown')
    expect(() => journal.requeueFailed(ids[3]!)).toThrow(/order #4 of run 1: it may already exist in the shop.*reconcile/)
  })

  it("refuses an answer for an attempt that is not the order's attempt in flight", () => {
    const id = ids[0]!
    const first = journal.beginAttempt(id)
    journal.recordRetry(id, first.attemptId, { reason: 'refused', nextAttemptAt: 0 })
    journal.beginAttempt(id)
    // A late answer to the first attempt must not settle the second one.
    expect(() => journal.recordCreated(id, first.attemptId, { billId: 1, existed: false, raw: '', httpStatus: 200 })).toThrow(
      /Attempt \d+ is not the sending in progress for order #1 of run 1/
    )
    expect(order(id).state).toBe('sending')
  })

  it('refuses to give one bill to two orders when resolving', () => {
    driveTo(journal, ids[0]!, 'unknown')
    driveTo(journal, ids[1]!, 'unknown')
    journal.resolveCreated(ids[0]!, { billId: 777, by: 'reconcile' })
    expect(() => journal.resolveCreated(ids[1]!, { billId: 777, by: 'reconcile' })).toThrow(
      /Cannot give bill 777 to order #2 of run 1: it already belongs to order #1 of run 1/
    )
    expect(order(ids[1]!).state).toBe('unknown')
  })

  it('refuses to send orders of a cancelled run', () => {
    journal.setRunStatus(runId, 'cancelled')
    expect(() => journal.beginAttempt(ids[0]!)).toThrow(/run 1 was cancelled/)
  })

  it('rejects bad inputs before touching anything', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    expect(() => journal.recordCreated(id, attemptId, { billId: 0, existed: false, raw: '', httpStatus: 200 })).toThrow(JournalError)
    expect(() => journal.recordRetry(id, attemptId, { reason: 'x', nextAttemptAt: Number.NaN })).toThrow(/nextAttemptAt/)
    expect(() => journal.beginAttempt(999_999)).toThrow(/no order with id 999999/)
    expect(order(id).state).toBe('sending')
  })
})

describe('raw answers', () => {
  it('are cut at 64 KB without splitting a character, keeping the full size', () => {
    const id = ids[0]!
    const { attemptId } = journal.beginAttempt(id)
    const huge = 'я'.repeat(40_000) // 80 000 bytes of two-byte characters
    journal.recordUnknown(id, attemptId, { reason: 'answer not JSON', raw: huge, httpStatus: 200 })
    const attempt = journal.attempts(id)[0]!
    expect(attempt.rawSize).toBe(80_000)
    expect(new TextEncoder().encode(attempt.raw ?? '').length).toBeLessThanOrEqual(RAW_ANSWER_LIMIT_BYTES)
    expect(attempt.raw).toBe('я'.repeat(RAW_ANSWER_LIMIT_BYTES / 2))
  })
})

// Every action against every state it does not accept: refused, and the order and its attempts
// are left exactly as they were. One journal serves the whole matrix (a fresh order per case).
describe('the transition matrix', () => {
  let shared: Journal
  let pool: number[]
  let cleanupShared: () => void
  beforeAll(() => {
    const temp = makeTempDir()
    cleanupShared = temp.cleanup
    const staged = stagedJournal(join(temp.dir, 'matrix.sqlite'), 80)
    shared = staged.journal
    pool = staged.orderIds
  })
  afterAll(() => {
    shared.close()
    cleanupShared()
  })

  const openAttempt = (j: Journal, id: number): number => j.attempts(id).at(-1)?.id ?? 0
  const actions: Array<{ name: string; allowed: OrderState[]; run: (j: Journal, id: number) => unknown }> = [
    { name: 'beginAttempt', allowed: ['pending'], run: (j, id) => j.beginAttempt(id) },
    {
      name: 'recordCreated',
      allowed: ['sending'],
      run: (j, id) => j.recordCreated(id, openAttempt(j, id), { billId: 1, existed: false, raw: '', httpStatus: 200 })
    },
    { name: 'recordFailed', allowed: ['sending'], run: (j, id) => j.recordFailed(id, openAttempt(j, id), { code: 1, text: 'x', raw: null }) },
    { name: 'recordRetry', allowed: ['sending'], run: (j, id) => j.recordRetry(id, openAttempt(j, id), { reason: 'x', nextAttemptAt: 0 }) },
    { name: 'recordUnknown', allowed: ['sending'], run: (j, id) => j.recordUnknown(id, openAttempt(j, id), { reason: 'x' }) },
    { name: 'resolveCreated', allowed: ['unknown'], run: (j, id) => j.resolveCreated(id, { billId: 900_000 + id, by: 'user' }) },
    { name: 'resolveAbsent', allowed: ['unknown'], run: (j, id) => j.resolveAbsent(id, { by: 'user' }) },
    { name: 'requeueFailed', allowed: ['failed'], run: (j, id) => j.requeueFailed(id) },
    {
      name: 'requeueFailed with edits',
      allowed: ['failed'],
      run: (j, id) => j.requeueFailed(id, { ...orderInput(500), rows: [{ sheetRow: 600, cells: [] }] })
    },
    { name: 'skip', allowed: ['pending'], run: (j, id) => j.skip(id, 'x') }
  ]

  for (const action of actions) {
    for (const state of ORDER_STATES.filter((s) => !action.allowed.includes(s))) {
      it(`${action.name} refuses an order that is ${state}`, () => {
        const id = pool.shift()
        if (id === undefined) throw new Error('the matrix needs more staged orders')
        driveTo(shared, id, state)
        const before = shared.getOrder(id)
        const attemptsBefore = shared.attempts(id)
        expect(() => action.run(shared, id)).toThrow(JournalStateError)
        expect(shared.getOrder(id)).toEqual(before)
        expect(shared.attempts(id)).toEqual(attemptsBefore)
      })
    }
  }
})
