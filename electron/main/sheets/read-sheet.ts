// Public entry for reading an order sheet. readSheetFile parses in a worker thread under limits
// and never throws; parseSheetBytes is the same parse in-process (for the worker and benchmarks).
import { stat } from 'node:fs/promises'
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { fileSystemError, notAFile } from './file-errors'
import { baseName } from './file-name'
import { resolveLimits, type ReadLimits } from './limits'
import { tooLarge } from './parse-bytes'
import { runSheetWorker } from './run-worker'
import { isSheetReadError, sheetReadError, type SheetError, why } from './sheet-error'

export { DEFAULT_LIMITS, limitsForMaxFileMb, type ReadLimits } from './limits'
export { parseSheetBytes } from './parse-bytes'

export type ReadSheetOutcome = { ok: true; value: ReadResult } | { ok: false; error: SheetError }

/** The bytes as they can be moved to the sheet worker: a view of a whole, plain ArrayBuffer (not a
 * slice of a shared pool such as Node's small Buffers), else null (the worker reads the file). */
export function movableBytes(bytes: Uint8Array): Uint8Array | null {
  const { buffer } = bytes
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? bytes : null
}

export async function readSheetFile(
  path: string,
  options: SheetReadOptions & { limits?: Partial<ReadLimits>; signal?: AbortSignal; bytes?: Uint8Array } = {}
): Promise<ReadSheetOutcome> {
  const file = baseName(path)
  try {
    const { limits: partial, signal, bytes, ...readOptions } = options
    const checked = resolveLimits(partial)
    const size = await checkFile(path, file, checked)
    const limits = partial?.timeoutMs === undefined ? { ...checked, timeoutMs: timeoutFor(size, checked.timeoutMs) } : checked
    // `bytes`: the file's contents, which the caller hands over (moved to the worker when they can
    // be, and then no longer usable here); the worker reads the file otherwise.
    const moved = bytes === undefined ? null : movableBytes(bytes)
    const request = moved === null || moved.length !== size ? { path, file, options: cloneable(readOptions), limits } : { path, file, options: cloneable(readOptions), limits, bytes: moved }
    return await runSheetWorker(request, limits, signal)
  } catch (error) {
    if (isSheetReadError(error)) return { ok: false, error: error.error }
    return { ok: false, error: sheetReadError('unreadable', file, 'the file could not be read. Check the path and try again.', why('sheet.unreadablePath')).error }
  }
}

/** The time a read gets grows with the file, two seconds per MB on top of the default (a
 * 1,000,000-row workbook of 100 MB takes over a minute on a busy two-core machine): the limit is
 * there to stop a read that hangs, not one that is long because the file is. */
function timeoutFor(size: number, base: number): number {
  return Math.round(base + (size / (1024 * 1024)) * 2000)
}

/** The cheap checks, before a worker is started for nothing; gives the file's size. */
async function checkFile(path: string, file: string, limits: ReadLimits): Promise<number> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    throw fileSystemError(error, file)
  }
  if (info.isDirectory()) throw notAFile(file)
  if (!info.isFile()) throw sheetReadError('unreadable', file, 'this is not a regular file (it may be a device or a pipe). Choose a spreadsheet file saved on disk.', why('sheet.notRegular'))
  if (info.size === 0) throw sheetReadError('empty', file, 'the file is empty (0 bytes). Choose the file that holds the orders, or export it again.', why('sheet.zeroBytes'))
  if (info.size > limits.maxFileBytes) throw tooLarge(file, info.size, limits)
  return info.size
}

/** Only the plain fields cross into the worker (an options object may carry extra keys). */
function cloneable(options: SheetReadOptions): SheetReadOptions {
  const { sheet, encoding, delimiter, headerRow } = options
  return { sheet, encoding, delimiter, headerRow }
}
