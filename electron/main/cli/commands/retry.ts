// orderbatch retry RUN [--from fixed.csv|fixed.xlsx]: puts the run's failed orders back in the
// queue and sends them. Without --from they are sent as they are (for refusals that may pass on
// a second try); orders the sheet gave errors to need --from, since as they are they would fail
// again. With --from, each failed order found in the fixed file gets its corrected data (see
// ../run/corrections.ts for how rows are matched); corrected orders that still have errors are
// listed and stay failed. Created orders are never touched.
import type { Translate } from '#shared/i18n/translate'
import { cliT } from '../lang'
import { resolve } from 'node:path'
import type { CorrectedOrder, OrderRecord } from '../../journal'
import { isJournalError } from '../../journal'
import { ROW_ERRORS_CODE } from '../../pipeline/stage-run'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { READ_OPTION_SPECS, toPrepareOptions } from '../read-options'
import { API_OPTION_SPECS } from '../run/api-target'
import { checkCanAsk, confirmed } from '../run/confirm'
import { planContinuation, send } from '../run/continue-run'
import { planCorrections } from '../../ops/corrections'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { SEND_OPTION_SPECS } from '../run/send-options'
import { LIST_LIMIT } from '../run/summary'
import { withProgressNote } from '../progress-note'
import { UsageError } from '../usage-error'

const OPTIONS = {
  ...READ_OPTION_SPECS,
  ...API_OPTION_SPECS,
  ...SEND_OPTION_SPECS,
  from: { type: 'string' },
  journal: { type: 'string' },
  force: { type: 'boolean' },
  yes: { type: 'boolean' }
} as const

interface Requeue {
  order: OrderRecord
  corrected?: CorrectedOrder
}

export async function retryCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'retry')
  if (positionals.length !== 1) throw new UsageError('retry: give the run number, e.g. "orderbatch retry 3 --from fixed.csv".')
  const runId = parseRunId(positionals[0], 'retry')!
  checkCanAsk(io, values.yes, 'retry')
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'retry')
  try {
    const run = requireRun(journal, runId, 'retry')
    if (run.status === 'cancelled') throw new UsageError(`retry: run ${run.id} was cancelled for good; import the file again instead.`)
    const plan = planContinuation(run, values, io, 'retry')
    const failed = [...journal.orders(run.id, ['failed'])]
    const t = cliT(io)
    if (failed.length === 0) {
      io.stdout(`${t('cli.retry.none', { run: run.id })}\n`)
      return EXIT.ok
    }
    const lines: string[] = []
    let requeue: Requeue[]
    if (values.from !== undefined) {
      const path = resolve(io.cwd, values.from)
      const corrections = await withProgressNote(io, t('cli.reading', { file: values.from }), planCorrections(path, journal, run, toPrepareOptions(values, io)))
      requeue = corrections.corrected
      lines.push(t('cli.retry.corrected', { file: corrections.file, count: requeue.length, by: corrections.matchedBy }))
      if (corrections.notFailed > 0) lines.push(t('cli.retry.notFailed', { count: corrections.notFailed, run: run.id }))
      lines.push(...listed(t('cli.retry.notUsed'), corrections.problems, t))
      const used = new Set(requeue.map((r) => r.order.id))
      const left = failed.filter((order) => !used.has(order.id)).length
      if (left > 0) lines.push(t('cli.retry.stays', { count: left, run: run.id }))
    } else {
      requeue = failed.filter((order) => order.errorCode !== ROW_ERRORS_CODE).map((order) => ({ order }))
      const needFix = failed.length - requeue.length
      lines.push(t('cli.retry.asIs', { count: requeue.length }))
      if (needFix > 0) lines.push(t('cli.retry.needFix', { count: needFix, run: run.id, hint: plan.hint }))
    }
    io.stdout(`${lines.join('\n')}\n`)
    if (requeue.length === 0) {
      io.stdout(`${t('cli.nothingSent')}\n`)
      return EXIT.usageOrInput
    }
    if (!(await confirmed(io, values.yes, t('cli.retry.confirm', { count: requeue.length, run: run.id, where: plan.where })))) {
      io.stdout(`${t('cli.nothingSent')}\n`)
      return EXIT.usageOrInput
    }
    const refused: string[] = []
    for (const { order, corrected } of requeue) {
      try {
        journal.requeueFailed(order.id, corrected, { force: values.force === true })
      } catch (error) {
        if (!isJournalError(error) || error.code !== 'state') throw error
        refused.push(error.message)
      }
    }
    if (refused.length > 0) io.stdout(`${listed(t('cli.retry.leftFailed'), refused, t).join('\n')}\n`)
    return await send(journal, journal.getRun(run.id) ?? run, plan, io)
  } finally {
    journal.close()
  }
}

function listed(title: string, items: readonly string[], t: Translate): string[] {
  if (items.length === 0) return []
  const lines = [t('cli.listed', { title, count: items.length }), ...items.slice(0, LIST_LIMIT).map((item) => `  ${item}`)]
  if (items.length > LIST_LIMIT) lines.push(t('cli.more', { count: items.length - LIST_LIMIT }))
  return lines
}
