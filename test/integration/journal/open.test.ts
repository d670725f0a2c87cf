import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalError, JournalVersionError, LATEST_JOURNAL_VERSION, defaultJournalPath } from '../../../electron/main/journal'
import { applyDurablePragmas } from '../../../electron/main/journal/pragmas'
import { makeTempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

describe('Journal.open', () => {
  it('creates missing folders and sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const path = join(dir, 'deep', 'er', 'journal.sqlite')
    const journal = Journal.open(path)
    expect(journal.durability()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 })
    expect(existsSync(path)).toBe(true)
    journal.close()
  })

  it('sets synchronous=FULL again on every open (it is not kept in the file)', () => {
    const path = join(dir, 'journal.sqlite')
    Journal.open(path).close()
    const plain = new Database(path)
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal')
    // better-sqlite3's default for WAL is NORMAL (1): proof that the journal's FULL is per open.
    expect(plain.pragma('synchronous', { simple: true })).toBe(1)
    plain.close()
    const journal = Journal.open(path)
    expect(journal.durability().synchronous).toBe(2)
    journal.close()
  })

  it('reports the absolute path and the schema version it migrated to', () => {
    const journal = Journal.open(join(dir, 'j.sqlite'))
    expect(journal.path).toBe(join(dir, 'j.sqlite'))
    journal.close()
    const db = new Database(join(dir, 'j.sqlite'))
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_JOURNAL_VERSION)
    db.close()
  })

  it('refuses a journal made by a newer Orderbatch, leaves it untouched and releases the lock', () => {
    const path = join(dir, 'journal.sqlite')
    Journal.open(path).close()
    const db = new Database(path)
    db.pragma(`user_version = ${LATEST_JOURNAL_VERSION + 5}`)
    db.close()

    const attempt = (): Journal => Journal.open(path)
    expect(attempt).toThrow(JournalVersionError)
    expect(attempt).toThrow(/made by a newer Orderbatch.*Update Orderbatch to open it.*Do not import the same sheet with another journal/)
    expect(attempt).not.toThrow(/different --journal|fresh journal/)
    expect(existsSync(`${path}.lock`)).toBe(false)
    const after = new Database(path)
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_JOURNAL_VERSION + 5)
    after.close()
  })

  it('refuses a file that is not a database, naming the file', () => {
    const path = join(dir, 'orders.csv')
    writeFileSync(path, 'email;name\n'.repeat(200))
    let error: unknown
    try {
      Journal.open(path)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(JournalError)
    expect((error as JournalError).code).toBe('not-a-journal')
    expect((error as JournalError).message).toContain(path)
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it("refuses another program's SQLite database without changing it", () => {
    const path = join(dir, 'other.db')
    const other = new Database(path)
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
    other.close()
    expect(() => Journal.open(path)).toThrow(/some other program, not an Orderbatch journal/)
    const check = new Database(path)
    expect(check.pragma('user_version', { simple: true })).toBe(0)
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete')
    check.close()
  })

  it('refuses to be used after close, in plain words', () => {
    const journal = Journal.open(join(dir, 'j.sqlite'))
    journal.close()
    journal.close()
    expect(() => journal.listRuns()).toThrow(/is closed\. Open it again/)
  })

  it('gives a default path inside the user data folder', () => {
    expect(defaultJournalPath('/home/anna/.config/Orderbatch')).toBe('/home/anna/.config/Orderbatch/journal.sqlite')
  })
})

describe('applyDurablePragmas', () => {
  // A file system without WAL support answers the journal_mode change with its old mode.
  function fakeDb(answers: Record<string, unknown>): { pragma: (source: string) => unknown } {
    return {
      pragma: (source: string) => (source.includes('=') ? [] : answers[source.trim()])
    }
  }

  it('throws a clear error when WAL could not be set', () => {
    const db = fakeDb({ journal_mode: 'delete', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 })
    expect(() => applyDurablePragmas(db as never, '/mnt/share/j.sqlite')).toThrow(
      /journal \/mnt\/share\/j\.sqlite cannot use write-ahead logging.*local disk/
    )
  })

  it('throws a clear error when synchronous=FULL did not stick', () => {
    const db = fakeDb({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 5000 })
    let error: unknown
    try {
      applyDurablePragmas(db as never, '/x/j.sqlite')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(JournalError)
    expect((error as JournalError).code).toBe('not-durable')
    expect((error as JournalError).message).toMatch(/synchronous is 1, 2 is needed/)
  })

  it('accepts a connection that reads back WAL and FULL', () => {
    const db = fakeDb({ journal_mode: 'WAL', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 })
    expect(applyDurablePragmas(db as never, '/x/j.sqlite')).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 })
  })
})
