// orderbatch resume [RUN]: continues the given run, or the latest unfinished one, with the
// settings it was started with (flags override them). Orders whose last sending got no clear
// answer are looked up in the shop first; nothing is sent twice.
//
// A run sent to the built-in sandbox (import --sandbox) needs --sandbox again: that sandbox
// lived inside the command that started it, so resume starts a new one on the same shop file
// (kept next to the journal), on a new port, and records the new address in the run.
import { SANDBOX_DESTINATION } from '#shared/run/destination'
import { checkResumable, workLeft } from '../../ops/run'
import { latestUnfinished } from '../../ops/run-status'
import { cliT } from '../lang'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { API_OPTION_SPECS } from '../run/api-target'
import { checkCanAsk } from '../run/confirm'
import { askAndSend, planContinuation } from '../run/continue-run'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { exitCode } from '../run/send-flow'
import { SEND_OPTION_SPECS } from '../run/send-options'
import { countsLine } from '../run/summary'
import { UsageError } from '../usage-error'
import { msg } from '#shared/i18n/message'

const OPTIONS = { ...API_OPTION_SPECS, ...SEND_OPTION_SPECS, journal: { type: 'string' }, yes: { type: 'boolean' } } as const

export async function resumeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'resume')
  if (positionals.length > 1) throw new UsageError(msg('usage.resume.run'))
  const runId = parseRunId(positionals[0], 'resume')
  checkCanAsk(io, values.yes, 'resume')
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'resume')
  try {
    const run = runId === undefined ? latestUnfinished(journal, values.sandbox === true) : requireRun(journal, runId, 'resume')
    const t = cliT(io)
    if (!run) {
      const other = latestUnfinished(journal, values.sandbox !== true)
      const otherLine =
        other === null
          ? ''
          : t(other.destination === SANDBOX_DESTINATION ? 'cli.resume.otherSandbox' : 'cli.resume.otherShop', { run: other.id, hint: values.sandbox === true ? '' : ' --sandbox' })
      io.stdout(`${t(values.sandbox === true ? 'cli.resume.noneSandbox' : 'cli.resume.none', { path: journal.path })}${otherLine}\n`)
      return EXIT.ok
    }
    checkResumable(run)
    const plan = planContinuation(run, values, io, 'resume')
    const counts = journal.runCounts(run.id)
    const { left, toSend, unclear } = workLeft(counts)
    // Created orders whose status (UpdateOrderStatus) is still to set or unclear are work too.
    const steps = journal.statusStepCounts(run.id)
    const statuses = steps.pending + steps.sending + steps.unknown
    if (left === 0 && statuses === 0) {
      io.stdout(`${t('cli.resume.nothingLeft', { run: run.id, counts: countsLine(counts, t) })}\n`)
      return exitCode({ outcome: 'finished' }, counts)
    }
    const check = unclear > 0 ? t('cli.resume.checkFirst', { count: unclear }) : ''
    const question = left === 0
      ? t('cli.resume.confirmStatuses', { count: statuses, run: run.id, where: plan.where })
      : t('cli.resume.confirm', { count: toSend, run: run.id, where: plan.where, check })
    return await askAndSend(journal, run, plan, question, values, io)
  } finally {
    journal.close()
  }
}
