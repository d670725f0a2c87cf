// orderbatch export RUN --out results.csv|results.xlsx [--only failed|unknown|succeeded]: the
// run's sheet rows with what became of each order, safe to open in a spreadsheet.
import { resolve } from 'node:path'
import { EXPORT_FILTERS, RUN_ORDER_COLUMN, resultsTable, type ExportFilter } from '../../export/results-table'
import { exportFormatOf, writeResults } from '../../export/write-results'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { UsageError } from '../usage-error'

const OPTIONS = {
  out: { type: 'string' },
  only: { type: 'string' },
  journal: { type: 'string' },
  sandbox: { type: 'boolean' }
} as const

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'export')
  if (positionals.length !== 1) throw new UsageError('export: give the run number, e.g. "orderbatch export 3 --out results.csv".')
  const runId = parseRunId(positionals[0], 'export')!
  if (!values.out) throw new UsageError('export: say where to write with --out results.csv (or results.xlsx).')
  const format = exportFormatOf(values.out)
  if (!format) throw new UsageError(`export: --out must end in .csv or .xlsx, not "${values.out}".`)
  const only = parseFilter(values.only)
  const journal = openExistingJournal(journalPathFor(io, values.journal, values.sandbox === true), io, 'export')
  try {
    const run = requireRun(journal, runId, 'export')
    const table = resultsTable(journal, run, only)
    const out = resolve(io.cwd, values.out)
    try {
      await writeResults(out, table, format)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      io.stderr(`${values.out}: cannot write the export (${code}). Check that the folder exists, that the file is not open in another program, and that you may write there.\n`)
      return EXIT.usageOrInput
    }
    const what = only === undefined ? '' : `${only} `
    const runOrder = table.headers.lastIndexOf(RUN_ORDER_COLUMN)
    const orders = new Set(table.rows.map((row) => row[runOrder])).size
    io.stdout(
      table.rows.length === 0
        ? `Run ${run.id} has no ${what}orders; ${values.out} holds only the header row.\n`
        : `Wrote ${table.rows.length} row${table.rows.length === 1 ? '' : 's'} (${orders} ${what}order${orders === 1 ? '' : 's'}) of run ${run.id} to ${values.out}.\n`
    )
    return EXIT.ok
  } finally {
    journal.close()
  }
}

function parseFilter(value: string | undefined): ExportFilter | undefined {
  if (value === undefined) return undefined
  const found = EXPORT_FILTERS.find((filter) => filter === value)
  if (!found) throw new UsageError(`export: --only takes ${EXPORT_FILTERS.join(', ')}, not "${value}".`)
  return found
}
