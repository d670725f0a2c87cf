// Wording shared by every issue of the import plan, so all messages read the same way:
// `Row 14, column "Email": "maria.ivanova@" is not a valid e-mail address (bill_email). <what to do>`
import { fieldSpec } from '../mapping/catalog'

const MAX_SHOWN_VALUE = 60
const MAX_SHOWN_HEADERS = 40

/** How a column is named in messages: its header, or its position when the header is blank. */
export function columnName(headers: readonly string[], index: number): string {
  const header = (headers[index] ?? '').trim()
  return header === '' ? `column ${index + 1} (no header)` : `column "${header}"`
}

/** "Row 14, column "Email"" — the place a problem is, as the user sees it in the sheet. */
export function place(row: number, column: string | null): string {
  return column === null ? `Row ${row}` : `Row ${row}, ${column}`
}

/** A cell value quoted for a message; long values are cut so one message stays one line. */
export function quote(value: string): string {
  const short = value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value
  return JSON.stringify(short)
}

/** The catalog key ('good_sum') behind an API key ('goods[2][good_sum]'). */
function catalogKey(apiKey: string): string {
  const good = /^goods\[\d+\]\[(good_name|good_sum)\]$/.exec(apiKey)
  return good?.[1] ?? apiKey
}

export function fieldLabel(apiKey: string): string {
  return fieldSpec(catalogKey(apiKey))?.label ?? apiKey
}

/** "Email (bill_email)": a field named for someone who may not know the API key. */
export function fieldName(apiKey: string): string {
  const label = fieldLabel(apiKey)
  return label === apiKey ? apiKey : `${label} (${apiKey})`
}

const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** "(bill_email)" when the header already says what the field is, else "(E-mail, bill_email)". */
export function fieldRef(apiKey: string, columnHeader: string | null): string {
  const label = fieldLabel(apiKey)
  const same = columnHeader !== null && squeeze(columnHeader) === squeeze(label)
  return same || label === apiKey ? `(${apiKey})` : `(${label}, ${apiKey})`
}

const NEEDED_PHRASES: Partial<Record<string, string>> = {
  bill_email: "the customer's e-mail",
  bill_first_name: "the customer's first name",
  bill_surname: "the customer's surname",
  bill_country: 'the delivery country',
  bill_city: 'the delivery city',
  bill_address: 'the delivery address',
  good_name: 'the product ID'
}

/** A required field in words: "the customer's e-mail". */
export function neededPhrase(catalogKey: string): string {
  return NEEDED_PHRASES[catalogKey] ?? `the ${fieldLabel(catalogKey)}`
}

export function listHeaders(headers: readonly string[]): string {
  const named = headers.map((h) => h.trim()).filter((h) => h !== '')
  if (named.length === 0) return 'none (the header row is empty)'
  const shown = named.slice(0, MAX_SHOWN_HEADERS).map((h) => `"${h}"`).join(', ')
  return named.length > MAX_SHOWN_HEADERS ? `${shown} and ${named.length - MAX_SHOWN_HEADERS} more` : shown
}

export function rowList(rows: readonly number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`
}

/** Strip the final full stop of a sentence so it can be continued. */
export function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '')
}

/** A UNIX time in words, to show how an ambiguous date was understood. */
export function readAs(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}
