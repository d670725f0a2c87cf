// The results export, streamed from the journal to the file: a page of orders is read (one
// keyset-paged query, see journal/export-rows), turned into CSV text or sheet XML and written
// before the next page is read, so memory stays flat whatever the run's size.
//
// The content is the same as resultsTable + toCsv/toXlsx give (tests compare them): the original
// columns of every sheet row, then what became of its order; every cell text and formula-safe.
// XLSX cells are inline strings (no shared-string table to hold in memory), written into a zip
// stream (yazl) as they are made.
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { PassThrough, type Writable } from 'node:stream'
import { ZipFile } from 'yazl'
import type { Journal, OrderState, RunRecord } from '../journal'
import type { ExportTuple } from '../journal'
import { readRunInfo } from '../journal'
import { formulaSafe } from './formula-safe'
import type { Language } from '#shared/i18n/language'
import { storedText } from '#shared/i18n/message'
import { translatorFor, type Translate } from '#shared/i18n/translate'
import { cellText, resultColumns, stateLabel, type ExportFilter, type StepView } from './results-table'
import type { ExportFormat } from './write-results'

const ALL_STATES: readonly OrderState[] = ['pending', 'sending', 'succeeded', 'failed', 'unknown', 'skipped']
/** Orders per page: a few hundred kilobytes of text at a time. */
const PAGE = 2000

export interface ExportCounts {
  /** Sheet rows written (lines below the header). */
  rows: number
  orders: number
}

/** The export's lines a page at a time, every cell already text (not yet formula-safe). */
export interface ResultPages {
  headers: string[]
  /** Sheet rows the export will have. */
  rows: number
  pages: () => Generator<string[][], ExportCounts>
  /** The same lines as CSV text (csvLine), a page's lines at a time: made straight from the
   * stored cells, each order's result fields quoted once for all its rows. */
  csvPages: (delimiter: ',' | ';') => Generator<string, ExportCounts>
}

/** What the page walk hands over for each sheet row: its stored cells (parsed) and its order's
 * result cells (the same array for every row of an order). */
type AddLine = (cells: readonly unknown[], result: readonly string[]) => void

export function resultPages(journal: Journal, run: RunRecord, only?: ExportFilter, pageSize = PAGE, language: Language = 'en'): ResultPages {
  const states = only === undefined ? ALL_STATES : [only]
  const t = translatorFor(language)
  const extent = journal.exportExtent(run.id, states)
  const stored = readRunInfo(run).source?.headers
  const original = stored ?? Array.from({ length: extent.width }, (_, i) => `Column ${i + 1}`)
  const columns = Math.max(original.length, extent.width)
  const headers = [...original, ...Array.from({ length: columns - original.length }, (_, i) => `Column ${original.length + i + 1}`)]
  /** Reads the run a page at a time, calling `add` for each sheet row; yields after each page
   * that had rows (the caller takes what `add` gathered), returns the counts. */
  function* walk(add: AddLine): Generator<void, ExportCounts> {
    const words = wordsFor(t)
    const counts: ExportCounts = { rows: 0, orders: 0 }
    let after = 0
    for (;;) {
      const page = journal.exportTuplesPage(run.id, states, after, pageSize)
      if (page.length === 0) break
      let rows = 0
      let last = -1
      let counted = -1
      let result: string[] = []
      for (const entry of page) {
        const ordinal = entry[0]
        if (ordinal !== last) {
          last = ordinal
          result = resultCells(entry, words)
        }
        const row = entry[12]
        if (row === null) continue
        if (ordinal !== counted) {
          counted = ordinal
          counts.orders += 1
        }
        add(JSON.parse(row) as unknown[], result)
        rows++
      }
      after = last
      counts.rows += rows
      if (rows > 0) yield
    }
    return counts
  }
  function* pages(): Generator<string[][], ExportCounts> {
    let lines: string[][] = []
    const walker = walk((cells, result) => lines.push(lineOf(cells, columns, result)))
    for (;;) {
      const next = walker.next()
      if (next.done === true) return next.value
      yield lines
      lines = []
    }
  }
  function* csvPages(delimiter: ',' | ';'): Generator<string, ExportCounts> {
    const between = `"${delimiter}"`
    let chunk = ''
    let lastResult: readonly string[] | null = null
    let tail = ''
    const walker = walk((cells, result) => {
      if (result !== lastResult) {
        lastResult = result
        tail = ''
        for (let i = 0; i < result.length; i++) tail += (i === 0 && columns === 0 ? '' : between) + csvField(result[i]!)
        tail += '"\r\n'
      }
      let line = '"'
      for (let i = 0; i < columns; i++) line += (i === 0 ? '' : between) + (i < cells.length ? csvField(cellText(cells[i])) : '')
      chunk += line + tail
    })
    for (;;) {
      const next = walker.next()
      if (next.done === true) return next.value
      yield chunk
      chunk = ''
    }
  }
  return { headers: [...headers, ...resultColumns(language)], rows: extent.rows, pages, csvPages }
}

