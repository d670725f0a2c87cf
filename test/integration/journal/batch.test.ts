import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalStateError } from '../../../electron/main/journal'
import type { OutcomeEntry } from '../../../electron/main/journal'
import { makeTempDir, stagedJournal } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

describe('journal group commit', () => {
  it('begins many attempts in one commit, in the given order, with each payload', () => {
    const { journal, runId, orderIds } = stagedJournal(join(dir, 'j.sqlite'), 4)
    const begun = journal.beginAttempts([orderIds[2]!, orderIds[0]!])
    expect(begun.map((b) => b.orderId)).toEqual([orderIds[2], orderIds[0]])
    expect(begun[0]!.payload).toEqual(journal.getOrder(orderIds[2]!)!.payload)
    expect(new Set(begun.map((b) => b.attemptId)).size).toBe(2)
    expect(journal.runCounts(runId)).toMatchObject({ sending: 2, pending: 2 })
    expect(journal.beginAttempts([])).toEqual([])
    journal.close()
  })

  it('writes nothing of a batch when one order may not be begun', () => {
    const { journal, runId, orderIds } = stagedJournal(join(dir, 'j.sqlite'), 3)
    journal.skip(orderIds[1]!, 'not wanted')
    expect(() => journal.beginAttempts([orderIds[0]!, orderIds[1]!, orderIds[2]!])).toThrow(JournalStateError)
    expect(journal.runCounts(runId)).toMatchObject({ pending: 2, sending: 0, skipped: 1 })
    expect(journal.attempts(orderIds[0]!)).toEqual([])
    journal.close()
  })

  it('records answers of every kind in one commit', () => {
    const { journal, runId, orderIds } = stagedJournal(join(dir, 'j.sqlite'), 4)
    const begun = journal.beginAttempts(orderIds)
    const entries: OutcomeEntry[] = [
      { kind: 'created', orderId: orderIds[0]!, attemptId: begun[0]!.attemptId, outcome: { billId: 901, existed: false, raw: '{"error_code":0}', httpStatus: 200 } },
      { kind: 'failed', orderId: orderIds[1]!, attemptId: begun[1]!.attemptId, outcome: { code: 600, text: 'wrong email', raw: null } },
      { kind: 'retry', orderId: orderIds[2]!, attemptId: begun[2]!.attemptId, outcome: { kind: 'backoff', reason: 'limit', nextAttemptAt: 123, code: 8 } },
      { kind: 'unknown', orderId: orderIds[3]!, attemptId: begun[3]!.attemptId, outcome: { reason: 'timed out' } }
    ]
    const orders = journal.recordOutcomes(entries)
    expect(orders.map((o) => o.state)).toEqual(['succeeded', 'failed', 'pending', 'unknown'])
    expect(journal.runCounts(runId)).toMatchObject({ succeeded: 1, failed: 1, pending: 1, unknown: 1, sending: 0 })
    expect(journal.attempts(orderIds[2]!).map((a) => a.outcome)).toEqual(['backoff'])
    expect(journal.getOrder(orderIds[2]!)?.nextAttemptAt).toBe(123)
    journal.close()
  })

  it('rolls the whole group back when one answer does not fit its order', () => {
    const { journal, runId, orderIds } = stagedJournal(join(dir, 'j.sqlite'), 2)
    const begun = journal.beginAttempts(orderIds)
    expect(() =>
      journal.recordOutcomes([
        { kind: 'created', orderId: orderIds[0]!, attemptId: begun[0]!.attemptId, outcome: { billId: 902, existed: false, raw: '{}', httpStatus: 200 } },
        // The wrong attempt: a late answer must never overwrite a newer attempt.
        { kind: 'unknown', orderId: orderIds[1]!, attemptId: begun[0]!.attemptId, outcome: { reason: 'late' } }
      ])
    ).toThrow(JournalStateError)
    expect(journal.runCounts(runId)).toMatchObject({ sending: 2, succeeded: 0 })
    journal.close()
  })

  it('turns the orders of one run left sending into unknown, closing their attempts', () => {
    const path = join(dir, 'j.sqlite')
    const { journal, runId, orderIds } = stagedJournal(path, 2)
    const other = journal.createRun({ ...journal.getRun(runId)!, sourceName: 'other.csv', settings: journal.getRun(runId)!.settings })
    journal.beginAttempt(orderIds[0]!)
    expect(journal.abandonSending(other.id, 'left behind')).toBe(0)
    expect(journal.abandonSending(runId, 'left behind')).toBe(1)
    const order = journal.getOrder(orderIds[0]!)
    expect(order).toMatchObject({ state: 'unknown', errorText: 'left behind' })
    expect(journal.attempts(orderIds[0]!)).toMatchObject([{ outcome: 'unknown', note: 'left behind' }])
    expect(journal.abandonSending(runId, 'again')).toBe(0)
    journal.close()
    const reopened = Journal.open(path)
    expect(reopened.recoveredSending).toBe(0)
    reopened.close()
  })
})
