// One process drives a journal at a time. The lock is SQLite's own exclusive lock on the journal
// file (locking_mode=EXCLUSIVE, taken at open and held until close). It is a lock of the operating
// system on the open file, so it ends with the process however the process ends (SIGKILL, a crash,
// a power cut): no dead, zombie or reused pid can keep a journal locked.
//
// The side file `<journal>.lock` is NOT the lock. It only records who holds the lock (pid, host,
// start time, command) so a refusal can say who it is; a side file left behind tells the next
// holder that the last one did not close the journal (an unclean shutdown).
//
// The journal is opened on its real path (symlinks followed), and a file with more than one name
// (hard links) is refused: its write-ahead log is found by name, so two names would be two logs.
import { msg } from '#shared/i18n/message'
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { JournalError, JournalLockedError } from './errors'
import type { LockHolder } from './errors'
import { hardLinkedRefusal, lockedRefusal } from './refusals'

export { formatSince } from './refusals'
import { sqliteCode, storageError } from './sqlite-errors'
import { journalStep } from './journal-step'

export interface JournalLock {
  readonly lockPath: string
  readonly holder: LockHolder
  /** The previous holder did not close the journal (its side file was still there). */
  readonly tookOverStale: boolean
  /** After a clean close: the side file goes (the SQLite lock ends when the connection closes). */
  release: () => void
  /** After a failed open: the side file is left as it was found, so a damaged or unclean journal
   * is still checked next time. */
  abandon: () => void
}

/** How a file is told apart from another with the same name: device and inode. */
export interface FileIdentity {
  dev: number
  ino: number
}

const MAX_COMMAND_CHARS = 300

export function lockPathFor(journalPath: string): string {
  return `${journalPath}.lock`
}

/** The journal's real path: symlinks followed, also for a journal not created yet (its folder's
 * real path). */
export function realJournalPath(absolute: string): string {
  try {
    return realpathSync(absolute)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute))
  } catch {
    return absolute
  }
}

/** Device and inode of the file at `path` now; null when there is none. */
export function fileIdentity(path: string): FileIdentity | null {
  try {
    const stats = statSync(path)
    return { dev: stats.dev, ino: stats.ino }
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null
    throw error
  }
}

/** A journal with several names (hard links) is refused before it is opened. */
export function refuseHardLinked(path: string): void {
  let links: number
  try {
    links = statSync(path).nlink
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    throw error
  }
  if (links > 1) throw new JournalError('hard-linked', path, hardLinkedRefusal(path, links))
}

/** Takes the exclusive lock on the open database, or refuses with who holds it. Must run before
 * anything else reads the file, so the connection never works unlocked. */
export function lockJournal(db: Database, path: string, now: () => number): JournalLock {
  try {
    // A refusal must be immediate, not after the busy timeout; the durable pragmas set it again.
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
  } catch (error) {
    const code = sqliteCode(error) ?? ''
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw refusal(path)
    throw storageError(path, journalStep('journal.step.lockJournal'), error)
  }
  return writeHolder(path, now)
}

function writeHolder(path: string, now: () => number): JournalLock {
  const lockPath = lockPathFor(path)
  const previous = readRaw(lockPath)
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now(), command: describeCommand() }
  const text = JSON.stringify(holder)
  writeAtomically(path, lockPath, text)
  const putBack = (): void => {
    if (previous === null) removeIfOurs(lockPath, text)
    else writeAtomically(path, lockPath, previous)
  }
  return {
    lockPath,
    holder,
    tookOverStale: previous !== null,
    release: () => removeIfOurs(lockPath, text),
    abandon: () => {
      try {
        putBack()
      } catch {
        // The open failed already; the side file is only an explanation.
      }
    }
  }
}

function writeAtomically(journalPath: string, lockPath: string, text: string): void {
  const temp = `${lockPath}.${process.pid}.tmp`
  try {
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, lockPath)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // Not created.
    }
    throw new JournalError(
      'storage',
      journalPath,
      msg('journal.lockNote', { lockPath, path: journalPath, code: errorCode(error) ?? 'unknown error' }),
      { cause: error }
    )
  }
}

function removeIfOurs(lockPath: string, text: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}

function readRaw(lockPath: string): string | null {
  try {
    return readFileSync(lockPath, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

function refusal(path: string): JournalLockedError {
  let holder: LockHolder | null = null
  try {
    holder = parseHolder(readRaw(lockPathFor(path)))
  } catch {
    // Unreadable: the refusal says the holder is not known.
  }
  const here = holder !== null && holder.host === hostname()
  const alive = holder === null || !here ? null : isProcessAlive(holder.pid)
  return new JournalLockedError(path, lockedRefusal({ path, holder, here, alive, thisProcess: here && holder?.pid === process.pid }), holder)
}

export function parseHolder(raw: string | null): LockHolder | null {
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { pid, host, startedAt, command } = value as Record<string, unknown>
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedAt !== 'number') return null
    return { pid, host, startedAt, ...(typeof command === 'string' ? { command } : {}) }
  } catch {
    return null
  }
}

/** Only to word a refusal: the lock itself never depends on it (a zombie or a reused pid looks alive). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM'
  }
}

/** "orderbatch import orders.csv --sandbox --yes": the program's name and its arguments (no
 * secrets: the API key never comes from an argument). */
function describeCommand(): string {
  if (process.versions.electron !== undefined) return 'the Orderbatch app'
  const [, script, ...args] = process.argv
  const name = script === undefined ? basename(process.argv0) : basename(script).replace(/\.(c|m)?[jt]s$/, '')
  // bin/orderbatch.js, or the CLI bundled for tests.
  const text = [name === 'cli' ? 'orderbatch' : name, ...args].join(' ')
  return text.length > MAX_COMMAND_CHARS ? `${text.slice(0, MAX_COMMAND_CHARS - 3)}...` : text
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const { code } = error as { code: unknown }
  return typeof code === 'string' ? code : undefined
}
