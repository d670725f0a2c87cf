// Every failure a handler can meet, turned into one plain sentence with a short code for the UI.
// Known engine errors keep their own words (they already name the file, row or journal); anything
// unexpected becomes a generic sentence, never a stack trace.
import type { IpcError } from '#shared/ipc/contract'
import { englishOf, msg, type Localized, type Message } from '#shared/i18n/message'
import { ApiAddressError } from '../api/api-base'
import { ApiClientError } from '../api/api-client'
import { JournalError } from '../journal'
import { SqliteBindingError } from '../native/sqlite-binding'
import { MappingFileError } from '../pipeline/load-mapping'
import { OpError, type OpErrorCode } from '../ops/op-error'

/** A failure the service raises on purpose: the message is already for the user (given as a
 * catalog key and values, it reaches the renderer as those too, to be worded in its language). */
export class ServiceError extends Error implements Localized {
  override readonly name = 'ServiceError'
  readonly code: string
  readonly localized?: Message

  constructor(code: string, message: string | Message) {
    super(typeof message === 'string' ? message : englishOf(message))
    this.code = code
    if (typeof message !== 'string') this.localized = message
  }
}

export function notFound(message: string | Message): ServiceError {
  return new ServiceError('not-found', message)
}

export function busy(message: string | Message): ServiceError {
  return new ServiceError('busy', message)
}

/** `what`: the user's request, as a message (the end of "Orderbatch could not ..."), so the
 * sentence is in the reader's language throughout. */
export function toIpcError(error: unknown, what: Message): IpcError {
  if (error instanceof ServiceError) return withKey({ code: error.code, message: error.message }, error)
  if (error instanceof OpError) return withKey({ code: OP_CODES[error.code], message: error.message }, error)
  if (error instanceof JournalError) return withKey({ code: journalCode(error), message: error.message }, error)
  if (error instanceof ApiAddressError) return withKey({ code: 'connection', message: error.message }, error)
  if (error instanceof ApiClientError) return withKey({ code: 'api', message: error.message }, error)
  if (error instanceof MappingFileError) return withKey({ code: 'mapping', message: error.message }, error)
  // The database module would not load (the sandbox's shop file): the message names the fix.
  if (error instanceof SqliteBindingError) return withKey({ code: 'native-module', message: error.message }, error)
  const internal = msg('error.internal', { what })
  return { code: 'internal', message: englishOf(internal), key: internal.key, params: internal.params ?? {} }
}

/** The error's key and values beside its English sentence, when it carries them. */
function withKey(result: IpcError, error: object): IpcError {
  const localized = (error as Localized).localized
  if (!localized) return result
  return { ...result, key: localized.key, ...(localized.params ? { params: localized.params } : {}) }
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
  'invalid-state': 'invalid-state',
  'not-found': 'not-found'
}
