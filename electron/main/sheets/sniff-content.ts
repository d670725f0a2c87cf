// What the bytes are, whatever the file is called: a zip container (xlsx, xlsm, ods), an OLE
// compound file (xls), a web page or XML sheet, text, or binary data. Known non-spreadsheet
// formats (PDF, images, archives) are refused here with their real name.
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { sheetReadError, why } from './sheet-error'
import { strictUtf8 } from './utf8'
import { isZipSignature } from './zip-directory'

export type ContentKind = 'zip' | 'cfb' | 'markup' | 'text' | 'binary'

export interface Sniffed {
  kind: ContentKind
  /** The bytes decoded by strictUtf8(), when telling text from binary data took that; reading
   * the text then need not decode them again. */
  utf8?: string
}

interface Magic {
  bytes: readonly number[]
  /** A second signature and where it starts, for formats whose first bytes are too common. */
  also?: { at: number; bytes: readonly number[] }
  what: string
  key: CatalogKey
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))

const OTHER_FORMATS: readonly Magic[] = [
  { bytes: ascii('%PDF'), what: 'a PDF document', key: 'sheet.kind.pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image', key: 'sheet.kind.png' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', key: 'sheet.kind.jpeg' },
  { bytes: ascii('GIF8'), what: 'a GIF image', key: 'sheet.kind.gif' },
  { bytes: ascii('RIFF'), also: { at: 8, bytes: ascii('WEBP') }, what: 'a WebP image', key: 'sheet.kind.webp' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image', key: 'sheet.kind.tiff' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image', key: 'sheet.kind.tiff' },
  { bytes: ascii('Rar!'), what: 'a RAR archive', key: 'sheet.kind.rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', key: 'sheet.kind.7zip' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive', key: 'sheet.kind.gzip' },
  { bytes: ascii('{\\rtf'), what: 'an RTF document', key: 'sheet.kind.rtf' },
  { bytes: ascii('SQLite format 3'), what: 'an SQLite database', key: 'sheet.kind.sqlite' }
]

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Share of control bytes (other than tab, line breaks, form feed, escape and Ctrl-Z) above which
 * the bytes are not text in any single-byte or UTF-8 encoding. */
const MAX_CONTROL_SHARE = 0.01
const MAX_NUL_SHARE = 0.001

export function sniffContent(bytes: Uint8Array, file: string): ContentKind {
  return sniffBytes(bytes, file).kind
}

// Control characters that text does not hold (what looksBinary counts). In valid UTF-8 they can
// only be single bytes, so UTF-8 text without one of them has no such byte at all.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0e-\x19\x1c-\x1f]/

/** `tryUtf8`: false when the text will be decoded some other way (an encoding the user chose). */
export function sniffBytes(bytes: Uint8Array, file: string, tryUtf8 = true): Sniffed {
  const known = sniffKnown(bytes, file)
  if (known !== null) return { kind: known }
  // UTF-8 text is decoded natively and searched by a compiled pattern, instead of counting
  // control bytes one by one; only text that is not UTF-8 or holds controls is counted.
  const utf8 = tryUtf8 ? strictUtf8(bytes) : null
  const clean = utf8 !== null && !CONTROL.test(utf8)
  if (!clean && looksBinary(bytes)) return { kind: 'binary' }
  const kind = looksLikeMarkup(bytes) ? 'markup' : 'text'
  return utf8 === null ? { kind } : { kind, utf8 }
}

/** What the signature or the byte order tells for certain, or null. */
function sniffKnown(bytes: Uint8Array, file: string): ContentKind | null {
  const other = OTHER_FORMATS.find((magic) => startsWith(bytes, magic.bytes, 0) && (!magic.also || startsWith(bytes, magic.also.bytes, magic.also.at)))
  if (other) {
    throw sheetReadError('unsupported', file, `the file is ${other.what}, not a spreadsheet. Choose the Excel workbook or CSV file that holds the orders.`, why('sheet.notSheet', { what: why(other.key) }))
  }
  if (isZipSignature(bytes)) return 'zip'
  if (startsWith(bytes, CFB_SIGNATURE, 0)) return 'cfb'
  if (hasUnicodeBom(bytes) || looksLikeUtf16(bytes) !== null) return 'text'
  return null
}

export function hasUnicodeBom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xef, 0xbb, 0xbf], 0) || startsWith(bytes, [0xff, 0xfe], 0) || startsWith(bytes, [0xfe, 0xff], 0)
}

/** UTF-16 text saved without a byte order mark: mostly ASCII, so one byte of every pair is zero. */
export function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1
  if (length < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = length / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0
  let nuls = 0
  const count = (b: number): void => {
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x1a || b === 0x1b) return
    controls++
    if (b === 0) nuls++
  }
  // Four bytes at a time where the buffer allows: a word with no byte below 0x20 (the usual
  // case in text) is passed over with one test.
  let i = 0
  if (bytes.byteOffset % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!
      if (((word - 0x20202020) & ~word & 0x80808080) === 0) continue
      const at = w * 4
      count(bytes[at]!)
      count(bytes[at + 1]!)
      count(bytes[at + 2]!)
      count(bytes[at + 3]!)
    }
    i = words.length * 4
  }
  for (; i < bytes.length; i++) count(bytes[i]!)
  return controls > bytes.length * MAX_CONTROL_SHARE || nuls > bytes.length * MAX_NUL_SHARE
}

/** An HTML table or an Excel 2003 XML sheet, which many web shops save with an .xls name. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).trimStart().toLowerCase()
  if (!head.startsWith('<')) return false
  return head.includes('<html') || head.includes('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet')
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at: number): boolean {
  if (bytes.length < at + signature.length) return false
  return signature.every((b, i) => bytes[at + i] === b)
}
