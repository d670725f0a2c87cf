// Errors the journal raises. Messages are meant for people: they name the journal file (and the
// run/order when there is one), say what happened and what to do. They never carry a stack
// trace to the user and never the API key (the journal never receives it).
import { englishOf, type Localized, type Message } from '#shared/i18n/message'
import { newerVersionRefusal } from './refusals'

export type JournalErrorCode =
  | 'cannot-open'
  | 'not-a-journal'
  | 'newer-version'
  | 'not-durable'
  | 'locked'
  | 'state'
  | 'open-elsewhere'
  | 'not-found'
  | 'invalid-input'
  | 'damaged'
  | 'storage'
  | 'hard-linked'
  | 'replaced'

export class JournalError extends Error implements Localized {
  override readonly name: string = 'JournalError'
  readonly code: JournalErrorCode
  /** The journal file the error is about. */
  readonly path: string
  /** The message as a catalog key and values, when it has one (each front-end words it in its
   * user's language); `message` is always the English sentence. */
  readonly localized?: Message

  constructor(code: JournalErrorCode, path: string, message: string | Message, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : englishOf(message), options)
    this.code = code
    this.path = path
    if (typeof message !== 'string') this.localized = message
  }
}

/** What the note beside the journal (`<journal>.lock`) says about the process holding its lock. */
export interface LockHolder {
  pid: number
  host: string
  /** Epoch milliseconds. */
  startedAt: number
  /** The command line it was started with (no secrets: the API key never comes from an argument). */
  command?: string
}

export class JournalLockedError extends JournalError {
  override readonly name = 'JournalLockedError'
  readonly holder: LockHolder | null

  constructor(path: string, message: string | Message, holder: LockHolder | null) {
    super('locked', path, message)
    this.holder = holder
  }
}

/** A transition the state machine does not allow (sending a created order again, editing an
 * order whose outcome is unknown, ...). Nothing was changed. */
export class JournalStateError extends JournalError {
  override readonly name = 'JournalStateError'
  readonly orderId: number | null

  constructor(path: string, message: string | Message, orderId: number | null) {
    super('state', path, message)
    this.orderId = orderId
  }
}

export class JournalVersionError extends JournalError {
  override readonly name = 'JournalVersionError'
  readonly fileVersion: number
  readonly knownVersion: number

  constructor(path: string, fileVersion: number, knownVersion: number) {
    super('newer-version', path, newerVersionRefusal(path, fileVersion, knownVersion))
    this.fileVersion = fileVersion
    this.knownVersion = knownVersion
  }
}

export function isJournalError(value: unknown): value is JournalError {
  return value instanceof JournalError
}
