// The journal lock is SQLite's exclusive lock on the journal file: it ends with its process
// however the process ends, so no dead, zombie or reused pid can keep a journal locked, and it
// is keyed on the file itself (symlinks followed, hard links refused).
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, linkSync, readFileSync, readdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalError, JournalLockedError } from '../../../electron/main/journal'
import { formatSince, isProcessAlive } from '../../../electron/main/journal/lock'
import { fixturePath, spawnJournalChild, waitForExit, waitForLine } from './child'
import { makeTempDir } from './helpers'

let dir: string
let cleanup: () => void
const children: ChildProcess[] = []
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await waitForExit(child)
  }
  cleanup()
})

function openError(path: string): JournalError {
  try {
    Journal.open(path).close()
  } catch (error) {
    if (error instanceof JournalError) return error
    throw error
  }
  throw new Error('expected the journal to be refused')
}

function lockedError(path: string): JournalLockedError {
  const error = openError(path)
  if (error instanceof JournalLockedError) return error
  throw new Error(`expected a lock refusal, got: ${error.message}`)
}

/** What no refusal may say: starting over with another journal is how duplicates are made. */
function expectNoFreshJournalAdvice(message: string): void {
  expect(message).not.toMatch(/different --journal|fresh journal|new journal for|another --journal|delete .*\.lock/i)
}

let dead: number | undefined
/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  dead ??= spawnSync(process.execPath, ['-e', '']).pid
  if (dead === undefined || isProcessAlive(dead)) throw new Error('could not get a dead pid')
  return dead
}

/** A journal held by another process that prints "ready". */
async function heldByChild(path: string): Promise<ChildProcess> {
  const child = spawnJournalChild(['hold', path])
  children.push(child)
  await waitForLine(child, 'ready')
  return child
}

/** Holds `path` with a plain SQLite connection of this process, as another program would. */
function heldByOtherProgram(path: string): Database.Database {
  Journal.open(path).close()
  const db = new Database(path)
  db.pragma('locking_mode = EXCLUSIVE')
  db.exec('BEGIN EXCLUSIVE')
  db.exec('COMMIT')
  return db
}

/** Linux: the process state letter from /proc (Z: a zombie, dead but not reaped). */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
  } catch {
    return null
  }
}

/** Dead but not reaped: a zombie whose threads have all ended (the leader turns Z first, and the
 * open files, with the journal's lock, go with the last thread). */
function deadNotReaped(pid: number): boolean {
  if (processState(pid) !== 'Z') return false
  try {
    return readdirSync(`/proc/${pid}/task`).length <= 1
  } catch {
    return false
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`gave up waiting for ${what}`)
}

