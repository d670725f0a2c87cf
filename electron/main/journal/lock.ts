// One process drives a journal at a time. The lock is a file next to the journal, created
// atomically (O_EXCL) and holding who took it, so a refusal can say who holds it and since when,
// and a lock left behind by a crashed process can be recognised and taken over.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { JournalError, JournalLockedError } from './errors'
import type { LockHolder } from './errors'

export interface JournalLock {
  readonly lockPath: string
  readonly holder: LockHolder
  /** The previous holder had died without releasing it (an unclean shutdown). */
  readonly tookOverStale: boolean
  release: () => void
}

/** A lock file nobody could parse yet is a process between creating and writing it; older than
 * this, it is debris. */
const UNREADABLE_GRACE_MS = 10_000

// Lock files this process holds, so a stale file naming our own (reused) pid is not mistaken for ours.
const heldHere = new Set<string>()

export function lockPathFor(journalPath: string): string {
  return `${journalPath}.lock`
}

export function acquireJournalLock(journalPath: string, now: () => number): JournalLock {
  const lockPath = lockPathFor(journalPath)
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now() }
  const text = JSON.stringify(holder)
  let tookOverStale = false
  for (let tries = 0; tries < 3; tries++) {
    if (createExclusive(journalPath, lockPath, text)) {
      heldHere.add(lockPath)
      return { lockPath, holder, tookOverStale, release: () => releaseLock(lockPath, text) }
    }
    const found = readLock(lockPath)
    if (found === null) continue
    if (!isStale(found, lockPath)) throw lockedError(journalPath, lockPath, found.holder)
    removeIfUnchanged(lockPath, found.raw)
    tookOverStale = true
  }
  throw lockedError(journalPath, lockPath, null)
}

function createExclusive(journalPath: string, lockPath: string, text: string): boolean {
  let fd: number
  try {
    fd = openSync(lockPath, 'wx', 0o600)
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw new JournalError(
      'cannot-open',
      journalPath,
      `Cannot create the lock file ${lockPath} for the journal ${journalPath} (${errorCode(error) ?? 'unknown error'}). ` +
        'Check that the folder exists and you may write to it, or pass a different --journal.',
      { cause: error }
    )
  }
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    unlinkSync(lockPath)
    throw new JournalError(
      'storage',
      journalPath,
      `Cannot write the lock file ${lockPath} (${errorCode(error) ?? 'unknown error'}). Check that the disk is not full.`,
      { cause: error }
    )
  }
  closeSync(fd)
  return true
}

interface FoundLock {
  raw: string
  holder: LockHolder | null
  modifiedAt: number
}

function readLock(lockPath: string): FoundLock | null {
  try {
    const raw = readFileSync(lockPath, 'utf8')
    const modifiedAt = statSync(lockPath).mtimeMs
    return { raw, holder: parseHolder(raw), modifiedAt }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { pid, host, startedAt } = value as Record<string, unknown>
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedAt !== 'number') return null
    return { pid, host, startedAt }
  } catch {
    return null
  }
}

function isStale(found: FoundLock, lockPath: string): boolean {
  const { holder } = found
  if (holder === null) return Date.now() - found.modifiedAt > UNREADABLE_GRACE_MS
  // Another computer's process cannot be checked from here: assume it is alive.
  if (holder.host !== hostname()) return false
  if (holder.pid === process.pid) return !heldHere.has(lockPath)
  return !isProcessAlive(holder.pid)
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM'
  }
}

/** Deletes a stale lock only if it is still the one judged stale: it is first moved aside
 * atomically, and put back if another process replaced it in between. */
function removeIfUnchanged(lockPath: string, staleRaw: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`
  try {
    renameSync(lockPath, aside)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    throw error
  }
  if (readFileSync(aside, 'utf8') !== staleRaw) {
    try {
      linkSync(aside, lockPath)
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
    }
  }
  unlinkSync(aside)
}

function releaseLock(lockPath: string, text: string): void {
  if (!heldHere.delete(lockPath)) return
  try {
    if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}

function lockedError(journalPath: string, lockPath: string, holder: LockHolder | null): JournalLockedError {
  if (holder === null) {
    return new JournalLockedError(
      journalPath,
      `Another Orderbatch is opening the journal ${journalPath} right now. Wait for it to finish, or pass a different --journal.`,
      null
    )
  }
  const since = formatSince(holder.startedAt)
  if (holder.host !== hostname()) {
    return new JournalLockedError(
      journalPath,
      `Another Orderbatch on the computer "${holder.host}" (pid ${holder.pid}, since ${since}) is using the journal ${journalPath}. ` +
        `Close it, or pass a different --journal. If it is surely not running, delete ${lockPath}.`,
      holder
    )
  }
  if (holder.pid === process.pid) {
    return new JournalLockedError(
      journalPath,
      `The journal ${journalPath} is already open in this Orderbatch (since ${since}). Use the open journal, or pass a different --journal.`,
      holder
    )
  }
  return new JournalLockedError(
    journalPath,
    `Another Orderbatch (pid ${holder.pid}, since ${since}) is using the journal ${journalPath}. Close it, or pass a different --journal.`,
    holder
  )
}

/** "14:02" today, "2026-03-01 14:02" on another day (local time). */
export function formatSince(epochMs: number, today: Date = new Date()): string {
  const at = new Date(epochMs)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  const sameDay = at.toDateString() === today.toDateString()
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const { code } = error as { code: unknown }
  return typeof code === 'string' ? code : undefined
}
