// Which file the app was asked to open on its command line: a second start, or "Open with
// Orderbatch" on Windows and Linux, passes the file's path as an argument.
import { existsSync } from 'node:fs'
import { extname } from 'node:path'

/** The files Orderbatch reads; the menu's Open dialog offers them, and argv is searched for them. */
export const SHEET_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'xls', 'ods']

/** The first existing sheet file among the arguments (argv[0], the program, and options skipped). */
export function sheetInArgs(argv: readonly string[], exists: (path: string) => boolean = existsSync): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue
    if (SHEET_EXTENSIONS.includes(extname(arg).slice(1).toLowerCase()) && exists(arg)) return arg
  }
  return null
}
