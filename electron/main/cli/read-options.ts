// The sheet and mapping options shared by preview, mapping and import.
import { resolve } from 'node:path'
import type { PrepareOptions } from '../pipeline/prepare-import'
import { limitsForMaxFileMb } from '../sheets/limits'
import { parseDelimiter, parsePositiveInteger } from './args'
import type { CliIo } from './io'
import { UsageError } from './usage-error'

export const READ_OPTION_SPECS = {
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  'group-by': { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'header-row': { type: 'string' },
  'max-file-size': { type: 'string' }
} as const

export interface ReadOptionValues {
  sheet?: string
  mapping?: string
  'group-by'?: string
  encoding?: string
  delimiter?: string
  'header-row'?: string
  'max-file-size'?: string
}

export function toPrepareOptions(values: ReadOptionValues, io: CliIo): PrepareOptions {
  const sheet = values.sheet !== undefined && /^\d+$/.test(values.sheet) ? Number(values.sheet) : values.sheet
  return {
    sheet,
    mappingPath: values.mapping === undefined ? undefined : resolve(io.cwd, values.mapping),
    groupBy: values['group-by'],
    encoding: values.encoding,
    delimiter: parseDelimiter(values.delimiter),
    headerRow: parsePositiveInteger(values['header-row'], '--header-row'),
    limits: maxFileLimits(values['max-file-size']),
    signal: io.signal
  }
}

/** `--max-file-size 500` (MB), or with a unit: 500MB, 1.5GB. */
function maxFileLimits(value: string | undefined): PrepareOptions['limits'] {
  if (value === undefined) return undefined
  const match = /^\s*(\d+(?:\.\d+)?)\s*(mb|m|gb|g)?\s*$/i.exec(value)
  const amount = match ? Number(match[1]) * (/^g/i.test(match[2] ?? '') ? 1024 : 1) : Number.NaN
  if (!Number.isFinite(amount) || amount <= 0) throw new UsageError(`--max-file-size must be a size in MB (such as 500) or GB (such as 2GB), not "${value}".`)
  return limitsForMaxFileMb(amount)
}

export const READ_OPTIONS_HELP = `  --sheet S          sheet name or 1-based number (workbooks)
  --mapping m.json   use a saved mapping instead of matching headers automatically
  --group-by COLUMN  rows with the same value in COLUMN form one order
  --encoding E       text encoding (utf-8, windows-1251, windows-1252, utf-16le, ...)
  --delimiter D      field delimiter: , ; | tab
  --header-row N     1-based row that holds the column headers
  --max-file-size N  largest file to read, in MB (or 2GB); the default is a quarter of the
                     memory the reader may use (half the computer's memory, at most 4 GB)`
