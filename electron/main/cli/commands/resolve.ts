// orderbatch resolve RUN --order N (--bill-id ID | --absent): the user's finding for an order
// whose sending got no clear answer. Found in the shop: it counts as created with that bill.
// Not there: it goes back to the queue and the next resume sends it.
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { resolveOrder } from '../../ops/requeue'
import { commandHint } from '../run/send-options'
import { UsageError } from '../usage-error'
import { cliT } from '../lang'
import { msg, type Message } from '#shared/i18n/message'

const OPTIONS = {
  order: { type: 'string' },
  'bill-id': { type: 'string' },
  absent: { type: 'boolean' },
  journal: { type: 'string' },
  sandbox: { type: 'boolean' }
} as const

export async function resolveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'resolve')
  if (positionals.length !== 1) throw new UsageError(msg('usage.resolve.run'))
  const runId = parseRunId(positionals[0], 'resolve')!
  const ordinal = wholeNumber(values.order, '--order', msg('usage.resolve.orderWhat'))
  if (ordinal === undefined) throw new UsageError(msg('usage.resolve.order'))
  if ((values['bill-id'] === undefined) === (values.absent !== true)) {
    throw new UsageError(msg('usage.resolve.either'))
  }
  const billId = wholeNumber(values['bill-id'], '--bill-id', msg('usage.resolve.billWhat'))
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'resolve')
  try {
    const run = requireRun(journal, runId, 'resolve')
    if (!journal.orderByOrdinal(runId, ordinal)) throw new UsageError(msg('usage.resolve.noOrder', { run: runId, ordinal }))
    const notes = { created: msg('orderNote.resolve.createdCli'), absent: msg('orderNote.resolve.absentCli') }
    if (billId !== undefined) {
      resolveOrder(journal, run, ordinal, { kind: 'created', billId }, notes)
      io.stdout(`${cliT(io)('cli.resolve.created', { ordinal, run: runId, bill: billId })}\n`)
    } else {
      resolveOrder(journal, run, ordinal, { kind: 'absent' }, notes)
      io.stdout(`${cliT(io)('cli.resolve.absent', { ordinal, run: runId, hint: commandHint(values) })}\n`)
    }
    return EXIT.ok
  } finally {
    journal.close()
  }
}

function wholeNumber(value: string | undefined, flag: string, what: Message): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new UsageError(msg('usage.resolve.number', { flag, what, value }))
  return Number(value)
}
