// One part of a zip-based workbook, unpacked as a stream (fflate) with its output counted against
// the size the zip declares for it: the zip guard's check and the read are the same inflate, and
// no part has to be held whole. Text comes out decoded (UTF-8), a piece at a time.
import { Inflate } from 'fflate'
import { RATIO_GRACE_BYTES } from './limits'
import { sheetReadError, type SheetReadError, why } from './sheet-error'
import { readLocalHeader, ZipFormatError, type ZipEntry } from './zip-directory'

const STORED = 0
const DEFLATE = 8
/** Traditional, strong and central-directory encryption bits, as SheetJS checks them. */
export const ENCRYPTED_FLAGS = 0x2041
const DESCRIPTOR_FLAG = 0x0008
const ZIP64_MARKER = 0xffffffff
/** Packed bytes handed to the inflater at a time: its output for one push is at most this times
 * the ratio limit, so no single piece of text is huge. */
const INPUT_CHUNK = 64 * 1024
/** Bytes decoded to text at a time. A longer string would be made in V8's large-object space,
 * which only a full collection frees: hundreds of MB of sheet XML would pile up there as garbage
 * and push up the peak memory; strings this size die young and cheaply. */
const TEXT_CHUNK = 32 * 1024

/** Unpacks `entry`, handing each piece of output to `onData`. Throws a SheetReadError when the
 * part unpacks to more than it declares (a zip bomb), is damaged, or is packed in a way Excel
 * does not use. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string, onData: (piece: Uint8Array) => void): void {
  const start = dataStart(bytes, entry, file)
  const packed = bytes.subarray(start, start + entry.compressedSize)
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damagedZip(file)
    for (let at = 0; at < packed.length; at += INPUT_CHUNK * 16) onData(packed.subarray(at, at + INPUT_CHUNK * 16))
    return
  }
  if (entry.method !== DEFLATE) {
    throw sheetReadError('unsupported', file, `a part of the workbook (${entry.name}) uses a compression method Excel does not use. Open the file in Excel or LibreOffice, save it again as .xlsx and retry.`, why('sheet.compression', { part: entry.name }))
  }
  let total = 0
  let bomb = false
  const inflater = new Inflate((piece) => {
    total += piece.length
    if (total > entry.uncompressedSize) {
      bomb = true
      throw lyingPart(entry, file)
    }
    if (piece.length > 0) onData(piece)
  })
  try {
    for (let at = 0; at < packed.length; at += INPUT_CHUNK) {
      const end = Math.min(packed.length, at + INPUT_CHUNK)
      inflater.push(packed.subarray(at, end), end === packed.length)
    }
    if (packed.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (error) {
    if (bomb) throw lyingPart(entry, file)
    if ((error as { name?: string } | null)?.name === 'SheetReadError') throw error
    throw damagedZip(file)
  }
}

/** A part's whole text (for the small parts: content types, workbook, relationships). */
export function entryText(bytes: Uint8Array, entry: ZipEntry, file: string): string {
  const decoder = new TextDecoder('utf-8')
  let text = ''
  inflateEntry(bytes, entry, file, (piece) => {
    text += decoder.decode(piece, { stream: true })
  })
  return text + decoder.decode()
}

/** A part's text a piece at a time, for parts too big to hold (sheets, shared strings). */
export function streamEntryText(bytes: Uint8Array, entry: ZipEntry, file: string, onText: (text: string) => void): void {
  const decoder = new TextDecoder('utf-8')
  inflateEntry(bytes, entry, file, (piece) => {
    for (let at = 0; at < piece.length; at += TEXT_CHUNK) {
      const text = decoder.decode(piece.subarray(at, at + TEXT_CHUNK), { stream: true })
      if (text.length > 0) onText(text)
    }
  })
  const rest = decoder.decode()
  if (rest.length > 0) onText(rest)
}

/** A part that claims a small size and a huge ratio is refused before it is unpacked. */
export function isOverRatio(entry: ZipEntry, maxRatio: number): boolean {
  return entry.uncompressedSize > RATIO_GRACE_BYTES && entry.uncompressedSize > entry.compressedSize * maxRatio
}

function dataStart(bytes: Uint8Array, entry: ZipEntry, file: string): number {
  let local
  try {
    local = readLocalHeader(bytes, entry)
  } catch (error) {
    if (error instanceof ZipFormatError) throw damagedZip(file)
    throw error
  }
  if ((local.flags & ENCRYPTED_FLAGS) !== 0) {
    throw sheetReadError('unsupported', file, 'the file is an encrypted ZIP archive. Save an unencrypted copy of the workbook and try again.', why('sheet.encryptedZip'))
  }
  const sameSize = (a: number, b: number): boolean => a === b || a === ZIP64_MARKER
  const sizesAgree = (local.flags & DESCRIPTOR_FLAG) !== 0 || (sameSize(local.compressedSize, entry.compressedSize) && sameSize(local.uncompressedSize, entry.uncompressedSize))
  if (local.name !== entry.name || local.method !== entry.method || !sizesAgree) throw damagedZip(file)
  return local.dataStart
}

function lyingPart(entry: ZipEntry, file: string): SheetReadError {
  return sheetReadError('zip-bomb', file, `a part of the workbook (${entry.name}) unpacks to more than it declares, as in a "zip bomb", so it was not opened. If the file is genuine, open it in Excel, save it again as .xlsx and retry.`, why('sheet.zipBombSize', { part: entry.name }))
}

export function damagedZip(file: string): SheetReadError {
  if (file.toLowerCase().endsWith('.ods')) {
    return sheetReadError('malformed', file, 'the file is not a valid OpenDocument spreadsheet (it may be truncated or renamed). Re-save it from LibreOffice as .ods or .xlsx and try again.', why('sheet.badOds'))
  }
  return sheetReadError('malformed', file, 'the file is not a valid Excel workbook (it may be truncated or renamed). Re-save it from Excel as .xlsx and try again.', why('sheet.badXlsx'))
}
