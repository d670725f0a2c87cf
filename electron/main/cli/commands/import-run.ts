// The sending half of `orderbatch import`: what will and will not be sent, a question, then one
// journal transaction that stages the run, then the send.
import { checkAgainstCatalog, describeProducts } from '#shared/shop/catalog-check'
import { fingerprintOf, type PlannedOrder } from '#shared/plan/import-plan'
import { noticeText, sideEffects } from '#shared/run/side-effects'
import type { Journal } from '../../journal'
import type { PreparedImport } from '../../pipeline/prepare-import'
import { fileDigest, orderErrors, stageRun } from '../../pipeline/stage-run'
import { EXIT, type CliIo } from '../io'
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
}

interface Plan {
  valid: PlannedOrder[]
  rejected: PlannedOrder[]
  alreadyCreated: Array<{ order: PlannedOrder; runId: number; billId: number | null }>
}

export async function importRun(prepared: PreparedImport, options: ImportRunOptions, io: CliIo): Promise<number> {
  const journal = openJournal(options.journalPath, io)
  let target: ApiTarget | undefined
  try {
    target = await openApi(options.choice, options.journalPath)
    const step = await catalogStep(target, options.journalPath, io, options.yes)
    if (!step.go) {
      io.stdout('Nothing was sent.\n')
      return EXIT.usageOrInput
    }
    const checked = checkAgainstCatalog(prepared.plan, step.catalog)
    prepared = { ...prepared, plan: checked.plan }
    const plan = planSend(journal, prepared, options.force, choiceDestination(options.choice))
    const toSend = plan.valid.length - plan.alreadyCreated.length
    const where = options.choice.kind === 'sandbox' ? 'the built-in sandbox' : `${options.choice.baseUrl} (account ${options.choice.login})`
    const notice = sideEffects({ sandbox: target.sandbox, orders: toSend, paid: 0, calls: toSend, rate: options.rate, concurrency: options.concurrency })
    const noticeLines = notice.length === 0 ? [] : ['What the shop is likely to do:', ...notice.map((effect) => `  - ${noticeText(effect)}`)]
    io.stdout(`${[...describePlan(prepared, plan, toSend, where), ...describeProducts(checked.products), ...(toSend > 0 ? noticeLines : [])].join('\n')}\n`)
    if (plan.valid.length === 0) {
      io.stdout('Nothing was sent: every order in the file has errors. Fix them and import again.\n')
      return EXIT.usageOrInput
    }
    if (toSend === 0) {
      io.stdout('Nothing to send: every valid order was already created. Add --force to send them again.\n')
      return plan.rejected.length > 0 ? EXIT.problems : EXIT.ok
    }
    if (!(await confirmed(io, options.yes, `Send ${toSend} order${toSend === 1 ? '' : 's'} to ${where}?`))) {
      io.stdout('Nothing was sent.\n')
      return EXIT.usageOrInput
    }
    const digest = await fileDigest(options.path)
    const settings = { rate: options.rate, concurrency: options.concurrency, apiBase: target.baseUrl, login: target.login }
    const { run } = stageRun(journal, prepared, { digest, settings, sandbox: target.sandbox, force: options.force })
    return await sendAndReport({ journal, run, target, rate: options.rate, concurrency: options.concurrency, io, hint: options.hint })
  } finally {
    try {
      await target?.close()
    } finally {
      journal.close()
    }
  }
}

function planSend(journal: Journal, prepared: PreparedImport, force: boolean, destination: string): Plan {
  const valid: PlannedOrder[] = []
  const rejected: PlannedOrder[] = []
  const alreadyCreated: Plan['alreadyCreated'] = []
  for (const order of prepared.plan.orders) {
    if (order.errors > 0) {
      rejected.push(order)
      continue
    }
    valid.push(order)
    const match = force ? null : journal.findCreated(fingerprintOf(order), destination)
    if (match) alreadyCreated.push({ order, ...match })
  }
  return { valid, rejected, alreadyCreated }
}

function describePlan(prepared: PreparedImport, plan: Plan, toSend: number, where: string): string[] {
  const { counts } = prepared.plan
  const lines = [`${termText(prepared.file)}: ${counts.rows} row${counts.rows === 1 ? '' : 's'}, ${counts.orders} order${counts.orders === 1 ? '' : 's'}.`]
  lines.push(`To send: ${toSend} order${toSend === 1 ? '' : 's'} to ${where}.`)
  if (plan.rejected.length > 0) {
    lines.push(`Not sent, the sheet has errors (${plan.rejected.length} order${plan.rejected.length === 1 ? '' : 's'}):`)
    const errors = orderErrors(prepared.plan.issues)
    const sheetWide = prepared.plan.issues.filter((issue) => issue.severity === 'error' && issue.order === null)
    for (const issue of sheetWide.slice(0, LIST_LIMIT)) lines.push(`  ${termText(issue.message)}`)
    for (const order of plan.rejected.slice(0, LIST_LIMIT)) {
      const first = errors.get(order.index)?.[0]
      if (first) lines.push(`  #${order.index}: ${termText(first.message)}`)
    }
    if (plan.rejected.length > LIST_LIMIT) lines.push(`  ... and ${plan.rejected.length - LIST_LIMIT} more ("orderbatch preview" lists every problem).`)
  }
  if (plan.alreadyCreated.length > 0) {
    const n = plan.alreadyCreated.length
    lines.push(`Skipped, already created here in an earlier run (${n} order${n === 1 ? '' : 's'}; add --force to send them again):`)
    const byRun = new Map<number, number[]>()
    for (const { order, runId } of plan.alreadyCreated) byRun.set(runId, [...(byRun.get(runId) ?? []), order.index])
    for (const [runId, ordinals] of [...byRun].slice(0, LIST_LIMIT)) {
      const shown = ordinals.slice(0, 10).map((i) => `#${i}`).join(', ')
      lines.push(`  run ${runId}: ${ordinals.length} order${ordinals.length === 1 ? '' : 's'} (${shown}${ordinals.length > 10 ? ', ...' : ''})`)
    }
  }
  return lines
}
