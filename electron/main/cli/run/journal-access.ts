// Opening the journal and finding a run or an order in it, with one plain line for each way
// that can go wrong.
import type { Translate } from '../../../../shared/i18n/translate'
import { ENGLISH } from '../lang'
import { existsSync } from 'node:fs'
import { Journal, ORDER_STATES } from '../../journal'
import type { OrderRecord, OrderState, RunRecord } from '../../journal'
import type { CliIo } from '../io'
import { UsageError } from '../usage-error'

/** Opens (creating when needed) the journal, and says so when it found orders cut off mid-send. */
export function openJournal(path: string, io: CliIo): Journal {
  const journal = Journal.open(path)
  if (journal.recoveredSending > 0) {
    const n = journal.recoveredSending
    io.stderr(
      `Note: ${n} order${n === 1 ? ' was' : 's were'} being sent when Orderbatch last stopped; ${n === 1 ? 'it is' : 'they are'} now "unknown" ` +
        'and will be checked in the shop before anything is sent again.\n'
    )
  }
  return journal
}

/** For commands that read earlier runs: a missing journal means nothing was imported there. */
export function openExistingJournal(path: string, io: CliIo, command: string): Journal {
  if (!existsSync(path)) {
    throw new UsageError(
      `${command}: there is no journal at ${path}, so nothing was imported there yet. Pass --journal PATH (or --sandbox for sandbox runs).`
    )
  }
  return openJournal(path, io)
}

export function parseRunId(text: string | undefined, command: string): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${command}: the run is given by its number (e.g. 3), not "${text}". "orderbatch status --all" lists them.`)
  return Number(text)
}

export function requireRun(journal: Journal, runId: number, command: string): RunRecord {
  const run = journal.getRun(runId)
  if (!run) throw new UsageError(`${command}: the journal ${journal.path} has no run ${runId}. "orderbatch status --all" lists the runs.`)
  return run
}

/** Every order of the run in the given states, in file order, a page at a time. Collect them
 * before changing their states: paging by offset would skip orders that move. */
export function* ordersOf(journal: Journal, runId: number, states: readonly OrderState[] = ORDER_STATES, pageSize = 1000): Generator<OrderRecord> {
  for (let offset = 0; ; offset += pageSize) {
    const page = journal.ordersByState(runId, states, { offset, limit: pageSize })
    yield* page
    if (page.length < pageSize) return
  }
}

/** Ordinals run 1..N, so the order is usually at offset N-1; otherwise look through the run. */
export function findOrderByOrdinal(journal: Journal, runId: number, ordinal: number): OrderRecord | null {
  const [guess] = journal.ordersByState(runId, ORDER_STATES, { offset: ordinal - 1, limit: 1 })
  if (guess?.ordinal === ordinal) return guess
  for (const order of ordersOf(journal, runId)) if (order.ordinal === ordinal) return order
  return null
}

/** The sheet rows of an order, for messages: "row 4", "rows 4-6", "rows 4, 9". */
export function describeRows(rows: readonly number[], t: Translate = ENGLISH): string {
  if (rows.length === 0) return t('cli.sheetRows.none')
  if (rows.length === 1) return t('cli.sheetRows.one', { row: rows[0] })
  const contiguous = rows.every((row, i) => i === 0 || row === (rows[i - 1] ?? 0) + 1)
  return contiguous ? t('cli.sheetRows.range', { first: rows[0], last: rows[rows.length - 1] }) : t('cli.sheetRows.list', { rows: rows.join(', ') })
}
