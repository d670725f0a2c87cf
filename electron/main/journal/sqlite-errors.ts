// SQLite failures turned into plain words: what could not be done, why, and what to do.
import { msg, type Message } from '#shared/i18n/message'
import { JournalError } from './errors'
import type { JournalStep } from './journal-step'
import { damagedRefusal } from './refusals'

export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  const { code } = error as { code: unknown }
  return typeof code === 'string' ? code : null
}

/** `doing` completes "Could not ...", e.g. "record the answers for 3 orders", in the reader's
 * language like the rest of the sentence. */
export function storageError(path: string, doing: JournalStep, cause: unknown): JournalError {
  if (cause instanceof JournalError) return cause
  const code = sqliteCode(cause) ?? ''
  if (code === 'SQLITE_NOTADB') return new JournalError('not-a-journal', path, msg('journal.notADatabase', { path }), { cause })
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new JournalError(
      'damaged',
      path,
      damagedRefusal(path, msg('journal.damaged.couldNot', { doing })),
      { cause }
    )
  }
  return new JournalError('storage', path, msg('journal.storage', { doing, reason: reason(code), path }), { cause })
}

function reason(code: string): Message {
  if (code === 'SQLITE_FULL') return msg('journal.reason.full')
  if (code.startsWith('SQLITE_READONLY')) return msg('journal.reason.readOnly')
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return msg('journal.reason.busy')
  if (code.startsWith('SQLITE_CANTOPEN')) return msg('journal.reason.cantOpen')
  if (code.startsWith('SQLITE_IOERR')) return msg('journal.reason.io')
  if (code.startsWith('SQLITE_CONSTRAINT')) return msg('journal.reason.constraint')
  return msg('journal.reason.unexpected', { code: code || 'no code' })
}