describe('journal lock', () => {
  it('refuses a journal held by another live Orderbatch (WAL, two processes), saying who holds it and what to do', async () => {
    const path = join(dir, 'journal.sqlite')
    const child = await heldByChild(path)
    const error = lockedError(path)
    expect(error.holder).toMatchObject({ pid: child.pid, host: hostname() })
    expect(error.holder?.command).toMatch(/journal-child hold /)
    expect(error.message).toMatch(
      new RegExp(`^Another Orderbatch \\(pid ${child.pid}, since ${formatSince(error.holder!.startedAt)}, "journal-child hold .*"\\) is using the journal ${path}\\. `)
    )
    expect(error.message).toMatch(/Ctrl\+C in its terminal.*If that process is surely gone, nothing needs to be deleted/)
    expectNoFreshJournalAdvice(error.message)

    child.stdin?.end()
    await waitForExit(child)
    // Released by the child's close: the journal opens again, cleanly.
    expect(existsSync(`${path}.lock`)).toBe(false)
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(false)
    expect(journal.durability().journalMode).toBe('wal')
    journal.close()
  })

  it('SIGKILL of the holder, then an immediate resume: the journal opens, and the shutdown counts as unclean', async () => {
    const path = join(dir, 'journal.sqlite')
    const child = await heldByChild(path)
    child.kill('SIGKILL')
    await waitForExit(child)
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    expect(journal.integrityCheck()).toEqual([])
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    journal.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it.runIf(process.platform === 'linux')('a zombie holder (killed, not reaped by its parent) does not keep the journal locked', async () => {
    const path = join(dir, 'journal.sqlite')
    // The holder's parent becomes `sleep` (exec), which never reaps it: killed, it stays a zombie.
    const keeper = spawn('sh', ['-c', `"${process.execPath}" --import tsx "${fixturePath}" hold-forever "${path}" & exec sleep 120`], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    children.push(keeper)
    let out = ''
    keeper.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    await until(() => /ready \d+/.test(out), 'the holder to start')
    const holder = Number(/ready (\d+)/.exec(out)![1])
    expect(lockedError(path).holder?.pid).toBe(holder)

    process.kill(holder, 'SIGKILL')
    await until(() => deadNotReaped(holder), 'the holder to become a zombie')
    // A zombie looks alive to kill(pid, 0): a lock judged by pids would stay taken here.
    expect(isProcessAlive(holder)).toBe(true)
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    journal.close()
    expect(processState(holder)).toBe('Z')
  })

  it('a lock note naming a live, unrelated process started after it was written (pid reused after a reboot) does not lock the journal', async () => {
    const path = join(dir, 'journal.sqlite')
    Journal.open(path).close()
    const unrelated = spawn('sleep', ['120'], { stdio: 'ignore' })
    children.push(unrelated)
    expect(isProcessAlive(unrelated.pid!)).toBe(true)
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: unrelated.pid, host: hostname(), startedAt: Date.now() - 86_400_000, command: 'orderbatch import orders.csv' }))
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid })
    journal.close()
  })

  it('a lock note naming this very pid from before (reused pid) does not lock the journal either', () => {
    const path = join(dir, 'journal.sqlite')
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 1 }))
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    journal.close()
  })

  it('two processes through a symlink: the second is refused, and the journal is keyed on its real path', async () => {
    const path = join(dir, 'journal.sqlite')
    const link = join(dir, 'link.sqlite')
    Journal.open(path).close()
    symlinkSync(path, link)
    const child = await heldByChild(link)
    const error = lockedError(path)
    expect(error.holder?.pid).toBe(child.pid)
    expect(lockedError(link).path).toBe(path)
    child.stdin?.end()
    await waitForExit(child)
    const journal = Journal.open(link)
    expect(journal.path).toBe(path)
    journal.close()
  })

  it('two processes through a hard link: a journal with two names is refused, held or not', async () => {
    const path = join(dir, 'journal.sqlite')
    const child = await heldByChild(path)
    const other = join(dir, 'other-name.sqlite')
    linkSync(path, other)
    for (const name of [other, path]) {
      const error = openError(name)
      expect(error.code).toBe('hard-linked')
      expect(error.message).toMatch(/has 2 names on this disk \(hard links\).*-samefile/)
      expectNoFreshJournalAdvice(error.message)
    }
    child.stdin?.end()
    await waitForExit(child)
    expect(openError(other).code).toBe('hard-linked')
    unlinkSync(other)
    Journal.open(path).close()
  })

  it('refuses a second open of the same journal in the same process', () => {
    const path = join(dir, 'journal.sqlite')
    const first = Journal.open(path)
    try {
      expect(lockedError(path).message).toMatch(/already open in this Orderbatch/)
    } finally {
      first.close()
    }
  })

  it('held by a program that left no note: says so, and what to close', () => {
    const path = join(dir, 'journal.sqlite')
    const db = heldByOtherProgram(path)
    try {
      const error = lockedError(path)
      expect(error.holder).toBeNull()
      expect(error.message).toMatch(/in use by another program right now.*a database viewer, a backup or sync tool/)
      expectNoFreshJournalAdvice(error.message)
      // The note names a process that is gone: something else has the file.
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: Date.now() - 60_000 }))
      expect(lockedError(path).message).toMatch(/The last Orderbatch that held it \(pid \d+, since .*\) is no longer running/)
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: 'other-laptop', startedAt: Date.now() }))
      const remote = lockedError(path)
      expect(remote.message).toMatch(/^Orderbatch on the computer "other-laptop" \(pid \d+, since .*\) is using the journal/)
      expectNoFreshJournalAdvice(remote.message)
    } finally {
      db.close()
    }
  })

  it('a note from another computer does not lock the journal when nothing holds the file', () => {
    const path = join(dir, 'journal.sqlite')
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: 'other-laptop', startedAt: Date.now() }))
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    journal.close()
  })

  it('formats the holder start as a time today and as a date otherwise', () => {
    const today = new Date(2026, 2, 5, 18, 0)
    expect(formatSince(new Date(2026, 2, 5, 14, 2).getTime(), today)).toBe('14:02')
    expect(formatSince(new Date(2026, 2, 1, 9, 7).getTime(), today)).toBe('2026-03-01 09:07')
  })
})
