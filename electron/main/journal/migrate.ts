// Brings a journal file to the schema this app knows, or refuses it with a plain reason.
import { msg } from '#shared/i18n/message'
import type { Database } from 'better-sqlite3'
import { JournalError, JournalVersionError } from './errors'
import { JOURNAL_APPLICATION_ID, MIGRATIONS } from './migrations'
import type { Migration } from './migrations'

/** Refuses a file that is some other SQLite database, or a journal from a newer app. Reads only:
 * it runs before anything is written to the file. */
export function checkJournalIdentity(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const version = Number(db.pragma('user_version', { simple: true }))
  const applicationId = Number(db.pragma('application_id', { simple: true }))
  const known = latestVersion(migrations)
  const tables = Number(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get())
  const blank = version === 0 && applicationId === 0 && tables === 0
  if (!blank && applicationId !== JOURNAL_APPLICATION_ID) {
    throw new JournalError(
      'not-a-journal',
      path,
      msg('journal.otherDatabase', { path })
    )
  }
  if (version > known) throw new JournalVersionError(path, version, known)
  return version
}

/** Applies every step above the file's version, each in its own transaction with its version
 * number, so a crash between steps resumes at the next one. Returns the final version. */
export function migrate(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number {
  checkMigrationList(migrations)
  let version = checkJournalIdentity(db, path, migrations)
  for (const step of migrations) {
    if (step.version <= version) continue
    try {
      db.transaction(() => {
        step.up(db)
        db.pragma(`user_version = ${step.version}`)
      }).immediate()
    } catch (cause) {
      throw new JournalError(
        'storage',
        path,
        msg('journal.migrationFailed', { path, version: step.version, name: step.name }),
        { cause }
      )
    }
    version = step.version
  }
  return version
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, step) => Math.max(max, step.version), 0)
}

/** Steps must be numbered 1, 2, 3... in order: a gap or a repeat is a programming error. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Journal migration '${step.name}' has version ${step.version}; expected ${index + 1}.`)
    }
  })
}
