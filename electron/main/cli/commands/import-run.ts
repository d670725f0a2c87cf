// The sending half of `orderbatch import`: what will and will not be sent, a question, then one
// journal transaction that stages the run, then the send.
import { withProducts } from '#shared/mapping/mapping'
import { checkAgainstCatalog, describeProducts } from '#shared/shop/catalog-check'
import { applyProductChoices, type ProductChoices } from '#shared/shop/product-choices'
import { msg } from '#shared/i18n/message'
import { UsageError } from '../usage-error'
import { issueText } from '#shared/plan/issue-text'
import { noticeText, sideEffects, type SideEffect } from '#shared/run/side-effects'
import { noticeWords } from '#shared/run/notice-words'
import { formatsFor } from '#shared/i18n/format'
import type { PreparedImport } from '../../pipeline/prepare-import'
import { fileDigest, orderErrors } from '../../pipeline/stage-run'
import { nothingToSend, sendPlan, stageImport, type SendPlan } from '../../ops/run'
import type { Translate } from '#shared/i18n/translate'
import { EXIT, type CliIo } from '../io'
import { cliLanguage, cliT } from '../lang'
import { describeStatus } from '../describe-plan'
import { choiceDestination, openApi, type ApiChoice, type ApiTarget } from '../run/api-target'
import { catalogStep } from '../run/catalog-step'
import { confirmed } from '../run/confirm'
import { openJournal } from '../run/journal-access'
import { sendAndReport } from '../run/send-flow'
import { LIST_LIMIT } from '../run/summary'
import { termText } from '../terminal-text'

export interface ImportRunOptions {
  /** Absolute path of the sheet (hashed into the run). */
  path: string
  journalPath: string
  choice: ApiChoice
  rate: number
  concurrency: number
  force: boolean
  yes: boolean
  hint: string
  /** --product VALUE=NAME and the mapping file's products: sheet product values sent as these shop products. */
  products?: ProductChoices
  /** The values whose choice came from the mapping file (not overridden by --product). */
  fromMapping?: ReadonlySet<string>
}

export async function importRun(prepared: PreparedImport, options: ImportRunOptions, io: CliIo): Promise<number> {
  const journal = openJournal(options.journalPath, io)
  let target: ApiTarget | undefined
  try {
    target = await openApi(options.choice, options.journalPath)
    const step = await catalogStep(target, options.journalPath, io, options.yes)
    if (!step.go) {
      io.stdout(`${cliT(io)('cli.nothingSent')}\n`)
      return EXIT.usageOrInput
    }
    const choices = options.products ?? {}
    if (step.catalog) {
      const known = new Set(step.catalog.products.map((p) => p.name))
      const unknown = Object.entries(choices).find(([, name]) => !known.has(name))
      if (unknown !== undefined) {
        const [value, name] = unknown
        throw new UsageError(options.fromMapping?.has(value) ? msg('usage.import.productUnknownMapping', { value, name }) : msg('usage.import.productUnknown', { name }))
      }
    }
    const checked = checkAgainstCatalog(applyProductChoices(prepared.plan, choices), step.catalog)
    // The run keeps the choices in its mapping, so retry --from sends corrected rows the same way.
    prepared = { ...prepared, mapping: withProducts(prepared.mapping, choices), plan: checked.plan }
    const plan = sendPlan(journal, prepared.plan.orders, { force: options.force, destination: choiceDestination(options.choice) })
    const { toSend } = plan
    const t = cliT(io)
    const where = options.choice.kind === 'sandbox' ? t('cli.sandboxName') : t('cli.shopName', { address: options.choice.baseUrl, login: options.choice.login })
    const marks = statusMarks(plan)
    const notice = sideEffects({ sandbox: target.sandbox, orders: toSend, paid: marks.paid, calls: toSend + marks.calls, rate: options.rate, concurrency: options.concurrency })
    const language = cliLanguage(io)
    const noticeLine = (effect: SideEffect): string => (language === 'en' ? noticeText(effect) : noticeWords(effect, t, formatsFor(language).duration, true))
    const noticeLines = notice.length === 0 ? [] : [`${t('notice.title')}:`, ...notice.map((effect) => `  - ${noticeLine(effect)}`)]
    io.stdout(`${[...describePlan(prepared, plan, toSend, where, t), ...describeStatus(prepared, t), ...describeProducts(checked.products, t), ...(toSend > 0 ? noticeLines : [])].join('\n')}\n`)
    const nothing = nothingToSend(toSend, plan.alreadyCreated.length)
    if (nothing === 'all-invalid') {
      io.stdout(`${t('cli.allErrors')}\n`)
      return EXIT.usageOrInput
    }
    if (nothing === 'all-created') {
      io.stdout(`${t('cli.allCreated')}\n`)
      return plan.rejected.length > 0 ? EXIT.problems : EXIT.ok
    }
    if (!(await confirmed(io, options.yes, t('cli.confirmSend', { count: toSend, where })))) {
      io.stdout(`${t('cli.nothingSent')}\n`)
      return EXIT.usageOrInput
    }
    const digest = await fileDigest(options.path)
    const settings = { rate: options.rate, concurrency: options.concurrency, apiBase: target.baseUrl, login: target.login }
    const { run } = stageImport(journal, prepared, { digest, settings, sandbox: target.sandbox, force: options.force })
    return await sendAndReport({ journal, run, target, rate: options.rate, concurrency: options.concurrency, io, hint: options.hint })
  } finally {
    try {
      await target?.close()
    } finally {
      journal.close()
    }
  }
}

