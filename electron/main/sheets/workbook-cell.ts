// One SheetJS cell to one Cell, keeping its raw type: the transforms, not the library, decide what
// a number or a date means. Numbers shown through a format (money, 000000 zips, dates) keep the
// format and the text Excel shows, so "012345" and "02.11.2026" are never lost.
import * as XLSX from 'xlsx'
import type { Cell, FormattedNumber } from '#shared/sheet/sheet'

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1)
const DAY_MS = 86_400_000

export function toCell(cell: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!cell) return null
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '')
    case 'b':
      return Boolean(cell.v)
    case 'n':
      return typeof cell.v === 'number' ? numberCell(cell.v, formatOf(cell), cell.w, date1904) : null
    case 'd':
      return cell.v instanceof Date ? dateCell(cell.v, formatOf(cell), date1904) : null
    default:
      // 'e' (#N/A, #DIV/0!...) and 'z' (empty, styled) carry no value.
      return null
  }
}

function formatOf(cell: XLSX.CellObject): string | undefined {
  const z = cell.z
  if (typeof z === 'number') return XLSX.SSF.get_table()[z]
  return z
}

function numberCell(v: number, z: string | undefined, w: string | undefined, date1904: boolean): Cell {
  if (z === undefined || z === 'General' || z === '') return v
  const formatted: FormattedNumber = { v, z, w: w ?? formatSafely(z, v, date1904) }
  if (isDateFormat(z)) formatted.date = true
  return formatted
}

/** Only formats SheetJS resolved to a Date (some ODS cells); stored as a serial like the rest. */
function dateCell(date: Date, z: string | undefined, date1904: boolean): FormattedNumber {
  const epoch = date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_EPOCH_MS
  const v = (date.getTime() - epoch) / DAY_MS
  const format = z ?? (Number.isInteger(v) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss')
  return { v, z: format, w: formatSafely(format, v, date1904), date: true }
}

export function isDateFormat(z: string): boolean {
  try {
    return XLSX.SSF.is_date(z)
  } catch {
    return false
  }
}

/** SheetJS cannot render some real Excel formats (a "." right after "hh", as in the Russian
 * "dd.mm.yyyy hh:mm"); escaping the dots usually fixes that, and plain text is the last resort. */
export function formatSafely(z: string, v: number, date1904: boolean): string {
  for (const format of [z, z.replace(/(?<!\\)\./g, '\\.')]) {
    try {
      return XLSX.SSF.format(format, v, { date1904 })
    } catch {
      // try the next spelling
    }
  }
  return String(v)
}
