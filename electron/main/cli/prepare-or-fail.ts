// Runs the input side for a command and turns a file problem into its one clear line on stderr.
import { renderMessage } from '#shared/i18n/message'
import { sheetErrorMessage } from '../sheets/sheet-error'
import { cliT } from './lang'
import { prepareImport, type PrepareOptions, type PreparedImport } from '../pipeline/prepare-import'
import type { CliIo } from './io'
import { withProgressNote } from './progress-note'

export async function prepareOrFail(path: string, options: PrepareOptions, io: CliIo): Promise<PreparedImport | null> {
  const outcome = await withProgressNote(io, cliT(io)('cli.reading', { file: path.split(/[\\/]/).pop() }), prepareImport(path, options))
  if (outcome.ok) return outcome.value
  io.stderr(`${renderMessage(cliT(io), sheetErrorMessage(outcome.error))}\n`)
  return null
}