function lineOf(cells: readonly unknown[], columns: number, result: readonly string[]): string[] {
  const line = new Array<string>(columns + result.length)
  for (let i = 0; i < columns; i++) line[i] = i < cells.length ? cellText(cells[i]) : ''
  for (let i = 0; i < result.length; i++) line[columns + i] = result[i]!
  return line
}

/** Most notes recalled per export: a run's notes are mostly the same few texts. */
const NOTES_KEPT = 4096

/** The export's labels and notes in its language, each worded once per export (a translator call
 * per order was a tenth of a 500k-order CSV export's time). Pure functions of their inputs, so
 * recalling them changes no byte. */
interface Words {
  state: (entry: ExportTuple, step: StepView | null) => string
  note: (note: string) => string
}

function wordsFor(t: Translate): Words {
  const states = new Map<string, string>()
  const notes = new Map<string, string>()
  return {
    state(entry, step) {
      const [, state, existed, , , , , deletedCount] = entry
      const deleted = deletedCount > 0
      const key = step === null ? `${state}\u0000${existed}\u0000${deleted}` : `${state}\u0000${existed}\u0000${deleted}\u0000${step.status}\u0000${step.state}`
      let label = states.get(key)
      if (label === undefined) {
        label = stateLabel({ state, existed: existed === 1 }, deleted, step, t)
        if (states.size >= NOTES_KEPT) states.clear()
        states.set(key, label)
      }
      return label
    },
    note(note) {
      let text = notes.get(note)
      if (text === undefined) {
        text = storedText(t, note)
        if (notes.size >= NOTES_KEPT) notes.clear()
        notes.set(note, text)
      }
      return text
    }
  }
}

function resultCells(entry: ExportTuple, words: Words): string[] {
  const [ordinal, state, , billId, errorCode, errorText, skipReason, , afterNote, stepStatus, stepState, stepError] = entry
  const step = stepStatus === null || stepState === null ? null : { status: stepStatus, state: stepState, errorText: stepError }
  const stepProblem = state === 'succeeded' && step !== null && step.state !== 'done' ? (step.errorText ?? '') : ''
  const problem = (state === 'skipped' ? (skipReason ?? '') : state === 'succeeded' ? stepProblem : (errorText ?? '')) || (afterNote ?? '')
  // A note of ours is worded in the export's language; the shop's answers stay as they are.
  const problemText = problem === '' ? '' : words.note(problem)
  return [String(ordinal), words.state(entry, step), billId === null ? '' : String(billId), errorCode === null ? '' : String(errorCode), problemText]
}

// CSV

function csvField(text: string): string {
  const safe = formulaSafe(text)
  return safe.includes('"') ? safe.replace(/"/g, '""') : safe
}

/** One CSV line as toCsv writes it: every field quoted, CRLF; ',' between fields unless told ';'. */
export function csvLine(cells: readonly string[], delimiter: ',' | ';' = ','): string {
  const between = `"${delimiter}"`
  let line = '"'
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : between) + csvField(cells[i]!)
  return `${line}"\r\n`
}

// XLSX

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 cannot hold
const XML_SPECIAL = /[&<>"]|_x[0-9a-fA-F]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/
const XML_SPECIAL_ALL = new RegExp(XML_SPECIAL.source, 'g')

/** Text as XML character data. Characters XML cannot hold are written as Excel's _xHHHH_, and a
 * literal "_xHHHH_" in the text is protected as _x005F_xHHHH_ so it reads back unchanged. */
export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text
  return text.replace(XML_SPECIAL_ALL, (found) => {
    switch (found) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return '&quot;'
      default:
        return found.length > 1 ? `_x005F_${found.slice(1)}` : `_x${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`
    }
  })
}

