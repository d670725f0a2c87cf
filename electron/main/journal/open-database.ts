// Opening the SQLite file itself: refuse what is not ours, make it durable, bring the schema up
// to date, and check it after an unclean shutdown.
import type { Database as SqliteDatabase } from 'better-sqlite3'
import { openSqliteDatabase, SqliteBindingError } from '../native/sqlite-binding'
import { JournalError } from './errors'
import { checkJournalIdentity, migrate } from './migrate'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations'
import { applyDurablePragmas } from './pragmas'
import { storageError } from './sqlite-errors'

export interface OpenDatabaseOptions {
  /** The previous holder died with the journal open: check the file before trusting it. */
  checkIntegrity: boolean
  migrations?: readonly Migration[]
}

export function openDatabase(path: string, options: OpenDatabaseOptions): SqliteDatabase {
  let db: SqliteDatabase | null = null
  try {
    db = openSqliteDatabase(path)
    const migrations = options.migrations ?? MIGRATIONS
    // Identity and version are checked before anything is written, so a newer journal or
    // another program's database is left exactly as it was.
    checkJournalIdentity(db, path, migrations)
    applyDurablePragmas(db, path)
    migrate(db, path, migrations)
    if (options.checkIntegrity) requireIntact(db, path)
    return db
  } catch (error) {
    db?.close()
    // The native module itself would not load (built for another runtime): say which command fixes it.
    if (error instanceof SqliteBindingError) throw new JournalError('cannot-open', path, error.message, { cause: error })
    throw storageError(path, 'open the journal', error)
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
  throw new JournalError(
    'damaged',
    path,
    `The journal ${path} is damaged (${problems.slice(0, 3).join('; ')}). Nothing more will be sent from it. ` +
      'Keep the file for support and pass a different --journal.'
  )
}
