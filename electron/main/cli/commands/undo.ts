// orderbatch undo RUN: deletes from the shop (DeleteOrder) every order this run created, after
// a confirmation. Orders the shop answered 601 for are left alone: they existed before the run,
// which did not create them. Each deletion is recorded in the journal, so undo can be run again
// after a failure and only tries what is left; the run's note says what undo did.
import { ApiClient } from '../../api/api-client'
import type { Journal, OrderRecord, RunRecord } from '../../journal'
import { deleteCreated, planUndo, type UndoTally } from '../../ops/undo'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { API_OPTION_SPECS, openApi } from '../run/api-target'
import { checkCanAsk, confirmed } from '../run/confirm'
import { planContinuation } from '../run/continue-run'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { SEND_OPTION_SPECS } from '../run/send-options'
import { LIST_LIMIT } from '../run/summary'
import { UsageError } from '../usage-error'
import { cliT } from '../lang'
import { msg } from '#shared/i18n/message'
import { renderMessage } from '#shared/i18n/message'

// Deletions go one at a time at the run's pace (or --rate): no --concurrency.
const OPTIONS = { ...API_OPTION_SPECS, rate: SEND_OPTION_SPECS.rate, journal: { type: 'string' }, yes: { type: 'boolean' } } as const

export async function undoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'undo')
  if (positionals.length !== 1) throw new UsageError(msg('usage.undo.run'))
  const runId = parseRunId(positionals[0], 'undo')!
  checkCanAsk(io, values.yes, 'undo')
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'undo')
  try {
    const run = requireRun(journal, runId, 'undo')
    const plan = planContinuation(run, values, io, 'undo')
    const { existed, deletedBefore, noBillId, toDelete } = planUndo(journal, run)
    const t = cliT(io)
    const lines: string[] = []
    if (existed > 0) lines.push(t('cli.undo.existed', { count: existed, run: run.id }))
    if (deletedBefore > 0) lines.push(t('cli.undo.deletedBefore', { count: deletedBefore }))
    if (noBillId.length > 0) {
      lines.push(t('cli.undo.noBill', { count: noBillId.length, orders: `#${noBillId.map((o) => o.ordinal).join(', #')}` }))
    }
    if (toDelete.length === 0) {
      io.stdout(`${[...lines, t('cli.undo.noneLeft', { run: run.id })].join('\n')}\n`)
      return noBillId.length > 0 ? EXIT.problems : EXIT.ok
    }
    lines.push(t('cli.undo.toDelete', { count: toDelete.length, run: run.id, bills: billList(toDelete), where: plan.where }))
    io.stdout(`${lines.join('\n')}\n`)
    if (!(await confirmed(io, values.yes, t('cli.undo.confirm', { count: toDelete.length })))) {
      io.stdout(`${t('cli.undo.nothing')}\n`)
      return EXIT.usageOrInput
    }
    const target = await openApi(plan.choice, journal.path)
    let tally: UndoTally
    try {
      const client = new ApiClient({ baseUrl: target.baseUrl, login: target.login, secret: target.secret })
      tally = await deleteCreated(journal, toDelete, client, {
        gapMs: 1000 / plan.rate,
        notes: { deleted: msg('orderNote.undo.deletedCli'), gone: msg('orderNote.undo.goneCli') },
        ...(io.signal ? { signal: io.signal } : {})
      })
    } finally {
      await target.close()
    }
    return report(journal, run, tally, toDelete.length, io)
  } finally {
    journal.close()
  }
}

function report(journal: Journal, run: RunRecord, tally: UndoTally, planned: number, io: CliIo): number {
  const deleted = tally.deleted.map(billOf)
  const gone = tally.gone.map(billOf)
  const t = cliT(io)
  const failed = tally.failed.map(({ order, reason }) => t('cli.undo.failedLine', { ordinal: order.ordinal, bill: billOf(order), reason: renderMessage(t, reason) }))
  const lines: string[] = []
  if (deleted.length > 0) lines.push(t('cli.undo.deleted', { count: deleted.length, run: run.id, bills: shortList(deleted) }))
  if (gone.length > 0) lines.push(t('cli.undo.gone', { count: gone.length, bills: shortList(gone) }))
  if (failed.length > 0) {
    lines.push(t('cli.undo.notDeleted', { count: failed.length }), ...failed.slice(0, LIST_LIMIT).map((line) => `  ${line}`))
    if (failed.length > LIST_LIMIT) lines.push(t('cli.undo.more', { count: failed.length - LIST_LIMIT }))
  }
  const done = deleted.length + gone.length
  if (tally.stopped) {
    const why = tally.stopped.kind === 'cancelled' ? t('cli.undo.cancelled') : renderMessage(t, tally.stopped.text)
    lines.push(`${t('cli.undo.stopped', { why })}${tally.untried > 0 ? t('cli.undo.untried', { count: tally.untried }) : ''}`)
  }
  if (done < planned) lines.push(t('cli.undo.again', { run: run.id }))
  if (done > 0) lines.push(t('cli.undo.stillCounted'))
  const note = msg('runNote.undo', { done, count: planned, failed: failed.length > 0 ? msg('runNote.undoFailed', { count: failed.length }) : '' })
  journal.setRunStatus(run.id, journal.getRun(run.id)?.status ?? run.status, note)
  io.stdout(`${lines.join('\n')}\n`)
  if (tally.stopped) return EXIT.stopped
  return done === planned ? EXIT.ok : EXIT.problems
}

function billOf(order: OrderRecord): number {
  return order.billId as number
}

function billList(orders: readonly OrderRecord[]): string {
  return shortList(orders.map(billOf))
}

function shortList(bills: readonly number[]): string {
  const limit = 50
  return bills.length > limit ? `${bills.slice(0, limit).join(', ')} and ${bills.length - limit} more` : bills.join(', ')
}
