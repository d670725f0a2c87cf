// SQLite failures turned into plain words: what could not be done, why, and what to do.
import { JournalError } from './errors'
import { damagedRefusal } from './refusals'

export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  const { code } = error as { code: unknown }
  return typeof code === 'string' ? code : null
}

/** `doing` completes "Could not ...", e.g. "record the answer for order #3 of run 1". */
export function storageError(path: string, doing: string, cause: unknown): JournalError {
  if (cause instanceof JournalError) return cause
  const code = sqliteCode(cause) ?? ''
  if (code === 'SQLITE_NOTADB') {
    return new JournalError(
      'not-a-journal',
      path,
      `The file ${path} is not an Orderbatch journal (it is not a database). It was left untouched. Pass a different --journal.`,
      { cause }
    )
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new JournalError(
      'damaged',
      path,
      damagedRefusal(path, `Orderbatch could not ${doing}`),
      { cause }
    )
  }
  return new JournalError('storage', path, `Could not ${doing}: ${reason(code)}. Journal: ${path}. Nothing of this step was saved.`, {
    cause
  })
}

function reason(code: string): string {
  if (code === 'SQLITE_FULL') return 'the disk is full. Free some space and try again'
  if (code.startsWith('SQLITE_READONLY')) return 'the file is read-only. Allow writing to it, then run the same command again'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'another program is holding the file. Close it and try again'
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the file cannot be opened. Check the folder exists and you may write to it'
  if (code.startsWith('SQLITE_IOERR')) return 'the disk reported an error. Check the disk, then try again'
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'the change breaks a rule of the journal. Report this to the Orderbatch maintainers'
  return `an unexpected storage error (${code || 'no code'}). Report this to the Orderbatch maintainers`
}
