// orderbatch undo RUN: deletes from the shop (DeleteOrder) every order this run created, after
// a confirmation. Orders the shop answered 601 for are left alone: they existed before the run,
// which did not create them. Each deletion is recorded in the journal, so undo can be run again
// after a failure and only tries what is left; the run's note says what undo did.
import { ApiClient } from '../../api/api-client'
import type { Journal, OrderRecord, RunRecord } from '../../journal'
import { CREATE_ORDER_ANSWERS } from '#shared/wire/create-order-answers'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { API_OPTION_SPECS, openApi, type ApiTarget } from '../run/api-target'
import { checkCanAsk, confirmed } from '../run/confirm'
import { planContinuation } from '../run/continue-run'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { SEND_OPTION_SPECS } from '../run/send-options'
import { LIST_LIMIT } from '../run/summary'
import { UsageError } from '../usage-error'

const OPTIONS = { ...API_OPTION_SPECS, ...SEND_OPTION_SPECS, journal: { type: 'string' }, yes: { type: 'boolean' } } as const

/** DeleteOrder answers: 0 deleted; 302 the shop has no such order (already gone). */
const DELETED = 0
const NONEXISTENT = 302

interface UndoTally {
  deleted: number[]
  gone: number[]
  failed: string[]
  stopped: string | null
}

export async function undoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'undo')
  if (positionals.length !== 1) throw new UsageError('undo: give the run number, e.g. "orderbatch undo 3".')
  const runId = parseRunId(positionals[0], 'undo')!
  checkCanAsk(io, values.yes, 'undo')
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'undo')
  try {
    const run = requireRun(journal, runId, 'undo')
    const plan = planContinuation(run, values, io, 'undo')
    const deletedBefore = journal.deletions(run.id)
    const created = [...journal.orders(run.id, ['succeeded'])]
    const existed = created.filter((order) => order.existed).length
    const toDelete = created.filter((order) => !order.existed && !deletedBefore.has(order.id) && order.billId !== null)
    const lines: string[] = []
    if (existed > 0) lines.push(`${existed} order${existed === 1 ? '' : 's'} already existed in the shop before run ${run.id} (answer 601); the run did not create ${existed === 1 ? 'it' : 'them'}, so ${existed === 1 ? 'it is' : 'they are'} left alone.`)
    if (deletedBefore.size > 0) lines.push(`${deletedBefore.size} order${deletedBefore.size === 1 ? ' was' : 's were'} deleted by an earlier undo.`)
    if (toDelete.length === 0) {
      io.stdout(`${[...lines, `Run ${run.id} has no created orders left to delete.`].join('\n')}\n`)
      return EXIT.ok
    }
    lines.push(`To delete: ${toDelete.length} order${toDelete.length === 1 ? '' : 's'} created by run ${run.id} (bills ${billList(toDelete)}) from ${plan.where}.`)
    io.stdout(`${lines.join('\n')}\n`)
    if (!(await confirmed(io, values.yes, `Delete ${toDelete.length} order${toDelete.length === 1 ? '' : 's'} from the shop? This cannot be undone.`))) {
      io.stdout('Nothing was deleted.\n')
      return EXIT.usageOrInput
    }
    const target = await openApi(plan.choice, journal.path)
    let tally: UndoTally
    try {
      tally = await deleteAll(journal, target, toDelete, plan.rate, io)
    } finally {
      await target.close()
    }
    return report(journal, run, tally, toDelete.length, io)
  } finally {
    journal.close()
  }
}

