// orderbatch retry RUN [--from fixed.csv|fixed.xlsx]: puts the run's failed orders back in the
// queue and sends them. Without --from they are sent as they are (for refusals that may pass on
// a second try); orders the sheet gave errors to need --from, since as they are they would fail
// again. With --from, each failed order found in the fixed file gets its corrected data (see
// ../run/corrections.ts for how rows are matched); corrected orders that still have errors are
// listed and stay failed. Created orders are never touched.
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { openApi } from '../run/api-target'
import { catalogStep } from '../run/catalog-step'
import type { Translate } from '#shared/i18n/translate'
import { cliT } from '../lang'
import { resolve } from 'node:path'
import { failedAsTheyAre, requeueOrders, type Requeue } from '../../ops/requeue'
import { requeueStatusSteps } from '../../ops/status-steps'
import { checkResumable } from '../../ops/run'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { READ_OPTION_SPECS, toPrepareOptions } from '../read-options'
import { API_OPTION_SPECS } from '../run/api-target'
import { checkCanAsk, confirmed } from '../run/confirm'
import { planContinuation, send } from '../run/continue-run'
import { planCorrections, type CorrectionPlan } from '../../ops/corrections'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { msg, renderMessage, type Message } from '#shared/i18n/message'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { SEND_OPTION_SPECS } from '../run/send-options'
import { LIST_LIMIT } from '../run/summary'
import { withProgressNote } from '../progress-note'
import { UsageError } from '../usage-error'

const MATCHED_BY = { 'run order': 'op.matchedBy.runOrder', 'group key': 'op.matchedBy.groupKey', position: 'op.matchedBy.position' } as const satisfies Record<CorrectionPlan['matchedBy'], CatalogKey>

const OPTIONS = {
  ...READ_OPTION_SPECS,
  ...API_OPTION_SPECS,
  ...SEND_OPTION_SPECS,
  from: { type: 'string' },
  'status-only': { type: 'boolean' },
  journal: { type: 'string' },
  force: { type: 'boolean' },
  yes: { type: 'boolean' }
} as const


export async function retryCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'retry')
  if (positionals.length !== 1) throw new UsageError(msg('usage.retry.run'))
  const runId = parseRunId(positionals[0], 'retry')!
  checkCanAsk(io, values.yes, 'retry')
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'retry')
  try {
    const run = requireRun(journal, runId, 'retry')
    checkResumable(run)
    const plan = planContinuation(run, values, io, 'retry')
    const t = cliT(io)
    if (values['status-only'] === true) {
      // The status steps alone: the orders are created and are never sent again.
      if (values.from !== undefined) throw new UsageError(msg('usage.retry.statusOnlyFrom'))
      const failedSteps = journal.statusStepCounts(run.id).failed
      if (failedSteps === 0) {
        io.stdout(`${t('cli.steps.none', { run: run.id })}\n`)
        return EXIT.ok
      }
      io.stdout(`${t('cli.steps.queued', { count: failedSteps })}\n`)
      if (!(await confirmed(io, values.yes, t('cli.steps.confirm', { count: failedSteps, run: run.id, where: plan.where })))) {
        io.stdout(`${t('cli.nothingSent')}\n`)
        return EXIT.usageOrInput
      }
      requeueStatusSteps(journal, run)
      return await send(journal, journal.getRun(run.id) ?? run, plan, io)
    }
    const failed = [...journal.orders(run.id, ['failed'])]
    if (failed.length === 0) {
      io.stdout(`${t('cli.retry.none', { run: run.id })}\n`)
      return EXIT.ok
    }
    const lines: string[] = []
    let requeue: Requeue[]
    if (values.from !== undefined) {
      const path = resolve(io.cwd, values.from)
      // A shop's product list checks the corrected orders as import checks new ones.
      let catalog: ShopCatalog | null = null
      if (plan.choice.kind === 'shop') {
        const target = await openApi(plan.choice, journal.path)
        const step = await catalogStep(target, journal.path, io, values.yes === true).finally(() => target.close())
        if (!step.go) {
          io.stdout(`${t('cli.nothingSent')}\n`)
          return EXIT.usageOrInput
        }
        catalog = step.catalog
      }
      const corrections = await withProgressNote(io, t('cli.reading', { file: values.from }), planCorrections(path, journal, run, toPrepareOptions(values, io), catalog))
      requeue = corrections.corrected
      lines.push(t('cli.retry.corrected', { file: corrections.file, count: requeue.length, by: t(MATCHED_BY[corrections.matchedBy]) }))
      if (corrections.notFailed > 0) lines.push(t('cli.retry.notFailed', { count: corrections.notFailed, run: run.id }))
      lines.push(...listed(t('cli.retry.notUsed'), corrections.problems, t))
      const used = new Set(requeue.map((r) => r.order.id))
      const left = failed.filter((order) => !used.has(order.id)).length
      if (left > 0) lines.push(t('cli.retry.stays', { count: left, run: run.id }))
    } else {
      const asTheyAre = failedAsTheyAre(journal, run)
      requeue = asTheyAre.requeue
      const needFix = asTheyAre.needFix.length
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
    const { refused } = requeueOrders(journal, run, requeue, { force: values.force === true })
    if (refused.length > 0) io.stdout(`${listed(t('cli.retry.leftFailed'), refused, t).join('\n')}\n`)
    return await send(journal, journal.getRun(run.id) ?? run, plan, io)
  } finally {
    journal.close()
  }
}

function listed(title: string, items: readonly Message[], t: Translate): string[] {
  if (items.length === 0) return []
  const lines = [t('cli.listed', { title, count: items.length }), ...items.slice(0, LIST_LIMIT).map((item) => `  ${renderMessage(t, item)}`)]
  if (items.length > LIST_LIMIT) lines.push(t('cli.more', { count: items.length - LIST_LIMIT }))
  return lines
}
