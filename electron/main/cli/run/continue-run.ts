// What resume and retry share: pick the API the run was sent to (flags override), ask, and send.
import type { Journal, RunRecord } from '../../journal'
import { checkSameDestination, sentToSandbox } from '../../ops/run'
import type { CliIo } from '../io'
import { EXIT } from '../io'
import { cliT } from '../lang'
import { choiceDestination, chooseApi, openApi, type ApiChoice, type ApiFlags } from './api-target'
import { confirmed } from './confirm'
import { sendAndReport } from './send-flow'
import { commandHint, sendOptions, type SendOptionValues } from './send-options'

export type ContinueFlags = ApiFlags & SendOptionValues & { journal?: string; yes?: boolean }

export interface Continuation {
  choice: ApiChoice
  rate: number
  concurrency: number
  hint: string
  where: string
}

/** Checks the flags against the run before anything is changed. */
export function planContinuation(run: RunRecord, flags: ContinueFlags, io: CliIo, command: string): Continuation {
  const choice = chooseApi(flags, io, command, { runId: run.id, settings: run.settings, sandbox: sentToSandbox(run) })
  // An OpError: the CLI prints it after the command's name.
  checkSameDestination(run, choiceDestination(choice))
  const { rate, concurrency } = sendOptions(flags, choice.kind === 'sandbox', run.settings)
  const t = cliT(io)
  const where = choice.kind === 'sandbox' ? t('cli.sandboxName') : t('cli.shopName', { address: choice.baseUrl, login: choice.login })
  return { choice, rate, concurrency, hint: commandHint(flags), where }
}

export async function askAndSend(journal: Journal, run: RunRecord, plan: Continuation, question: string, flags: ContinueFlags, io: CliIo): Promise<number> {
  if (!(await confirmed(io, flags.yes, question))) {
    io.stdout(`${cliT(io)('cli.nothingSent')}\n`)
    return EXIT.usageOrInput
  }
  return send(journal, run, plan, io)
}

export async function send(journal: Journal, run: RunRecord, plan: Continuation, io: CliIo): Promise<number> {
  const target = await openApi(plan.choice, journal.path)
  try {
    return await sendAndReport({ journal, run, target, rate: plan.rate, concurrency: plan.concurrency, io, hint: plan.hint })
  } finally {
    await target.close()
  }
}
