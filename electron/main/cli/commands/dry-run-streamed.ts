// orderbatch import --dry-run, planned and signed as the sheet is read (StreamedPlan), so a big
// sheet is never held whole. The lines go to a file beside the output, which takes the output's
// name only once the whole sheet has been read and planned; whenever the streamed plan cannot
// stand for the whole-sheet plan (see streamed-plan.ts), or anything fails on the way, that file
// is dropped and the dry run is done as before, on the whole sheet, so what it prints and writes
// is always what the whole-sheet dry run prints and writes.
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { basename, extname } from 'node:path'
import { renderMessage } from '#shared/i18n/message'
import type { Mapping } from '#shared/mapping/mapping'
import type { ImportPlan } from '#shared/plan/import-plan'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { signedOrderBody } from '#shared/wire/flat-query'
import { resolveLimits } from '../../sheets/limits'
import { readSheetFile } from '../../sheets/read-sheet'
import { sheetErrorMessage } from '../../sheets/sheet-error'
import { loadMappingFile } from '../../pipeline/load-mapping'
import { decideMapping, planWithNotes, sheetOptionsOf, type PrepareOptions } from '../../pipeline/prepare-import'
import { StreamedPlan, type WindowSizes } from '../../pipeline/streamed-plan'
import { prepareOrFail } from '../prepare-or-fail'
import { withProgressNote } from '../progress-note'
import { cliT } from '../lang'
import { EXIT, type CliIo } from '../io'
import { dryRunSummary, emitDryRun, requestLine, SHOWN_ERRORS, valuesOf, rowsOf } from './import-dry-run'

const CHUNK = 1 << 20

/** What a missing cell is in the table the whole-sheet read would make, told from the file's
 * name (checked against what the reader found once it is done); undefined: not streamed. */
function missingCell(path: string): '' | null | undefined {
  const ext = extname(path).toLowerCase()
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return ''
  if (ext === '.xlsx' || ext === '.xlsm') return null
  return undefined
}

/** Request lines, written in chunks of about 1 MB. The windows are planned inside the reader's
 * message handler, which cannot wait for the stream to drain, so the chunks are handed to the
 * stream without waiting (a file on a local disk takes them as fast as they come; a synchronous
 * write instead cost the main thread about 1.8 s of the 500k run). */
class LineWriter {
  private stream: WriteStream | null = null
  private chunk = ''
  error: Error | null = null

  constructor(private readonly path: string) {}

  add(line: string): void {
    this.chunk += line
    if (this.chunk.length >= CHUNK) this.flush()
  }

  private flush(): void {
    if (this.stream === null) {
      this.stream = createWriteStream(this.path, { encoding: 'utf8' })
      this.stream.on('error', (error) => (this.error ??= error))
    }
    if (this.error) throw this.error
    if (this.chunk !== '') this.stream.write(this.chunk)
    this.chunk = ''
  }

  async finish(): Promise<void> {
    this.flush()
    const stream = this.stream!
    if (!stream.writableFinished) {
      stream.end()
      await Promise.race([once(stream, 'finish'), once(stream, 'error')])
    }
    if (this.error) throw this.error
  }

  drop(): void {
    this.stream?.destroy()
    this.stream = null
    rmSync(this.path, { force: true })
  }
}

/** For tests: window sizes, and what became of the streamed plan (null: it stood). */
export interface StreamTuning {
  sizes?: WindowSizes
  outcome?: (failed: string | null) => void
}

export async function streamedDryRun(path: string, options: PrepareOptions, out: string | undefined, login: string, secret: string, io: CliIo, tuning: StreamTuning = {}): Promise<number> {
  const whole = async (): Promise<number> => {
    const prepared = await prepareOrFail(path, options, io)
    if (!prepared) return EXIT.usageOrInput
    // No shop is asked, so no catalog: the delivery rule alone, as preview applies it.
    return emitDryRun({ ...prepared, plan: checkAgainstCatalog(prepared.plan, null).plan }, out, login, secret, io)
  }
  const missing = missingCell(path)
  if (missing === undefined) return whole()
  let fromFile: Mapping | undefined
  if (!options.mapping && options.mappingPath) {
    try {
      fromFile = await loadMappingFile(options.mappingPath)
    } catch {
      return whole()
    }
  }
  const file = basename(path)
  const now = options.now ?? Date.now()
  const writer = out ? new LineWriter(`${out}.${process.pid}.partial`) : null
  let valid = 0
  const receive = (plan: ImportPlan, offset: number): Array<string | undefined> => {
    const emails = new Array<string | undefined>(plan.orders.length)
    plan.orders.forEach((order, o) => {
      const values = valuesOf(order)
      emails[o] = values.fields.bill_email
      if (order.errors !== 0) return
      valid++
      if (!writer) return
      const rows = rowsOf(order)
      writer.add(requestLine({ index: offset + rows.index, rows: rows.rows }, signedOrderBody(values, login, secret)))
    })
    return emails
  }
  const streamed = new StreamedPlan(file, { ...options, now }, fromFile, resolveLimits(options.limits), missing, now, receive, SHOWN_ERRORS, tuning.sizes)
  const read = await withProgressNote(io, cliT(io)('cli.reading', { file: path.split(/[\\/]/).pop() }),
    readSheetFile(path, { ...sheetOptionsOf(options), limits: options.limits, signal: options.signal }, streamed))
  if (!read.ok) {
    writer?.drop()
    if (options.signal?.aborted) {
      io.stderr(`${renderMessage(cliT(io), sheetErrorMessage(read.error))}\n`)
      return EXIT.usageOrInput
    }
    // The read's time limit now also covers the planning; and the whole-sheet read says what was
    // wrong exactly as before.
    return whole()
  }
  if (streamed.whole) {
    tuning.outcome?.('whole')
    // A sheet smaller than the first window: the whole-sheet dry run on the table already read.
    writer?.drop()
    const decided = await decideMapping(file, streamed.whole, options)
    if (!decided.ok) {
      io.stderr(`${renderMessage(cliT(io), sheetErrorMessage(decided.error))}\n`)
      return EXIT.usageOrInput
    }
    const plan = planWithNotes(streamed.whole.table, decided.mapping, decided.auto, options.now)
    return emitDryRun({ file, read: streamed.whole, mapping: decided.mapping, auto: decided.auto, plan: checkAgainstCatalog(plan, null).plan }, out, login, secret, io)
  }
  if (streamed.failed === null && writer && out) {
    try {
      await writer.finish()
      renameSync(`${out}.${process.pid}.partial`, out)
    } catch {
      streamed.failed = 'the output could not be written'
    }
  }
  tuning.outcome?.(streamed.failed)
  if (streamed.failed !== null) {
    writer?.drop()
    return whole()
  }
  return dryRunSummary(streamed.counts, valid, streamed.errors, streamed.errorIssues, out, io)
}