async function deleteAll(journal: Journal, target: ApiTarget, orders: readonly OrderRecord[], rate: number, io: CliIo): Promise<UndoTally> {
  const client = new ApiClient({ baseUrl: target.baseUrl, login: target.login, secret: target.secret })
  const tally: UndoTally = { deleted: [], gone: [], failed: [], stopped: null }
  const gapMs = 1000 / rate
  for (const [i, order] of orders.entries()) {
    if (io.signal?.aborted) {
      tally.stopped = 'Stopped at your request.'
      break
    }
    if (i > 0 && !(await pause(gapMs, io.signal))) {
      tally.stopped = 'Stopped at your request.'
      break
    }
    const billId = order.billId as number
    const outcome = await client.deleteOrder(billId)
    const verdict = readDeletion(outcome)
    if (verdict.kind === 'failed' || verdict.kind === 'stop') {
      tally.failed.push(`#${order.ordinal} (bill ${billId}): ${verdict.text}`)
      if (verdict.kind === 'stop') {
        tally.stopped = verdict.text
        break
      }
      continue
    }
    journal.recordDeletion(order.id, verdict.kind === 'deleted' ? 'deleted by orderbatch undo' : 'the shop did not have it any more (answer 302) when undo ran')
    tally[verdict.kind].push(billId)
  }
  return tally
}

type Deletion = { kind: 'deleted' } | { kind: 'gone' } | { kind: 'failed'; text: string } | { kind: 'stop'; text: string }

function readDeletion(outcome: CallOutcome): Deletion {
  if (outcome.kind === 'not-sent') return { kind: 'failed', text: `not deleted: ${outcome.reason}` }
  if (outcome.kind === 'unknown') return { kind: 'failed', text: `no clear answer (${outcome.reason.replace(/\.$/, '')}); check it in the shop` }
  if (outcome.errorCode === DELETED) return { kind: 'deleted' }
  if (outcome.errorCode === NONEXISTENT) return { kind: 'gone' }
  const meaning = CREATE_ORDER_ANSWERS[outcome.errorCode]
  const text = `${outcome.errorCode} ${outcome.errorText}${meaning ? `: ${meaning.advice}` : ''}`
  // Codes 1-8 are about the account or the connection: every other deletion would fail alike.
  return { kind: meaning?.verdict === 'stop' || meaning?.verdict === 'backoff' ? 'stop' : 'failed', text }
}

function report(journal: Journal, run: RunRecord, tally: UndoTally, planned: number, io: CliIo): number {
  const lines: string[] = []
  if (tally.deleted.length > 0) lines.push(`Deleted ${tally.deleted.length} order${tally.deleted.length === 1 ? '' : 's'} of run ${run.id} from the shop: bills ${shortList(tally.deleted)}.`)
  if (tally.gone.length > 0) lines.push(`${tally.gone.length} order${tally.gone.length === 1 ? ' was' : 's were'} no longer in the shop (bills ${shortList(tally.gone)}); recorded as deleted.`)
  if (tally.failed.length > 0) {
    lines.push(`Not deleted (${tally.failed.length}):`, ...tally.failed.slice(0, LIST_LIMIT).map((line) => `  ${line}`))
    if (tally.failed.length > LIST_LIMIT) lines.push(`  ... and ${tally.failed.length - LIST_LIMIT} more.`)
  }
  const done = tally.deleted.length + tally.gone.length
  const untried = planned - done - tally.failed.length
  if (tally.stopped) lines.push(`Undo stopped: ${tally.stopped}${untried > 0 ? ` ${untried} order${untried === 1 ? ' was' : 's were'} not tried.` : ''}`)
  if (done < planned) lines.push(`Run "orderbatch undo ${run.id}" again to try the rest; deleted orders are not tried twice.`)
  if (done > 0) lines.push('The journal still counts these orders as created, so importing the same rows again skips them; add --force to send them again.')
  const note = `undo: ${done} of ${planned} created order${planned === 1 ? '' : 's'} deleted from the shop${tally.failed.length > 0 ? `, ${tally.failed.length} not deleted` : ''}`
  journal.setRunStatus(run.id, journal.getRun(run.id)?.status ?? run.status, note)
  io.stdout(`${lines.join('\n')}\n`)
  if (tally.stopped) return EXIT.stopped
  return done === planned ? EXIT.ok : EXIT.problems
}

function billList(orders: readonly OrderRecord[]): string {
  return shortList(orders.map((order) => order.billId ?? 0))
}

function shortList(bills: readonly number[]): string {
  const limit = 50
  return bills.length > limit ? `${bills.slice(0, limit).join(', ')} and ${bills.length - limit} more` : bills.join(', ')
}

/** Resolves false when the signal aborts during the pause. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
