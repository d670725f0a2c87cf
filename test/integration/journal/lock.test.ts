import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalLockedError } from '../../../electron/main/journal'
import { formatSince, isProcessAlive } from '../../../electron/main/journal/lock'
import { spawnJournalChild, waitForExit, waitForLine } from './child'
import { makeTempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

function openError(path: string): JournalLockedError {
  try {
    Journal.open(path).close()
  } catch (error) {
    if (error instanceof JournalLockedError) return error
    throw error
  }
  throw new Error('expected the journal to be locked')
}

let dead: number | undefined
/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  dead ??= spawnSync(process.execPath, ['-e', '']).pid
  if (dead === undefined || isProcessAlive(dead)) throw new Error('could not get a dead pid')
  return dead
}

describe('journal lock', () => {
  it('refuses a journal held by another live Orderbatch, saying who holds it and what to do', async () => {
    const path = join(dir, 'journal.sqlite')
    const child = spawnJournalChild(['hold', path])
    try {
      await waitForLine(child, 'ready')
      const error = openError(path)
      expect(error.holder?.pid).toBe(child.pid)
      expect(error.message).toBe(
        `Another Orderbatch (pid ${child.pid}, since ${formatSince(error.holder!.startedAt)}) is using the journal ${path}. ` +
          'Close it, or pass a different --journal.'
      )
    } finally {
      child.stdin?.end()
      await waitForExit(child)
    }
    // Released by the child's close: the journal opens again.
    expect(existsSync(`${path}.lock`)).toBe(false)
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(false)
    journal.close()
  })

  it('takes over a lock left by a process that is gone, and says the last shutdown was unclean', () => {
    const path = join(dir, 'journal.sqlite')
    Journal.open(path).close()
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: Date.now() - 60_000 }))
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    journal.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it('takes over a stale lock naming this very pid (pid reused after a reboot)', () => {
    const path = join(dir, 'journal.sqlite')
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 1 }))
    const journal = Journal.open(path)
    expect(journal.uncleanShutdown).toBe(true)
    journal.close()
  })

  it('refuses a second open of the same journal in the same process', () => {
    const path = join(dir, 'journal.sqlite')
    const first = Journal.open(path)
    try {
      expect(openError(path).message).toMatch(/already open in this Orderbatch/)
    } finally {
      first.close()
    }
  })

  it("does not take over a lock from another computer (its process cannot be checked)", () => {
    const path = join(dir, 'journal.sqlite')
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: 'other-laptop', startedAt: Date.now() }))
    const error = openError(path)
    expect(error.message).toMatch(/on the computer "other-laptop".*If it is surely not running, delete .*journal\.sqlite\.lock/)
  })

  it('waits out a lock file that is still being written, but clears an old unreadable one', () => {
    const path = join(dir, 'journal.sqlite')
    writeFileSync(`${path}.lock`, '')
    expect(openError(path).message).toMatch(/is opening the journal .* right now/)
    const old = new Date(Date.now() - 60_000)
    utimesSync(`${path}.lock`, old, old)
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
