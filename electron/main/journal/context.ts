// What the journal's operations share: the connection, its prepared statements, the clock and a
// way to run one durable step.
import type { Database } from 'better-sqlite3'
import type { JournalStep } from './journal-step'
import { storageError } from './sqlite-errors'
import type { Statements } from './statements'

export interface JournalContext {
  readonly db: Database
  readonly st: Statements
  readonly path: string
  readonly now: () => number
  /** Runs `step` as one IMMEDIATE transaction: all of it is committed (and flushed) or none. */
  write: <T>(doing: JournalStep, step: () => T) => T
  /** Runs a read, mapping storage failures to plain errors. */
  read: <T>(doing: JournalStep, query: () => T) => T
}

/** `beforeWrite` runs before every transaction; what it throws is thrown as is (nothing written). */
export function createContext(db: Database, st: Statements, path: string, now: () => number, beforeWrite?: () => void): JournalContext {
  const transaction = db.transaction((step: () => unknown) => step())
  return {
    db,
    st,
    path,
    now,
    write<T>(doing: JournalStep, step: () => T): T {
      beforeWrite?.()
      try {
        return transaction.immediate(step) as T
      } catch (error) {
        throw storageError(path, doing, error)
      }
    },
    read<T>(doing: JournalStep, query: () => T): T {
      try {
        return query()
      } catch (error) {
        throw storageError(path, doing, error)
      }
    }
  }
}
