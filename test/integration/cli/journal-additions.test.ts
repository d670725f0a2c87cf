// The journal additions the CLI needs: one-transaction staging of a run, orders rejected by the
// sheet staged as 'failed', the created-order lookup behind the import preview, and deletions.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, LATEST_JOURNAL_VERSION } from '../../../electron/main/journal'
import { SHOP, driveTo, makeTempDir, orderInput, orderInputs, runInput } from '../journal/helpers'

let dir: string
let cleanup: () => void
let journal: Journal
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  journal = Journal.open(join(dir, 'j.sqlite'))
})
afterEach(() => {
  journal.close()
  cleanup()
})

describe('stageRun', () => {
  it('writes the run and its orders together', () => {
    const { run, result } = journal.stageRun(runInput(), orderInputs(3))
    expect(result.staged).toBe(3)
    expect(journal.runCounts(run.id).pending).toBe(3)
    expect(journal.getRun(run.id)?.status).toBe('staged')
  })

  it('leaves no run behind when one order cannot be staged', () => {
    const bad = orderInput(2, { rows: [] })
    expect(() => journal.stageRun(runInput(), [orderInput(1), bad])).toThrow(/Order #2 .*at least one sheet row/)
    expect(journal.listRuns()).toEqual([])
  })
})

describe('rejected orders', () => {
  it('are staged as failed with their code and text, and are not counted as staged', () => {
    const rejected = orderInput(2, { rejected: { code: 'row-errors', text: 'Row 3: bad e-mail' } })
    const { run, result } = journal.stageRun(runInput(), [orderInput(1), rejected])
    expect(result.staged).toBe(1)
    const [failed] = journal.ordersByState(run.id, ['failed'], { offset: 0, limit: 10 })
    expect(failed).toMatchObject({ ordinal: 2, state: 'failed', errorCode: 'row-errors', errorText: 'Row 3: bad e-mail', attempts: 0 })
    expect(journal.attempts(failed!.id)).toEqual([])
  })

  it('may have no parameters at all, unlike an order to send', () => {
    const empty = orderInput(1, { payload: [], rejected: { code: 'row-errors', text: 'nothing usable' } })
    expect(journal.stageRun(runInput(), [empty]).result.staged).toBe(0)
    expect(() => journal.stageRun(runInput(), [orderInput(1, { payload: [] })])).toThrow(/no CreateOrder parameters/)
  })

  it('are never skipped as duplicates, and can be corrected and requeued', () => {
    const first = journal.stageRun(runInput(), [orderInput(1)])
    const [order] = journal.nextDue(first.run.id, Date.now(), 1)
    driveTo(journal, order!.id, 'succeeded')
    const again = journal.stageRun(runInput(), [orderInput(1, { rejected: { code: 'row-errors', text: 'x' } })])
    expect(again.result.skippedAsDuplicates).toEqual([])
    const [failed] = journal.ordersByState(again.run.id, ['failed'], { offset: 0, limit: 1 })
    const fixed = orderInput(1, { fingerprint: 'f'.repeat(64), email: 'fixed@example.com' })
    const requeued = journal.requeueFailed(failed!.id, { payload: fixed.payload, fingerprint: fixed.fingerprint, email: fixed.email, rows: fixed.rows })
    expect(requeued.state).toBe('pending')
    expect(journal.getOrder(failed!.id)?.email).toBe('fixed@example.com')
  })
})

describe('findCreated', () => {
  it('finds the first created order with the fingerprint, and nothing for a pending one', () => {
    const { run } = journal.stageRun(runInput(), orderInputs(2))
    const [one, two] = journal.nextDue(run.id, Date.now(), 2)
    driveTo(journal, one!.id, 'succeeded')
    const created = journal.getOrder(one!.id)!
    expect(journal.findCreated(created.fingerprint, SHOP)).toEqual({ runId: run.id, billId: created.billId })
    expect(journal.findCreated(two!.fingerprint, SHOP)).toBeNull()
  })
})

describe('deletions', () => {
  it('records a deleted created order once, keeps it across reopening, and refuses other orders', () => {
    const { run } = journal.stageRun(runInput(), orderInputs(2))
    const [one, two] = journal.nextDue(run.id, Date.now(), 2)
    driveTo(journal, one!.id, 'succeeded')
    const billId = journal.getOrder(one!.id)!.billId
    const record = journal.recordDeletion(one!.id, 'deleted by undo')
    expect(record).toMatchObject({ orderId: one!.id, billId, note: 'deleted by undo' })
    expect(() => journal.recordDeletion(one!.id)).toThrow(/already recorded as deleted/)
    expect(() => journal.recordDeletion(two!.id)).toThrow(/never created in the shop/)
    const path = journal.path
    journal.close()
    journal = Journal.open(path)
    expect([...journal.deletions(run.id).values()]).toEqual([record])
    // The created order itself stays final.
    expect(journal.getOrder(one!.id)?.state).toBe('succeeded')
  })

  it('live in schema version 4', () => {
    const path = journal.path
    journal.close()
    const db = new Database(path, { readonly: true })
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(LATEST_JOURNAL_VERSION)
    expect(LATEST_JOURNAL_VERSION).toBeGreaterThanOrEqual(4)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'order_deletions'").pluck().get()).toBe('order_deletions')
    db.close()
    journal = Journal.open(path)
  })
})
