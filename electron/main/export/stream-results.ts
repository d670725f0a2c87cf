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
import type { ExportRow } from '../journal'
import { readRunInfo } from '../journal'
import { formulaSafe } from './formula-safe'
import type { Language } from '#shared/i18n/language'
import { storedText } from '#shared/i18n/message'
import { translatorFor, type Translate } from '#shared/i18n/translate'
import { cellText, resultColumns, stateLabel, type ExportFilter } from './results-table'
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
}

export function resultPages(journal: Journal, run: RunRecord, only?: ExportFilter, pageSize = PAGE, language: Language = 'en'): ResultPages {
  const states = only === undefined ? ALL_STATES : [only]
  const t = translatorFor(language)
  const extent = journal.exportExtent(run.id, states)
  const stored = readRunInfo(run).source?.headers
  const original = stored ?? Array.from({ length: extent.width }, (_, i) => `Column ${i + 1}`)
  const columns = Math.max(original.length, extent.width)
  const headers = [...original, ...Array.from({ length: columns - original.length }, (_, i) => `Column ${original.length + i + 1}`)]
  function* pages(): Generator<string[][], ExportCounts> {
    const counts: ExportCounts = { rows: 0, orders: 0 }
    let after = 0
    for (;;) {
      const page = journal.exportRowsPage(run.id, states, after, pageSize)
      if (page.length === 0) break
      const lines: string[][] = []
      let last = -1
      let counted = -1
      let result: string[] = []
      for (const entry of page) {
        if (entry.ordinal !== last) {
          last = entry.ordinal
          result = resultCells(entry, t)
        }
        if (entry.row === null) continue
        if (entry.ordinal !== counted) {
          counted = entry.ordinal
          counts.orders += 1
        }
        lines.push(lineOf(JSON.parse(entry.row) as unknown[], columns, result))
      }
      after = last
      counts.rows += lines.length
      if (lines.length > 0) yield lines
    }
    return counts
  }
  return { headers: [...headers, ...resultColumns(language)], rows: extent.rows, pages }
}

function lineOf(cells: readonly unknown[], columns: number, result: readonly string[]): string[] {
  const line = new Array<string>(columns + result.length)
  for (let i = 0; i < columns; i++) line[i] = i < cells.length ? cellText(cells[i]) : ''
  for (let i = 0; i < result.length; i++) line[columns + i] = result[i]!
  return line
}

function resultCells(entry: ExportRow, t: Translate): string[] {
  const order = { state: entry.state, existed: entry.existed === 1 }
  const step = entry.stepStatus === null || entry.stepState === null ? null : { status: entry.stepStatus, state: entry.stepState, errorText: entry.stepError }
  const stepProblem = entry.state === 'succeeded' && step !== null && step.state !== 'done' ? (step.errorText ?? '') : ''
  const problem = (entry.state === 'skipped' ? (entry.skipReason ?? '') : entry.state === 'succeeded' ? stepProblem : (entry.errorText ?? '')) || (entry.afterNote ?? '')
  // A note of ours is worded in the export's language; the shop's answers stay as they are.
  const problemText = problem === '' ? '' : storedText(t, problem)
  return [
    String(entry.ordinal),
    stateLabel(order, entry.deleted > 0, step, t),
    entry.billId === null ? '' : String(entry.billId),
    entry.errorCode === null ? '' : String(entry.errorCode),
    problemText
  ]
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
  const pages = source.pages()
  for (;;) {
    const next = pages.next()
    if (next.done) return next.value
    let chunk = ''
    for (const line of next.value) chunk += csvLine(line, delimiter)
    await write(out, chunk)
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
