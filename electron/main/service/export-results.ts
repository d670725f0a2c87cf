// runs.export: the run's results as file bytes for the renderer to save, built by the same
// streamed export as the CLI (original columns plus the outcome, every cell safe against formula
// injection): written to a private temporary file page by page, then read back once.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { streamResults } from '../export/stream-results'
import type { Language } from '#shared/i18n/language'
import type { Journal, RunRecord } from '../journal'

export async function exportRun(
  journal: Journal,
  run: RunRecord,
  format: 'csv' | 'xlsx',
  only: 'all' | 'failed' | 'unknown' | 'succeeded',
  tempRoot: string,
  options: { delimiter?: ',' | ';' | undefined; language?: Language | undefined } = {}
): Promise<{ name: string; bytes: Uint8Array }> {
  const folder = await mkdtemp(join(tempRoot, 'orderbatch-export-'))
  try {
    const path = join(folder, `results.${format}`)
    await streamResults(path, journal, run, format, only === 'all' ? undefined : only, options)
    const bytes = plainBytes(await readFile(path))
    const stem = run.sourceName.replace(/\.[^.]*$/, '') || 'orders'
    const part = only === 'all' ? 'results' : only
    return { name: `${stem}-run-${run.id}-${part}.${format}`, bytes }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** A Node Buffer is a Uint8Array, but a plain one crosses every boundary the same way. */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
