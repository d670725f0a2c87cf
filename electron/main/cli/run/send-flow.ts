// Sends a staged (or resumed) run and reports on it: the run id first, then progress, each
// order that needs a person as it happens, and at the end a summary and the exit code.
import { ApiClient } from '../../api/api-client'
import type { Journal, OrderState, RunRecord } from '../../journal'
import { startSending } from '../../ops/run'
import { failpointFromEnv, failpointHooks } from '../../sender/send-run'
import type { SendResult } from '../../sender/send-run'
import type { Translate } from '#shared/i18n/translate'
import { renderMessage } from '#shared/i18n/message'
import { EXIT, type CliIo } from '../io'
import { cliT } from '../lang'
import type { ApiTarget } from './api-target'
import { eventLine } from './event-lines'
import { progressView } from './progress'
import { attentionLines, countsLine } from './summary'

export interface SendContext {
  journal: Journal
  run: RunRecord
  target: ApiTarget
  rate: number
  concurrency: number
  io: CliIo
  /** Appended to every command we suggest (" --sandbox", " --journal x.sqlite") so it works as printed. */
  hint: string
}

export async function sendAndReport(ctx: SendContext): Promise<number> {
  const { journal, io, target } = ctx
  const settings = { rate: ctx.rate, concurrency: ctx.concurrency, apiBase: target.baseUrl, login: target.login }
  const toSend = journal.runCounts(ctx.run.id)
  const t = cliT(io)
  const where = target.sandbox ? t('cli.sandboxName') : target.baseUrl
  io.stderr(`${t('cli.sending', { run: ctx.run.id, count: toSend.pending, where, login: target.login, rate: ctx.rate, concurrency: ctx.concurrency, hint: ctx.hint })}\n`)
  const failpoint = failpointFromEnv(io.env)
  const hooks = failpoint === undefined ? undefined : failpointHooks(failpoint)
  const client = new ApiClient({ baseUrl: target.baseUrl, login: target.login, secret: target.secret, ...(hooks === undefined ? {} : { hooks }) })
  const view = progressView(io, Date.now, t)
  const rowsOf = (orderId: number) => journal.orderRows(orderId).map((row) => row.sheetRow)
  const { run, handle } = startSending(journal, ctx.run, {
    settings,
    deps: { client, ...(failpoint === undefined ? {} : { failpoint }) },
    options: {
      ...settleFromEnv(io.env),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (progress) => view.update(progress),
      onEvent: (event) => {
        const line = eventLine(event, { runId: ctx.run.id, rowsOf, hint: ctx.hint }, t)
        if (line !== null) view.line(line)
      }
    }
  })
  let result: SendResult
  try {
    result = await handle.done
  } finally {
    view.finish()
  }
  return report(ctx, run, result)
}

/** Tests only (the crash test resumes hundreds of times): ORDERBATCH_TEST_SETTLE_MS shortens the
 * wait before an unclear order is looked up in the shop. A stand-in shop in the same machine shows
 * an order at once; a real shop may not, so the default (5 s) is kept unless a whole number is set. */
function settleFromEnv(env: CliIo['env']): { settleMs?: number } {
  const text = env.ORDERBATCH_TEST_SETTLE_MS
  if (text === undefined || !/^\d{1,6}$/.test(text)) return {}
  return { settleMs: Number(text) }
}

function report(ctx: SendContext, run: RunRecord, result: SendResult): number {
  const counts = ctx.journal.runCounts(run.id)
  const t = cliT(ctx.io)
  const lines = [t('cli.runOutcome', { run: run.id, outcome: outcomeWord(result, t), counts: countsLine(counts, t) })]
  if (result.outcome === 'stopped') lines.push(renderMessage(t, result.said))
  lines.push(...attentionLines(ctx.journal, run, counts, ctx.hint, t))
  if (result.outcome === 'cancelled') lines.push(t('cli.pausedContinue', { run: run.id, hint: ctx.hint }))
  if (result.outcome === 'stopped') lines.push(t('cli.stoppedContinue', { run: run.id, hint: ctx.hint }))
  ctx.io.stdout(`${lines.join('\n')}\n`)
  return exitCode(result, counts)
}

function outcomeWord(result: SendResult, t: Translate): string {
  return t(`cli.outcome.${result.outcome}`)
}

/** 0: every order created; 2: finished, but some failed or are unknown; 3: stopped or cancelled. */
export function exitCode(result: Pick<SendResult, 'outcome'>, counts: Record<OrderState, number>): number {
  if (result.outcome !== 'finished') return EXIT.stopped
  return counts.failed + counts.unknown + counts.pending + counts.sending > 0 ? EXIT.problems : EXIT.ok
}
