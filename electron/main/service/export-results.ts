// runs.export: the run's results as file bytes for the renderer to save, built by the same export
// code as the CLI (original columns plus the outcome, every cell safe against formula injection).
import { resultsTable } from '../export/results-table'
import { toCsv, toXlsx } from '../export/write-results'
import type { Language } from '#shared/i18n/language'
import type { Journal, RunRecord } from '../journal'

export function exportRun(
  journal: Journal,
  run: RunRecord,
  format: 'csv' | 'xlsx',
  only: 'all' | 'failed' | 'unknown' | 'succeeded',
  options: { delimiter?: ',' | ';' | undefined; language?: Language | undefined } = {}
): { name: string; bytes: Uint8Array } {
  const table = resultsTable(journal, run, only === 'all' ? undefined : only, options.language ?? 'en')
  const bytes = format === 'csv' ? new TextEncoder().encode(toCsv(table, options.delimiter ?? ',')) : plainBytes(toXlsx(table))
  const stem = run.sourceName.replace(/\.[^.]*$/, '') || 'orders'
  const part = only === 'all' ? 'results' : only
  return { name: `${stem}-run-${run.id}-${part}.${format}`, bytes }
}

/** A Node Buffer is a Uint8Array, but a plain one crosses every boundary the same way. */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
