// orderbatch status [RUN] [--all] [--json]: where runs stand, and for unclear orders how to
// settle them.
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { findRun, isUnfinished } from '../../ops/run-status'
import { runHeadline, runJson } from '../run/run-view'
import { cliT } from '../lang'
import { commandHint } from '../run/send-options'
import { attentionLines } from '../run/summary'
import { UsageError } from '../usage-error'
import { msg } from '#shared/i18n/message'

const OPTIONS = {
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  journal: { type: 'string' },
  sandbox: { type: 'boolean' }
} as const

export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'status')
  if (positionals.length > 1) throw new UsageError(msg('usage.status.run'))
  if (values.all && positionals.length > 0) throw new UsageError(msg('usage.status.all'))
  const runId = parseRunId(positionals[0], 'status')
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'status')
  try {
    if (values.all) {
      const runs = journal.listRuns()
      if (values.json) io.stdout(`${JSON.stringify(runs.map((run) => runJson(journal, run, false)), null, 2)}\n`)
      else io.stdout(runs.length === 0 ? `${cliT(io)('cli.status.none', { path: journal.path })}\n` : `${runs.map((run) => runHeadline(journal, run, cliT(io)).join('\n')).join('\n\n')}\n`)
      return EXIT.ok
    }
    const run = runId === undefined ? findRun(journal) : requireRun(journal, runId, 'status')
    if (!run) {
      io.stdout(values.json ? 'null\n' : `${cliT(io)('cli.status.none', { path: journal.path })}\n`)
      return EXIT.ok
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(runJson(journal, run, true), null, 2)}\n`)
      return EXIT.ok
    }
    const lines = [...runHeadline(journal, run, cliT(io)), ...attentionLines(journal, run, journal.runCounts(run.id), commandHint(values), cliT(io))]
    if (isUnfinished(run)) lines.push(cliT(io)('cli.status.continue', { run: run.id, hint: commandHint(values) }))
    io.stdout(`${lines.join('\n')}\n`)
    return EXIT.ok
  } finally {
    journal.close()
  }
}
