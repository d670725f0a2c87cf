// Every failure a handler can meet, turned into one plain sentence with a short code for the UI.
// Known engine errors keep their own words (they already name the file, row or journal); anything
// unexpected becomes a generic sentence, never a stack trace.
import type { IpcError } from '#shared/ipc/contract'
import { ApiAddressError } from '../api/api-base'
import { ApiClientError } from '../api/api-client'
import { JournalError } from '../journal'
import { SqliteBindingError } from '../native/sqlite-binding'
import { MappingFileError } from '../pipeline/load-mapping'
import { OpError, type OpErrorCode } from '../ops/op-error'

/** A failure the service raises on purpose: the message is already for the user. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError'
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

export function notFound(message: string): ServiceError {
  return new ServiceError('not-found', message)
}

export function busy(message: string): ServiceError {
  return new ServiceError('busy', message)
}

export function toIpcError(error: unknown, what: string): IpcError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message }
  if (error instanceof OpError) return { code: OP_CODES[error.code], message: error.message }
  if (error instanceof JournalError) return { code: journalCode(error), message: error.message }
  if (error instanceof ApiAddressError) return { code: 'connection', message: error.message }
  if (error instanceof ApiClientError) return { code: 'api', message: error.message }
  if (error instanceof MappingFileError) return { code: 'mapping', message: error.message }
  // The database module would not load (the sandbox's shop file): the message names the fix.
  if (error instanceof SqliteBindingError) return { code: 'native-module', message: error.message }
  return {
    code: 'internal',
    message: `Orderbatch could not ${what} because of an internal problem. Try again; if it happens again, restart Orderbatch and report it with the log.`
  }
}

function journalCode(error: JournalError): string {
  if (error.code === 'not-found') return 'not-found'
  if (error.code === 'locked' || error.code === 'open-elsewhere') return 'busy'
  return 'journal'
}

/** The app's codes for the operations' failures ('busy': another run must settle first). */
const OP_CODES: Record<OpErrorCode, string> = {
  'invalid-input': 'invalid-input',
  'no-mapping': 'invalid-input',
  'missing-columns': 'invalid-input',
  'open-elsewhere': 'busy',
  'invalid-state': 'invalid-state'
}
