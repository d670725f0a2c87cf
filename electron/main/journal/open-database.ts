// Opening the SQLite file itself: lock it, refuse what is not ours, make it durable, bring the
// schema up to date, and check it after an unclean shutdown.
import type { Database as SqliteDatabase } from 'better-sqlite3'
import { openSqliteDatabase, SqliteBindingError } from '../native/sqlite-binding'
import { JournalError } from './errors'
import { checkJournalIdentity, migrate } from './migrate'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations'
import { applyDurablePragmas } from './pragmas'
import { lockJournal, refuseHardLinked } from './lock'
import type { JournalLock } from './lock'
import { damagedRefusal } from './refusals'
import { storageError } from './sqlite-errors'
import { journalStep } from './journal-step'

export interface OpenDatabaseOptions {
  /** Clock for the lock's note of who holds it. */
  now: () => number
  migrations?: readonly Migration[]
}

export interface OpenedDatabase {
  db: SqliteDatabase
  lock: JournalLock
}

/** Opens the journal at its real path under its exclusive lock (see lock.ts); after an unclean
 * shutdown of the last holder, the file is checked before it is trusted. */
export function openDatabase(path: string, options: OpenDatabaseOptions): OpenedDatabase {
  let db: SqliteDatabase | null = null
  let lock: JournalLock | null = null
  try {
    refuseHardLinked(path)
    db = openSqliteDatabase(path)
    lock = lockJournal(db, path, options.now)
    // Created just now, or linked while we were opening it.
    refuseHardLinked(path)
    const migrations = options.migrations ?? MIGRATIONS
    // Identity and version are checked before anything is written, so a newer journal or
    // another program's database is left exactly as it was.
    checkJournalIdentity(db, path, migrations)
    applyDurablePragmas(db, path)
    migrate(db, path, migrations)
    if (lock.tookOverStale) requireIntact(db, path)
    return { db, lock }
  } catch (error) {
    lock?.abandon()
    db?.close()
    // The native module itself would not load (built for another runtime): say which command fixes it.
    if (error instanceof SqliteBindingError) throw new JournalError('cannot-open', path, error.message, { cause: error })
    throw storageError(path, journalStep('journal.step.openJournal'), error)
  }
}

export function integrityProblems(db: SqliteDatabase, check: 'integrity_check' | 'quick_check' = 'integrity_check'): string[] {
  const results = db.pragma(check, { simple: false }) as Array<Record<string, unknown>>
  const lines = results.map((row) => String(Object.values(row)[0]))
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines
}

function requireIntact(db: SqliteDatabase, path: string): void {
  const problems = integrityProblems(db, 'quick_check')
  if (problems.length === 0) return
  throw new JournalError('damaged', path, damagedRefusal(path, problems.slice(0, 3).join('; ')))
}
