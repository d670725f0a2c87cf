import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, LATEST_JOURNAL_VERSION, MIGRATIONS } from '../../../electron/main/journal'
import { checkMigrationList } from '../../../electron/main/journal/migrate'
import { makeTempDir, orderInput, runInput } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

function schemaOf(path: string): Array<{ type: string; name: string; sql: string | null }> {
  const db = new Database(path, { readonly: true })
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; sql: string | null }>
  db.close()
  return rows
}

function versionOf(path: string): number {
  const db = new Database(path, { readonly: true })
  const version = Number(db.pragma('user_version', { simple: true }))
  db.close()
  return version
}

describe('journal migrations', () => {
  it('are numbered 1, 2, 3... with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_JOURNAL_VERSION).toBe(MIGRATIONS.length)
    expect(() => checkMigrationList([MIGRATIONS[0]!, { ...MIGRATIONS[1]!, version: 3 }])).toThrow(/expected 2/)
  })

  it('build the whole schema from an empty file', () => {
    const path = join(dir, 'fresh.sqlite')
    Journal.open(path).close()
    expect(versionOf(path)).toBe(LATEST_JOURNAL_VERSION)
    const names = schemaOf(path).map((entry) => `${entry.type}:${entry.name}`)
    for (const table of ['runs', 'orders', 'order_rows', 'attempts']) expect(names).toContain(`table:${table}`)
    for (const index of ['orders_by_run_state', 'orders_by_fingerprint', 'orders_by_email']) expect(names).toContain(`index:${index}`)
  })

  // For every older version: build that file with the app's own earlier steps, put data in it,
  // then let the current app open it.
  for (let from = 1; from < LATEST_JOURNAL_VERSION; from++) {
    it(`upgrade a version ${from} journal to the current schema and keep its data`, () => {
      const fresh = join(dir, 'fresh.sqlite')
      Journal.open(fresh).close()

      const old = join(dir, `v${from}.sqlite`)
      const oldJournal = Journal.open(old, { migrations: MIGRATIONS.slice(0, from) })
      const run = oldJournal.createRun(runInput())
      oldJournal.stageOrders(run.id, [orderInput(1), orderInput(2)])
      oldJournal.close()
      expect(versionOf(old)).toBe(from)

      const journal = Journal.open(old)
      expect(journal.runCounts(run.id).pending).toBe(2)
      expect(journal.getRun(run.id)?.sourceName).toBe('orders.csv')
      journal.close()
      expect(versionOf(old)).toBe(LATEST_JOURNAL_VERSION)
      expect(schemaOf(old)).toEqual(schemaOf(fresh))
    })
  }

  it('upgrade a version 1 journal written by hand (as an old release left it)', () => {
    const path = join(dir, 'handmade.sqlite')
    const db = new Database(path)
    db.transaction(() => MIGRATIONS[0]!.up(db))()
    db.pragma('user_version = 1')
    db.prepare(
      `INSERT INTO runs (id, created_at, source_name, source_hash, source_size, sheet, mapping, settings, status)
       VALUES (1, 1, 'old.xlsx', ?, 10, 'Sheet1', '{}', '{"rate":1,"concurrency":1,"apiBase":"https://a.example","login":"x"}', 'paused')`
    ).run('b'.repeat(64))
    db.prepare(
      `INSERT INTO orders (run_id, ordinal, fingerprint, payload, email, state) VALUES (1, 1, 'fp', '[["bill_email","a@b.c"]]', 'a@b.c', 'sending')`
    ).run()
    db.close()

    const journal = Journal.open(path)
    expect(journal.latestUnfinishedRun()?.sourceName).toBe('old.xlsx')
    // The old file also had an order cut off mid-flight.
    expect(journal.recoveredSending).toBe(1)
    expect(journal.runCounts(1).unknown).toBe(1)
    journal.close()
  })

  it('keep created orders final even if code tried to change them directly', () => {
    const path = join(dir, 'j.sqlite')
    const journal = Journal.open(path)
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, [orderInput(1)])
    const [order] = journal.nextDue(run.id, Date.now(), 1)
    const { attemptId } = journal.beginAttempt(order!.id)
    journal.recordCreated(order!.id, attemptId, { billId: 77, existed: false, raw: '{}', httpStatus: 200 })
    journal.close()

    const db = new Database(path)
    expect(() => db.prepare("UPDATE orders SET state = 'pending' WHERE id = ?").run(order!.id)).toThrow(/created order cannot be changed/)
    db.close()
  })

  it('only let a failed order have its data edited', () => {
    const path = join(dir, 'j.sqlite')
    const journal = Journal.open(path)
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, [orderInput(1)])
    journal.close()
    const db = new Database(path)
    expect(() => db.prepare("UPDATE orders SET payload = '[]'").run()).toThrow(/only a failed order can be edited/)
    db.close()
  })
})
