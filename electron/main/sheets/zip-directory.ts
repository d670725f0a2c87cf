// A minimal reader of a zip's central directory: enough to learn the parts of a workbook and their
// declared sizes before any of it is unpacked. It reads headers only and never inflates.

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflate; anything else is unusual for a workbook. */
  method: number
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number
  compressedSize: number
  uncompressedSize: number
  /** Offset of the local file header. */
  localOffset: number
}

/** The bytes are not a readable zip (truncated, damaged, or not a zip at all). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError'
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const EOCD_SIZE = 22
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff

export function isZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
}

/** Reads the directory the way SheetJS will (the last end record in the file, its entry count,
 * its directory offset), so the parts checked are exactly the parts SheetJS later unpacks. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfDirectory(view)
  const countOnDisk = view.getUint16(eocd + 8, true)
  const count = view.getUint16(eocd + 10, true)
  const size = view.getUint32(eocd + 12, true)
  const offset = view.getUint32(eocd + 16, true)
  // Zip64 end records only appear past 65,535 parts or 4 GB, far beyond any limit here, and
  // SheetJS does not read them: refuse rather than check a directory SheetJS would not use.
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) throw new ZipFormatError('zip64 archive')
  if (countOnDisk !== count) throw new ZipFormatError('multi-part archive')
  if (offset + size > eocd) throw new ZipFormatError('central directory lies outside the file')
  return readCentralDirectory(view, offset, count, offset + size)
}

export interface LocalHeader {
  name: string
  method: number
  flags: number
  compressedSize: number
  uncompressedSize: number
  /** Where the packed bytes start. */
  dataStart: number
}

/** The local header of an entry. SheetJS trusts these rather than the central directory, so the
 * guard compares both. */
export function readLocalHeader(bytes: Uint8Array, entry: ZipEntry): LocalHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`local header of ${entry.name} is missing`)
  }
  const nameLength = view.getUint16(at + 26, true)
  const extraLength = view.getUint16(at + 28, true)
  const dataStart = at + 30 + nameLength + extraLength
  if (dataStart + entry.compressedSize > view.byteLength) throw new ZipFormatError(`${entry.name} is cut short`)
  return {
    name: new TextDecoder('utf-8').decode(bytes.subarray(at + 30, at + 30 + nameLength)),
    method: view.getUint16(at + 8, true),
    flags: view.getUint16(at + 6, true),
    compressedSize: view.getUint32(at + 18, true),
    uncompressedSize: view.getUint32(at + 22, true),
    dataStart
  }
}

function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 4; at >= 0; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue
    if (at + EOCD_SIZE > view.byteLength) throw new ZipFormatError('end of central directory is cut short')
    return at
  }
  throw new ZipFormatError('end of central directory not found')
}

function readCentralDirectory(view: DataView, start: number, count: number, end: number): ZipEntry[] {
  const entries: ZipEntry[] = []
  let at = start
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('central directory entry is damaged')
    }
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const nameStart = at + 46
    if (nameStart + nameLength + extraLength > end) throw new ZipFormatError('central directory entry is cut short')
    const entry: ZipEntry = {
      name: new TextDecoder('utf-8').decode(new Uint8Array(view.buffer, view.byteOffset + nameStart, nameLength)),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true)
    }
    applyZip64Extra(view, nameStart + nameLength, extraLength, entry)
    entries.push(entry)
    at = nameStart + nameLength + extraLength + commentLength
  }
  return entries
}

/** Zip64 moves sizes that do not fit 32 bits into extra field 0x0001, in a fixed order and only
 * for the fields whose 32-bit value is the 0xFFFFFFFF marker. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  let at = start
  while (at + 4 <= start + length) {
    const id = view.getUint16(at, true)
    const size = view.getUint16(at + 2, true)
    if (id === 0x0001) {
      let field = at + 4
      const take = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipFormatError('zip64 extra field is cut short')
        const value = safeNumber(view.getBigUint64(field, true))
        field += 8
        return value
      }
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = take()
      if (entry.compressedSize === U32_MAX) entry.compressedSize = take()
      if (entry.localOffset === U32_MAX) entry.localOffset = take()
      return
    }
    at += 4 + size
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 size is out of range')
  return Number(value)
}
