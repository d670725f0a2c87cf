// The parts of an Excel workbook read before its sheet: where the sheets are (content types,
// workbook, relationships), their names and hidden state, the date system, the number formats of
// the styles and the shared strings. Fed by the streaming inflate, so even a shared-strings part
// of hundreds of MB is never held as one string: the shared strings (a string or more per row)
// through the sheet's tokenizer (xml-scanner.ts), the small parts through saxes.
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import * as XLSX from 'xlsx'
import { megabyteCount, megabytes, type ReadLimits } from './limits'
import { sheetReadError, type SheetReadError, why } from './sheet-error'
import type { ZipEntry } from './zip-directory'
import { XmlScanner } from './xml-scanner'
import { streamEntryText } from './zip-stream'

export interface XlsxSheetInfo {
  name: string
  hidden: boolean
  /** The part holding its cells; undefined for a chart sheet or a sheet whose part is missing. */
  entry: ZipEntry | undefined
}

export interface XlsxBook {
  sheets: XlsxSheetInfo[]
  date1904: boolean
  sharedStrings: ZipEntry | undefined
  styles: ZipEntry | undefined
}

export interface XmlHandlers {
  open: (name: string, attributes: Record<string, string>) => void
  text?: (text: string) => void
  close?: (name: string) => void
}

/** Streams one part through saxes. Element names come without their namespace prefix (some
 * writers use `x:c`). A part that is not well-formed XML is a damaged workbook. */
export function parsePart(bytes: Uint8Array, entry: ZipEntry, file: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false })
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>))
  const text = handlers.text
  if (text) {
    parser.on('text', text)
    parser.on('cdata', text)
  }
  const close = handlers.close
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)))
  try {
    streamEntryText(bytes, entry, file, (piece) => parser.write(piece))
    parser.close()
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'SheetReadError') throw error
    throw damagedPart(file, entry.name)
  }
}

/** Streams one part through `scanner` (see xml-scanner.ts: the sheet's own tokenizer). A part that
 * is not well-formed XML is a damaged workbook, as with parsePart. */
export function scanPart(bytes: Uint8Array, entry: ZipEntry, file: string, scanner: XmlScanner): void {
  try {
    streamEntryText(bytes, entry, file, (piece) => scanner.write(piece))
    scanner.end()
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'SheetReadError') throw error
    throw damagedPart(file, entry.name)
  }
}

export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** Finds the workbook part, its sheets (in workbook order) and the parts they need. */
export function readBook(bytes: Uint8Array, entries: readonly ZipEntry[], contentTypes: string | undefined, file: string): XlsxBook {
  const byName = entryIndex(entries)
  const types = contentTypes === undefined ? [] : overrides(contentTypes)
  const workbookPath = types.find((t) => /\.(sheet|template)\.main\+xml|macroEnabled\.main\+xml/.test(t.type))?.part ?? 'xl/workbook.xml'
  const workbook = byName(workbookPath)
  if (!workbook) throw damagedPart(file, workbookPath)
  const relations = readRelations(bytes, byName(relsPathOf(workbookPath)), file)
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1)
  const sheets: XlsxSheetInfo[] = []
  let date1904 = false
  parsePart(bytes, workbook, file, {
    open: (name, attributes) => {
      if (name === 'workbookPr') date1904 = xmlBool(attributes.date1904)
      if (name !== 'sheet') return
      const id = relationId(attributes)
      const relation = id === undefined ? undefined : relations.get(id)
      const state = attributes.state
      const target = relation ? resolveTarget(folder, relation.target) : `${folder}worksheets/sheet${sheets.length + 1}.xml`
      const isWorksheet = !relation || relation.type.endsWith('/worksheet')
      sheets.push({ name: attributes.name ?? `Sheet${sheets.length + 1}`, hidden: state === 'hidden' || state === 'veryHidden', entry: isWorksheet ? byName(target) : undefined })
    }
  })
  const typed = (pattern: RegExp): ZipEntry | undefined => {
    const part = types.find((t) => pattern.test(t.type))?.part
    return part === undefined ? undefined : byName(part)
  }
  const related = (suffix: string): ZipEntry | undefined => {
    for (const relation of relations.values()) if (relation.type.endsWith(suffix)) return byName(resolveTarget(folder, relation.target))
    return undefined
  }
  return {
    sheets,
    date1904,
    sharedStrings: typed(/spreadsheetml\.sharedStrings\+xml/) ?? related('/sharedStrings'),
    styles: typed(/spreadsheetml\.styles\+xml/) ?? related('/styles')
  }
}

/** The number format of each cell style (index = the `s` of a cell), as format codes. */
export function readStyles(bytes: Uint8Array, entry: ZipEntry | undefined, file: string): (string | undefined)[] {
  if (!entry) return []
  const builtIn = XLSX.SSF.get_table() as Record<number, string>
  const custom = new Map<number, string>()
  const ids: number[] = []
  let inCellXfs = false
  parsePart(bytes, entry, file, {
    open: (name, attributes) => {
      if (name === 'numFmt') {
        const id = Number.parseInt(attributes.numFmtId ?? '', 10)
        if (Number.isFinite(id) && attributes.formatCode !== undefined) custom.set(id, attributes.formatCode)
      } else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) {
        const id = Number.parseInt(attributes.numFmtId ?? '0', 10)
        ids.push(Number.isFinite(id) ? id : 0)
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false
    }
  })
  return ids.map((id) => custom.get(id) ?? builtIn[id])
}

/** SheetJS's reading of rich text: the first <t> when the string starts with one, else every
 * <t> of its runs; phonetic runs (<rPh>) never count. Builds the same text for an inline string. */
