// Limits for reading untrusted spreadsheets: sizes, rows, cells, time and memory. The sizes follow
// from one budget, the memory the reader may use (maxHeapMb), rather than from a fixed file size.
import { totalmem } from 'node:os'

export interface ReadLimits {
  /** Largest file accepted, in bytes, checked before reading it. */
  maxFileBytes: number
  /** Largest total unpacked size of a zip-based workbook (xlsx, xlsm, ods): a bound on time, as
   * parts read as a stream do not have to fit in memory. */
  maxUncompressedBytes: number
  /** Largest unpacked/packed ratio of one zip entry (entries under 1 MB unpacked are exempt). */
  maxCompressionRatio: number
  /** Most data rows a sheet may have. */
  maxRows: number
  /** Most cells the table may hold, counting every position of a row up to its last filled
   * column (rows are dense arrays): a very wide sheet costs its width on every row. */
  maxCells: number
  /** Wall-clock time the worker gets before it is stopped. */
  timeoutMs: number
  /** Heap limit of the worker (V8 old generation), in MB: the reader's memory budget. */
  maxHeapMb: number
}

const MB = 1024 * 1024

/** A file may take up to a quarter of the budget: its text alone can take twice its size
 * (UTF-16), and the cells as much again. */
export const FILE_SHARE_OF_BUDGET = 1 / 4
/** What one cell of the table costs, the reference to it and a short string or number with V8's
 * headers included (measured: about 45 bytes on a 20-column order sheet), with a margin. */
export const BYTES_PER_CELL = 64
/** SheetJS (ODS, XLS) holds a workbook's unpacked XML as strings and then an object per cell:
 * about eight times the unpacked size at its peak. */
export const SHEETJS_BYTES_PER_UNPACKED_BYTE = 8

/** Half the machine's memory, at least 1 GB and at most 4 GB (V8's own default ceiling). */
export function defaultHeapMb(): number {
  const half = Math.floor(totalmem() / MB / 2)
  return Math.max(1024, Math.min(4096, half))
}

/** The limits that follow from a memory budget of `heapMb`. */
export function limitsForHeap(heapMb: number): ReadLimits {
  return {
    maxFileBytes: Math.floor(heapMb * MB * FILE_SHARE_OF_BUDGET),
    maxUncompressedBytes: 16 * 1024 * MB,
    maxCompressionRatio: 100,
    maxRows: 2_000_000,
    maxCells: Math.floor((heapMb * MB) / BYTES_PER_CELL),
    timeoutMs: 120_000,
    maxHeapMb: heapMb
  }
}

export const DEFAULT_LIMITS: ReadLimits = limitsForHeap(defaultHeapMb())

/** The limits for a user who allows files of up to `mb` MB (`--max-file-size`, the app's
 * setting): the memory budget grows with the file when it has to, so the file really is read. */
export function limitsForMaxFileMb(mb: number): Partial<ReadLimits> {
  if (!Number.isFinite(mb) || mb <= 0) return {}
  const heapMb = Math.max(defaultHeapMb(), Math.ceil(mb / FILE_SHARE_OF_BUDGET))
  return { ...limitsForHeap(heapMb), maxFileBytes: Math.floor(mb * MB) }
}

/** Real workbooks compress small parts very well (styles, shared strings of a few words), so
 * the ratio check only applies to entries big enough to hurt. */
export const RATIO_GRACE_BYTES = MB

/** A real workbook has tens of parts, a few hundred with many sheets and pictures. */
export const MAX_ZIP_ENTRIES = 10_000

/** Rows allowed above the header (titles, notes) on top of maxRows, so a title block never
 * makes a sheet with exactly maxRows data rows fail. */
export const HEADER_MARGIN_ROWS = 100

/** Fills the gaps of a partial limits object; non-positive or non-numeric values fall back to the
 * default rather than disabling a limit. A budget given without the sizes brings its own sizes. */
export function resolveLimits(partial?: Partial<ReadLimits>): ReadLimits {
  if (!partial) return { ...DEFAULT_LIMITS }
  const heap = partial.maxHeapMb
  const limits = typeof heap === 'number' && Number.isFinite(heap) && heap > 0 ? limitsForHeap(heap) : { ...DEFAULT_LIMITS }
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const value = partial[key]
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value
  }
  return limits
}

/** Whole megabytes, for messages that format the number in the reader's language. */
export function megabyteCount(bytes: number): number {
  return Math.round(bytes / MB)
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB).toLocaleString('en-US')} MB`
}
