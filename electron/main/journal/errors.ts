// Errors the journal raises. Messages are meant for people: they name the journal file (and the
// run/order when there is one), say what happened and what to do. They never carry a stack
// trace to the user and never the API key (the journal never receives it).
import { newerVersionMessage } from './refusals'

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

export class JournalError extends Error {
  override readonly name: string = 'JournalError'
  readonly code: JournalErrorCode
  /** The journal file the error is about. */
  readonly path: string

  constructor(code: JournalErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.path = path
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

  constructor(path: string, message: string, holder: LockHolder | null) {
    super('locked', path, message)
    this.holder = holder
  }
}

/** A transition the state machine does not allow (sending a created order again, editing an
 * order whose outcome is unknown, ...). Nothing was changed. */
export class JournalStateError extends JournalError {
  override readonly name = 'JournalStateError'
  readonly orderId: number | null

  constructor(path: string, message: string, orderId: number | null) {
    super('state', path, message)
    this.orderId = orderId
  }
}

export class JournalVersionError extends JournalError {
  override readonly name = 'JournalVersionError'
  readonly fileVersion: number
  readonly knownVersion: number

  constructor(path: string, fileVersion: number, knownVersion: number) {
    super('newer-version', path, newerVersionMessage(path, fileVersion, knownVersion))
    this.fileVersion = fileVersion
    this.knownVersion = knownVersion
  }
}

export function isJournalError(value: unknown): value is JournalError {
  return value instanceof JournalError
}
