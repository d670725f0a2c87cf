// Durability settings, applied and read back on every open. better-sqlite3's SQLite defaults to
// synchronous=NORMAL in WAL mode, under which a committed intent can vanish on power loss and the
// order would then be sent twice; so FULL is required, and checked rather than trusted.
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
      `The journal ${path} cannot use write-ahead logging here (the file system gave '${actual.journalMode}'). ` +
        'Move the journal to a local disk (not a network share or a USB stick), with its -wal file if there is one, and pass its new place with --journal.'
    )
  }
  if (actual.synchronous !== SYNCHRONOUS_FULL) {
    throw new JournalError(
      'not-durable',
      path,
      `The journal ${path} could not be set to flush every change to disk (synchronous is ${actual.synchronous}, 2 is needed). ` +
        'Nothing was sent. Report this to the Orderbatch maintainers.'
    )
  }
  if (actual.foreignKeys !== 1) {
    throw new JournalError(
      'not-durable',
      path,
      `The journal ${path} could not turn on its consistency checks (foreign_keys). Nothing was sent. ` +
        'Report this to the Orderbatch maintainers.'
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
