// What resume and retry share: pick the API the run was sent to (flags override), ask, and send.
import { SANDBOX_DESTINATION, UNKNOWN_DESTINATION, describeDestination } from '#shared/run/destination'
import type { Journal, RunRecord } from '../../journal'
import { readRunInfo } from '../../journal'
import type { CliIo } from '../io'
import { EXIT } from '../io'
import { cliT } from '../lang'
import { UsageError } from '../usage-error'
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
  const info = readRunInfo(run)
  const sandbox = info.sandbox || run.destination === SANDBOX_DESTINATION
  const choice = chooseApi(flags, io, command, { runId: run.id, settings: run.settings, sandbox })
  const destination = choiceDestination(choice)
  if (!sandbox && run.destination !== UNKNOWN_DESTINATION && destination !== run.destination) {
    // Its created orders count only where it was sent: continuing it elsewhere would mix shops.
    throw new UsageError(
      `${command}: run ${run.id} was sent to ${describeDestination(run.destination)}, not to ${describeDestination(destination)}. ` +
        'Continue it with that account and address; to send the file to another shop, import it there as a new run.'
    )
  }
  const { rate, concurrency } = sendOptions(flags, choice.kind === 'sandbox', run.settings)
  const t = cliT(io)
  const where = choice.kind === 'sandbox' ? t('cli.sandboxName') : t('cli.shopName', { address: choice.baseUrl, login: choice.login })
  return { choice, rate, concurrency, hint: commandHint(flags), where }
}

export async function askAndSend(journal: Journal, run: RunRecord, plan: Continuation, question: string, flags: ContinueFlags, io: CliIo): Promise<number> {
  if (!(await confirmed(io, flags.yes, question))) {
    io.stdout('Nothing was sent.\n')
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
