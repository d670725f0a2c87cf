import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, LATEST_JOURNAL_VERSION, MIGRATIONS } from '../../../electron/main/journal'
import { checkMigrationList } from '../../../electron/main/journal/migrate'
import { makeTempDir, orderInput, runInput } from './helpers'
import { SANDBOX_DESTINATION, UNKNOWN_DESTINATION, shopDestination } from '#shared/run/destination'

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

/** A journal as release `version` left it: its steps, one run of two pending orders. */
function oldJournal(path: string, version: number): Database.Database {
  const db = new Database(path)
  for (const step of MIGRATIONS.slice(0, version)) db.transaction(() => step.up(db))()
  db.pragma(`user_version = ${version}`)
  const run = runInput()
  db.prepare(
    `INSERT INTO runs (id, created_at, source_name, source_hash, source_size, sheet, mapping, settings, status) VALUES (1, 1, ?, ?, ?, NULL, ?, ?, 'staged')`
  ).run(run.sourceName, run.sourceHash, run.sourceSize, JSON.stringify(run.mapping), JSON.stringify(run.settings))
  const order = db.prepare(`INSERT INTO orders (run_id, ordinal, fingerprint, payload, email, state) VALUES (1, ?, ?, ?, ?, 'pending')`)
  for (const input of [orderInput(1), orderInput(2)]) order.run(input.ordinal, input.fingerprint, JSON.stringify(input.payload), input.email)
  return db
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

  // For every older version: build that file with the app's own earlier steps (run by hand: the
  // current statements need the current schema), put data in it, then let the current app open it.
  for (let from = 1; from < LATEST_JOURNAL_VERSION; from++) {
    it(`upgrade a version ${from} journal to the current schema and keep its data`, () => {
      const fresh = join(dir, 'fresh.sqlite')
      Journal.open(fresh).close()

      const old = join(dir, `v${from}.sqlite`)
      oldJournal(old, from)
      expect(versionOf(old)).toBe(from)

      const journal = Journal.open(old)
      expect(journal.runCounts(1).pending).toBe(2)
      expect(journal.getRun(1)?.sourceName).toBe('orders.csv')
      journal.close()
      expect(versionOf(old)).toBe(LATEST_JOURNAL_VERSION)
      expect(schemaOf(old)).toEqual(schemaOf(fresh))
    })
  }

  it('give the runs of an older journal their destination from what each run stored (migration 5)', () => {
    const path = join(dir, 'v4.sqlite')
    const db = oldJournal(path, 4)
    const insert = db.prepare(
      `INSERT INTO runs (id, created_at, source_name, source_hash, source_size, sheet, mapping, settings, status) VALUES (?, 1, 'o.csv', ?, 1, NULL, ?, ?, 'finished')`
    )
    const sandboxSource = JSON.stringify({ version: 1, source: { headers: [], headerRow: 1, format: 'csv', sandbox: true } })
    const shopSource = JSON.stringify({ version: 1, source: { headers: [], headerRow: 1, format: 'csv', sandbox: false } })
    insert.run(2, 'c'.repeat(64), sandboxSource, JSON.stringify({ rate: 20, concurrency: 4, apiBase: 'http://127.0.0.1:40000/api/', login: 'demo' }))
    insert.run(3, 'c'.repeat(64), shopSource, JSON.stringify({ rate: 1, concurrency: 1, apiBase: 'https://MyShop.InfluencerSoft.com/api', login: 'MyShop' }))
    insert.run(4, 'c'.repeat(64), '{}', '{"rate":1}')
    db.close()

    const journal = Journal.open(path)
    expect(journal.getRun(1)?.destination).toBe(shopDestination('shop-owner', 'https://shop.example.com'))
    expect(journal.getRun(2)?.destination).toBe(SANDBOX_DESTINATION)
    expect(journal.getRun(3)?.destination).toBe('shop myshop https://myshop.influencersoft.com/api/')
    expect(journal.getRun(4)?.destination).toBe(UNKNOWN_DESTINATION)
    journal.close()
  })

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
