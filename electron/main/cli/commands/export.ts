// orderbatch export RUN --out results.csv|results.xlsx [--only failed|unknown|succeeded] [--force]:
// the run's sheet rows with what became of each order, safe to open in a spreadsheet. Streamed
// from the journal page by page; an existing file is replaced only with --force, and never the
// run's own source sheet or the journal.
import { resolve } from 'node:path'
import { formatsFor } from '#shared/i18n/format'
import { errorText } from '#shared/i18n/message'
import { EXPORT_FILTERS, type ExportFilter } from '../../export/results-table'
import { OutFileRefused, checkOutFile, commitOutFile, discardPartial, partialPathFor } from '../../export/out-file'
import { streamResults } from '../../export/stream-results'
import { exportFormatOf } from '../../export/write-results'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { cliLanguage, cliT } from '../lang'
import { openExistingJournal, parseRunId, requireRun } from '../run/journal-access'
import { journalPathFor } from '../../ops/paths'
import { UsageError } from '../usage-error'
import { msg } from '#shared/i18n/message'

const OPTIONS = {
  out: { type: 'string' },
  only: { type: 'string' },
  force: { type: 'boolean' },
  journal: { type: 'string' },
  delimiter: { type: 'string' },
  sandbox: { type: 'boolean' }
} as const

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'export')
  if (positionals.length !== 1) throw new UsageError(msg('usage.export.run'))
  const runId = parseRunId(positionals[0], 'export')!
  if (!values.out) throw new UsageError(msg('usage.export.out'))
  const format = exportFormatOf(values.out)
  if (!format) throw new UsageError(msg('usage.export.format', { value: values.out }))
  const only = parseFilter(values.only)
  const language = cliLanguage(io)
  const t = cliT(io)
  // Excel where numbers have decimal commas splits CSV on ";": the language decides unless --delimiter says.
  const delimiter = parseCsvDelimiter(values.delimiter) ?? formatsFor(language).csvDelimiter
  const force = values.force === true
  const journalPath = journalPathFor(io, values.journal, values.sandbox === true)
  const journal = openExistingJournal(journalPath, io, 'export')
  try {
    const run = requireRun(journal, runId, 'export')
    const out = resolve(io.cwd, values.out)
    const rules = { force, journalPath: journal.path, source: { name: run.sourceName, sha256: run.sourceHash, size: run.sourceSize }, shown: values.out }
    const partial = partialPathFor(out)
    let counts
    try {
      await checkOutFile(out, rules)
      counts = await streamResults(partial, journal, run, format, only, { delimiter, language })
      commitOutFile(partial, out, force, values.out)
    } catch (error) {
      discardPartial(partial)
      if (error instanceof OutFileRefused) {
        io.stderr(`export: ${errorText(t, error)}\n`)
        return EXIT.usageOrInput
      }
      const code = (error as NodeJS.ErrnoException).code
      if (typeof code !== 'string') throw error
      io.stderr(`${t('cli.export.cannotWrite', { file: values.out, code })}\n`)
      return EXIT.usageOrInput
    }
    const what = only === undefined ? '' : t(`cli.export.only.${only}`)
    io.stdout(
      counts.rows === 0
        ? `${t('cli.export.empty', { run: run.id, what, file: values.out })}\n`
        : `${t('cli.export.wrote', { rows: t('cli.rows', { count: counts.rows }), count: counts.orders, what, run: run.id, file: values.out })}\n`
    )
    if (format === 'csv' && delimiter === ';' && values.delimiter === undefined) io.stdout(`${t('cli.export.semicolon')}\n`)
    return EXIT.ok
  } finally {
    journal.close()
  }
}

function parseCsvDelimiter(value: string | undefined): ',' | ';' | undefined {
  if (value === undefined) return undefined
  const text = value.trim().toLowerCase()
  if (text === ';' || text === 'semicolon') return ';'
  if (text === ',' || text === 'comma') return ','
  throw new UsageError(msg('cli.export.badDelimiter', { value }))
}

function parseFilter(value: string | undefined): ExportFilter | undefined {
  if (value === undefined) return undefined
  const found = EXPORT_FILTERS.find((filter) => filter === value)
  if (!found) throw new UsageError(msg('usage.export.only', { filters: EXPORT_FILTERS.join(', '), value }))
  return found
}
