// Opening the journal and finding a run or an order in it, with one plain line for each way
// that can go wrong.
import { cliT } from '../lang'
import { msg } from '#shared/i18n/message'
import { existsSync } from 'node:fs'
import { Journal } from '../../journal'
import type { RunRecord } from '../../journal'
import type { CliIo } from '../io'
import { UsageError } from '../usage-error'

/** Opens (creating when needed) the journal, and says so when it found orders cut off mid-send. */
export function openJournal(path: string, io: CliIo): Journal {
  const journal = Journal.open(path)
  if (journal.recoveredSending > 0) {
    const n = journal.recoveredSending
    io.stderr(`${cliT(io)('cli.recovered', { count: n })}\n`)
  }
  return journal
}

/** For commands that read earlier runs: a missing journal means nothing was imported there. */
export function openExistingJournal(path: string, io: CliIo, command: string): Journal {
  if (!existsSync(path)) {
    throw new UsageError(msg('usage.noJournal', { command, path }))
  }
  return openJournal(path, io)
}

export function parseRunId(text: string | undefined, command: string): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(msg('usage.runNumber', { command, value: text }))
  return Number(text)
}

export function requireRun(journal: Journal, runId: number, command: string): RunRecord {
  const run = journal.getRun(runId)
  if (!run) throw new UsageError(msg('usage.noRun', { command, path: journal.path, run: runId }))
  return run
}