/** Orders of this run that get a second call (UpdateOrderStatus), and of those the paid ones. */
function statusMarks(plan: SendPlan): { calls: number; paid: number } {
  const created = new Set(plan.alreadyCreated.map((c) => c.order))
  let calls = 0
  let paid = 0
  for (const order of plan.valid) {
    if (created.has(order) || order.status === undefined) continue
    calls++
    if (order.status.status === 'paid') paid++
  }
  return { calls, paid }
}

function describePlan(prepared: PreparedImport, plan: SendPlan, toSend: number, where: string, t: Translate): string[] {
  const { counts } = prepared.plan
  const lines = [t('cli.fileSummary', { file: termText(prepared.file), rows: t('cli.rows', { count: counts.rows }), count: counts.orders })]
  lines.push(t('cli.toSend', { count: toSend, where }))
  if (plan.rejected.length > 0) {
    lines.push(t('cli.rejected', { count: plan.rejected.length }))
    const errors = orderErrors(prepared.plan.issues)
    const sheetWide = prepared.plan.issues.filter((issue) => issue.severity === 'error' && issue.order === null)
    for (const issue of sheetWide.slice(0, LIST_LIMIT)) lines.push(`  ${termText(issueText(issue, t))}`)
    for (const order of plan.rejected.slice(0, LIST_LIMIT)) {
      const first = errors.get(order.index)?.[0]
      if (first) lines.push(`  #${order.index}: ${termText(issueText(first, t))}`)
    }
    if (plan.rejected.length > LIST_LIMIT) lines.push(t('cli.moreInPreview', { count: plan.rejected.length - LIST_LIMIT }))
  }
  if (plan.alreadyCreated.length > 0) {
    lines.push(t('cli.skippedBefore', { count: plan.alreadyCreated.length }))
    const byRun = new Map<number, number[]>()
    for (const { order, runId } of plan.alreadyCreated) byRun.set(runId, [...(byRun.get(runId) ?? []), order.index])
    for (const [runId, ordinals] of [...byRun].slice(0, LIST_LIMIT)) {
      const shown = ordinals.slice(0, 10).map((i) => `#${i}`).join(', ')
      lines.push(t('cli.skippedRun', { run: runId, count: ordinals.length, shown: `${shown}${ordinals.length > 10 ? ', ...' : ''}` }))
    }
  }
  return lines
}
