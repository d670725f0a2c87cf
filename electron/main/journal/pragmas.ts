// Durability settings, applied and read back on every open. better-sqlite3's SQLite defaults to
// synchronous=NORMAL in WAL mode, under which a committed intent can vanish on power loss and the
// order would then be sent twice; so FULL is required, and checked rather than trusted.
import { msg } from '#shared/i18n/message'
import type { Database } from 'better-sqlite3'
import { JournalError } from './errors'

export const BUSY_TIMEOUT_MS = 5000
const SYNCHRONOUS_FULL = 2

type PragmaDb = Pick<Database, 'pragma'>

export interface DurabilityPragmas {
  journalMode: string
  synchronous: number
  foreignKeys: number
  busyTimeout: number
}

export function applyDurablePragmas(db: PragmaDb, path: string): DurabilityPragmas {
  // Order matters: switching to WAL resets synchronous to the WAL default, so FULL comes after.
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${SYNCHRONOUS_FULL}`)
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('cache_size = -65536')
  const actual = readDurabilityPragmas(db)
  if (actual.journalMode !== 'wal') {
    throw new JournalError(
      'not-durable',
      path,
      msg('journal.noWal', { path, mode: String(actual.journalMode) })
    )
  }
  if (actual.synchronous !== SYNCHRONOUS_FULL) {
    throw new JournalError(
      'not-durable',
      path,
      msg('journal.noSync', { path, value: String(actual.synchronous) })
    )
  }
  if (actual.foreignKeys !== 1) {
    throw new JournalError(
      'not-durable',
      path,
      msg('journal.noForeignKeys', { path })
    )
  }
  return actual
}

export function readDurabilityPragmas(db: PragmaDb): DurabilityPragmas {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true }))
  }
}
