// Creating runs and changing their status and settings.
import type { JournalContext } from './context'
import { JournalError, JournalStateError } from './errors'
import { toRunRecord } from './records'
import type { RunRow } from './records'
import { checkRunSettings } from './settings'
import { CLOSED_RUN_STATUSES, RUN_STATUSES } from './types'
import type { CreateRunInput, RunRecord, RunSettings, RunStatus } from './types'
import { msg, storedMessage, type Message } from '#shared/i18n/message'
import { journalStep } from './journal-step'

const SHA256_HEX = /^[0-9a-f]{64}$/

export function createRun(ctx: JournalContext, input: CreateRunInput): RunRecord {
  const settings = checkRunSettings(ctx.path, input.settings)
  const refuse = (problem: string): never => {
    throw new JournalError('invalid-input', ctx.path, `The import of "${String(input.sourceName)}" was not started: ${problem}.`)
  }
  if (typeof input.sourceName !== 'string' || input.sourceName === '') refuse('the file has no name')
  if (typeof input.sourceHash !== 'string' || !SHA256_HEX.test(input.sourceHash)) refuse('the file hash must be a lower-case sha256 hex string')
  if (!Number.isSafeInteger(input.sourceSize) || input.sourceSize < 0) refuse('the file size must be a whole number of bytes')
  if (input.sheet !== null && typeof input.sheet !== 'string') refuse('the sheet name must be text or empty')
  if (typeof input.destination !== 'string' || input.destination.trim() === '') refuse('it has no destination (shop or sandbox)')
  const mapping = JSON.stringify(input.mapping)
  if (mapping === undefined) refuse('the mapping is missing')
  return ctx.write(journalStep('journal.step.startImport', { source: input.sourceName }), () => {
    const row = ctx.st.insertRun.get({
      createdAt: ctx.now(),
      sourceName: input.sourceName,
      sourceHash: input.sourceHash,
      sourceSize: input.sourceSize,
      sheet: input.sheet,
      mapping,
      settings: JSON.stringify(settings),
      destination: input.destination,
      note: input.note ?? null
    }) as RunRow
    return toRunRecord(ctx.path, row)
  })
}

/** `note`: a message is stored as its key and values (storedMessage), worded when read. */
export function setRunStatus(ctx: JournalContext, runId: number, status: RunStatus, given?: string | Message): RunRecord {
  const note = given === undefined || typeof given === 'string' ? given : storedMessage(given)
  if (!RUN_STATUSES.includes(status)) {
    throw new JournalError('invalid-input', ctx.path, `'${String(status)}' is not a run status; use one of ${RUN_STATUSES.join(', ')}.`)
  }
  return ctx.write(journalStep('journal.step.changeRunStatus', { runId }), () => {
    const run = requireRun(ctx, runId)
    if (run.status === 'cancelled' && status !== 'cancelled') {
      throw new JournalStateError(ctx.path, msg('journal.runCancelled', { runId, status: msg(`journal.runStatus.${status}`) }), null)
    }
    const closed = CLOSED_RUN_STATUSES.includes(status)
    const finishedAt = closed ? (run.status === status ? run.finishedAt : ctx.now()) : null
    ctx.st.setRunStatus.run({ id: runId, status, finishedAt, note: note ?? null })
    return { ...run, status, finishedAt, note: note ?? run.note }
  })
}

export function updateRunSettings(ctx: JournalContext, runId: number, settings: RunSettings): RunRecord {
  const clean = checkRunSettings(ctx.path, settings)
  return ctx.write(journalStep('journal.step.saveRunSettings', { runId }), () => {
    const run = requireRun(ctx, runId)
    ctx.st.setRunSettings.run(JSON.stringify(clean), runId)
    return { ...run, settings: clean }
  })
}

function requireRun(ctx: JournalContext, runId: number): RunRecord {
  const row = ctx.st.getRun.get(runId) as RunRow | undefined
  if (row === undefined) {
    throw new JournalError('not-found', ctx.path, msg('journal.noRun', { path: ctx.path, runId }))
  }
  return toRunRecord(ctx.path, row)
}