export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function sheetRow(cells: readonly string[], r: number, columns: readonly string[]): string {
  let xml = `<row r="${r}">`
  for (let c = 0; c < cells.length; c++) {
    const text = xmlText(formulaSafe(cells[c]!))
    const space = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) ? ' xml:space="preserve"' : ''
    xml += `<c r="${columns[c]}${r}" t="inlineStr"><is><t${space}>${text}</t></is></c>`
  }
  return `${xml}</row>`
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const PACKAGE_PARTS: ReadonlyArray<[string, string]> = [
  [
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>'
  ],
  [
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  ],
  [
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Results" sheetId="1" r:id="rId1"/></sheets></workbook>`
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  ],
  [
    'xl/styles.xml',
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  ]
]

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain')
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end()
  await once(stream, 'close')
}

/** Waits for `done`, but fails as soon as the stream fails. */
function failOn(stream: NodeJS.EventEmitter): { promise: Promise<never>; off: () => void } {
  let off = (): void => {}
  const promise = new Promise<never>((_, reject) => {
    stream.once('error', reject)
    off = () => stream.off('error', reject)
  })
  return { promise, off }
}

async function writeCsv(out: WriteStream, source: ResultPages, delimiter: ',' | ';'): Promise<ExportCounts> {
  await write(out, `\uFEFF${csvLine(source.headers, delimiter)}`)
  const pages = source.csvPages(delimiter)
  for (;;) {
    const next = pages.next()
    if (next.done) return next.value
    await write(out, next.value)
  }
}

async function writeXlsx(out: WriteStream, source: ResultPages): Promise<ExportCounts> {
  const zip = new ZipFile()
  zip.outputStream.pipe(out)
  const sheet = new PassThrough()
  const date = new Date(Date.UTC(2020, 0, 1))
  for (const [name, text] of PACKAGE_PARTS.slice(0, 4)) zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: date })
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { mtime: date })
  zip.addBuffer(Buffer.from(PACKAGE_PARTS[4]![1], 'utf8'), PACKAGE_PARTS[4]![0], { mtime: date })
  zip.end()
  const columns = source.headers.map((_, c) => columnName(c))
  const last = `${columnName(Math.max(0, source.headers.length - 1))}${source.rows + 1}`
  await write(sheet, `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}"/><sheetData>${sheetRow(source.headers, 1, columns)}`)
  let r = 1
  const pages = source.pages()
  let counts: ExportCounts
  for (;;) {
    const next = pages.next()
    if (next.done) {
      counts = next.value
      break
    }
    let chunk = ''
    for (const line of next.value) chunk += sheetRow(line, ++r, columns)
    await write(sheet, chunk)
  }
  // Numbers kept as text are meant that way: Excel is told not to flag them.
  sheet.end(`</sheetData><ignoredErrors><ignoredError numberStoredAsText="1" sqref="A1:${last}"/></ignoredErrors></worksheet>`)
  return counts
}

/** Streams the run's results to `path` (created or truncated). Returns what was written. */
export async function streamResults(
  path: string,
  journal: Journal,
  run: RunRecord,
  format: ExportFormat,
  only?: ExportFilter,
  options: { delimiter?: ',' | ';' | undefined; language?: Language | undefined } = {}
): Promise<ExportCounts> {
  const source = resultPages(journal, run, only, PAGE, options.language ?? 'en')
  const out = createWriteStream(path)
  const failed = failOn(out)
  try {
    await Promise.race([once(out, 'open'), failed.promise])
    const counts = await Promise.race([format === 'csv' ? writeCsv(out, source, options.delimiter ?? ',') : writeXlsx(out, source), failed.promise])
    if (format === 'csv') await Promise.race([finish(out), failed.promise])
    else await Promise.race([once(out, 'close'), failed.promise])
    return counts
  } catch (error) {
    out.destroy()
    throw error
  } finally {
    failed.off()
  }
}
