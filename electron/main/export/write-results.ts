// Writes a results table as CSV (UTF-8 with BOM, so Excel shows Cyrillic right) or XLSX (every
// cell a string cell, so nothing is evaluated). Both pass every cell through formulaSafe.
// The CLI and the app export through stream-results.ts (page by page from the journal); these
// whole-table writers stay as the reference its tests compare against.
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import * as XLSX from 'xlsx'
import { formulaSafe } from './formula-safe'
import type { ResultsTable } from './results-table'

export type ExportFormat = 'csv' | 'xlsx'

export function exportFormatOf(path: string): ExportFormat | null {
  const ext = extname(path).toLowerCase()
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null
}

/** Every field quoted: Excel set to split on ";" (Russian and most European locales) then still
 * keeps "a;=1+1" in one cell. Lines end with CRLF as RFC 4180 says. */
export function toCsv(table: ResultsTable, delimiter: ',' | ';' = ','): string {
  const line = (cells: readonly string[]) => cells.map((cell) => `"${formulaSafe(cell).replace(/"/g, '""')}"`).join(delimiter)
  return `\uFEFF${[table.headers, ...table.rows].map(line).join('\r\n')}\r\n`
}

export function toXlsx(table: ResultsTable): Uint8Array {
  const sheet: XLSX.WorkSheet = {}
  const all = [table.headers, ...table.rows]
  let width = 0
  all.forEach((cells, r) => {
    width = Math.max(width, cells.length)
    cells.forEach((text, c) => {
      sheet[XLSX.utils.encode_cell({ r, c })] = { t: 's', v: formulaSafe(text) }
    })
  })
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, all.length - 1), c: Math.max(0, width - 1) } })
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Results')
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}

export async function writeResults(path: string, table: ResultsTable, format: ExportFormat, delimiter: ',' | ';' = ','): Promise<void> {
  await writeFile(path, format === 'csv' ? toCsv(table, delimiter) : toXlsx(table))
}
