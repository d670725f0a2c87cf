// Reads a file whole, refusing it before reading when it is over the size limit and never trusting
// the size seen earlier (the file can grow between the check and the read).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { fileSystemError, notAFile } from './file-errors'
import type { ReadLimits } from './limits'
import { tooLarge } from './parse-bytes'
import { isSheetReadError } from './sheet-error'

export function readFileBytes(path: string, file: string, limits: ReadLimits): Uint8Array {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw fileSystemError(error, file)
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw notAFile(file)
    if (stat.size > limits.maxFileBytes) throw tooLarge(file, stat.size, limits)
    const bytes = new Uint8Array(stat.size)
    let filled = 0
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null)
      if (read === 0) break
      filled += read
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled)
  } catch (error) {
    if (isSheetReadError(error)) throw error
    throw fileSystemError(error, file)
  } finally {
    closeSync(fd)
  }
}
