// The sheet and mapping options shared by preview, mapping and import.
import { resolve } from 'node:path'
import type { PrepareOptions } from '../pipeline/prepare-import'
import { parseDelimiter, parsePositiveInteger } from './args'
import type { CliIo } from './io'

export const READ_OPTION_SPECS = {
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  'group-by': { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'header-row': { type: 'string' }
} as const

export interface ReadOptionValues {
  sheet?: string
  mapping?: string
  'group-by'?: string
  encoding?: string
  delimiter?: string
  'header-row'?: string
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
    signal: io.signal
  }
}

export const READ_OPTIONS_HELP = `  --sheet S          sheet name or 1-based number (workbooks)
  --mapping m.json   use a saved mapping instead of matching headers automatically
  --group-by COLUMN  rows with the same value in COLUMN form one order
  --encoding E       text encoding (utf-8, windows-1251, windows-1252, utf-16le, ...)
  --delimiter D      field delimiter: , ; | tab
  --header-row N     1-based row that holds the column headers`
