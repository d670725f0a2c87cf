// Hard limits for reading untrusted spreadsheets: sizes, rows, time and memory.

export interface ReadLimits {
  /** Largest file accepted, in bytes, checked before reading it. */
  maxFileBytes: number
  /** Largest total unpacked size of a zip-based workbook (xlsx, xlsm, ods). */
  maxUncompressedBytes: number
  /** Largest unpacked/packed ratio of one zip entry (entries under 1 MB unpacked are exempt). */
  maxCompressionRatio: number
  /** Most data rows a sheet may have. */
  maxRows: number
  /** Wall-clock time the worker gets before it is stopped. */
  timeoutMs: number
  /** Heap limit of the worker (V8 old generation), in MB. */
  maxHeapMb: number
}

const MB = 1024 * 1024

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 200 * MB,
  maxUncompressedBytes: 1024 * MB,
  maxCompressionRatio: 100,
  maxRows: 2_000_000,
  timeoutMs: 120_000,
  maxHeapMb: 4096
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
 * default rather than disabling a limit. */
export function resolveLimits(partial?: Partial<ReadLimits>): ReadLimits {
  const limits = { ...DEFAULT_LIMITS }
  if (!partial) return limits
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const value = partial[key]
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value
  }
  return limits
}