export class RichTextCollector {
  private depth = 0
  private inPhonetic = false
  private inText = false
  private sawElement = false
  private plain = false
  private done = false
  text = ''

  reset(): void {
    this.depth = 0
    this.inPhonetic = false
    this.inText = false
    this.sawElement = false
    this.plain = false
    this.done = false
    this.text = ''
  }

  open(name: string): void {
    this.depth++
    if (!this.sawElement) {
      this.sawElement = true
      this.plain = name === 't'
    }
    if (name === 'rPh') this.inPhonetic = true
    else if (name === 't' && !this.inPhonetic && !this.done) this.inText = true
  }

  onText(text: string): void {
    if (this.inText) this.text += text
  }

  close(name: string): void {
    this.depth--
    if (name === 'rPh') this.inPhonetic = false
    else if (name === 't' && this.inText) {
      this.inText = false
      if (this.plain) this.done = true
    }
  }

  value(): string {
    return excelText(this.text)
  }
}

/** Excel writes characters XML cannot hold as _xHHHH_; SheetJS also makes CR LF one LF. */
export function excelText(text: string): string {
  let out = text.includes('_x') ? text.replace(/_x([\da-fA-F]{4})_/g, (_m, code: string) => String.fromCharCode(Number.parseInt(code, 16))) : text
  if (out.includes('\r\n')) out = out.replace(/\r\n/g, '\n')
  return out
}

/** The shared strings, each as the text a cell shows. Their declared size has to fit the memory
 * budget (the strings are held for the whole read); checked before a byte is unpacked. */
export function readSharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, file: string, limits: ReadLimits): string[] {
  if (!entry) return []
  // UTF-16 in memory, and each string's own header: about three bytes per byte of XML at worst.
  if (entry.uncompressedSize * 3 > limits.maxHeapMb * 1024 * 1024 * 0.5) {
    throw sheetReadError('out-of-memory', file, `the workbook's text (${entry.name}, ${megabytes(entry.uncompressedSize)} unpacked) is too large for memory: it needs more than the ${limits.maxHeapMb.toLocaleString('en-US')} MB this app may use. Split the sheet into smaller files, or raise the limit on file size.`, why('sheet.textTooLarge', { part: entry.name, size: megabyteCount(entry.uncompressedSize), heap: limits.maxHeapMb }))
  }
  const strings: string[] = []
  const rich = new RichTextCollector()
  let inItem = false
  // Each text is a slice of the piece of XML it came from and would keep all of it alive: every
  // COPY_EVERY texts are copied, so only that many pieces of XML are held at a time.
  let pending: string[] = []
  const copyPending = (): void => {
    const copied = structuredClone(pending)
    for (let i = 0; i < copied.length; i++) strings.push(copied[i]!)
    pending = []
  }
  const scanner: XmlScanner = new XmlScanner({
    open: (name) => {
      if (name === 'si') {
        inItem = true
        scanner.wantText = true
        rich.reset()
      } else if (inItem) rich.open(name)
    },
    text: (text) => {
      if (inItem) rich.onText(text)
    },
    close: (name) => {
      if (name === 'si') {
        inItem = false
        scanner.wantText = false
        pending.push(rich.value())
        if (pending.length === COPY_EVERY) copyPending()
      } else if (inItem) rich.close(name)
    }
  })
  scanPart(bytes, entry, file, scanner)
  copyPending()
  return strings
}

const COPY_EVERY = 8192

export function xmlBool(value: string | undefined): boolean {
  return value === '1' || value === 'true'
}

function relationId(attributes: Record<string, string>): string | undefined {
  for (const key of Object.keys(attributes)) if (key !== 'id' && localName(key) === 'id') return attributes[key]
  return attributes.id
}

function readRelations(bytes: Uint8Array, entry: ZipEntry | undefined, file: string): Map<string, { type: string; target: string }> {
  const relations = new Map<string, { type: string; target: string }>()
  if (!entry) return relations
  parsePart(bytes, entry, file, {
    open: (name, attributes) => {
      if (name === 'Relationship' && attributes.Id !== undefined && attributes.Target !== undefined && attributes.TargetMode !== 'External') {
        relations.set(attributes.Id, { type: attributes.Type ?? '', target: attributes.Target })
      }
    }
  })
  return relations
}

function overrides(contentTypes: string): { part: string; type: string }[] {
  const found: { part: string; type: string }[] = []
  const parser = new SaxesParser({ xmlns: false, position: false })
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attributes = tag.attributes as Record<string, string>
    if (localName(tag.name) === 'Override' && attributes.PartName && attributes.ContentType) {
      found.push({ part: attributes.PartName.replace(/^\//, ''), type: attributes.ContentType })
    }
  })
  try {
    parser.write(contentTypes).close()
  } catch {
    return found
  }
  return found
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** A relationship target, relative to the workbook's folder unless it starts with "/". */
function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target
  const parts: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.' && segment !== '') parts.push(segment)
  }
  return parts.join('/')
}

/** Zip names are matched exactly, then ignoring case (as SheetJS does). */
function entryIndex(entries: readonly ZipEntry[]): (name: string) => ZipEntry | undefined {
  const exact = new Map<string, ZipEntry>()
  const loose = new Map<string, ZipEntry>()
  for (const entry of entries) {
    exact.set(entry.name, entry)
    if (!loose.has(entry.name.toLowerCase())) loose.set(entry.name.toLowerCase(), entry)
  }
  return (name) => exact.get(name) ?? loose.get(name.toLowerCase())
}

export function damagedPart(file: string, part: string): SheetReadError {
  return sheetReadError('malformed', file, `the file is not a valid Excel workbook: its part ${part} is missing or damaged. Re-save it from Excel as .xlsx and try again.`, why('sheet.partMissing', { part }))
}
