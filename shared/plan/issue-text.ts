// The words of an issue in one language: its catalog key filled with its parameters. Both front
// ends (the renderer with its t, the CLI with cliT) and the engine's English `message` word
// issues here, so they say the same thing. The parts every issue shares are made from
// parameters of fixed names:
//   place  from row (and col + header for its column; rows, more, orderNo, orderKey for an
//          order of several rows): 'Row 14, column "Email"', 'Order "A-17" (rows 3, 5)'
//   ref    from field (+ header): '(bill_email)', '(E-mail, bill_email)'
//   label  from field: 'E-mail'
//   which  from column + occurrence: 'the 2nd column "Email"'
//   what   from what (+ field, good): 'E-mail (bill_email)', 'the quantity of good 2'
//   needed from need: "the customer's e-mail"
//   headers from headers + moreHeaders: '"A", "B" and 3 more'
//   problem, fix from problem (a value rule's failure) and the code
//   readAs from readAs: ' (read as 2024-03-15 14:30 UTC)'
//   reason from reasonCode and its parameters (why a cell or constant cannot be read), else reason
//   priceColumn from priceCol + priceHeader
//   sheetRowsText from sheetRows ('4,5,6'): 'rows 4-6'
import { isCatalogKey, type CatalogKey } from '../i18n/catalog/index'
import { translatorFor, type Translate } from '../i18n/translate'
import type { Issue, IssueParams } from './issue'
import { clause, quote } from './import-plan-messages'
import { guessText, translateNote } from '../presets/notes'
import { reasonText } from '../transforms/reason'
import type { Failure } from '../transforms/result'

type Vars = Record<string, string | number>

function say(t: Translate, key: string, vars?: Vars): string {
  return t(key as CatalogKey, vars)
}

function str(value: string | number | undefined): string {
  return value === undefined ? '' : String(value)
}

/** 'column "Email"', or 'column 3 (no header)' for a blank header. */
function columnText(header: string | number | undefined, col: string | number | undefined, t: Translate): string {
  const named = str(header).trim()
  return named === '' ? say(t, 'issue.column.blank', { n: str(col) }) : say(t, 'issue.column', { header: named })
}

function placeText(p: IssueParams, t: Translate): string {
  const column = p.col === undefined ? null : columnText(p.header, p.col, t)
  let place: string
  if (p.rows !== undefined) {
    const order = p.orderKey !== undefined ? str(p.orderKey) : str(p.orderNo)
    const more = Number(p.more ?? 0)
    place = more > 0 ? say(t, 'issue.at.orderMore', { order, rows: str(p.rows), more }) : say(t, 'issue.at.order', { order, rows: str(p.rows) })
  } else place = say(t, 'issue.at.row', { row: str(p.row) })
  return column === null ? place : say(t, 'issue.at.withColumn', { place, column })
}

/** The catalog key ('good_sum') behind an API key ('goods[2][good_sum]'). */
function catalogKeyOf(apiKey: string): string {
  const good = /^goods\[\d+\]\[(good_name|good_sum)\]$/.exec(apiKey)
  return good?.[1] ?? apiKey
}

/** A field's name for people ('E-mail'), or its API key when it has none. */
export function fieldLabelText(apiKey: string, t: Translate): string {
  const key = `field.${catalogKeyOf(apiKey)}`
  return isCatalogKey(key) ? say(t, key) : apiKey
}

const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** "(bill_email)" when the header already says what the field is, else "(E-mail, bill_email)". */
function refText(field: string, header: string, t: Translate): string {
  const label = fieldLabelText(field, t)
  const same = header !== '' && squeeze(header) === squeeze(label)
  return same || label === field ? say(t, 'issue.ref', { field }) : say(t, 'issue.ref.labelled', { label, field })
}

function whatText(p: IssueParams, t: Translate): string {
  const field = str(p.field)
  const label = field === '' ? '' : fieldLabelText(field, t)
  const named = label === field ? field : say(t, 'issue.what.field', { label, field })
  switch (p.what) {
    case 'time':
      return say(t, 'issue.what.time', { what: named })
    case 'zone':
      return say(t, 'issue.what.zone', { what: named })
    case 'quantity':
      return say(t, 'issue.what.quantity', { good: str(p.good) })
    case 'groupBy':
      return say(t, 'issue.what.groupBy')
    case 'status':
      return say(t, 'issue.what.status')
    case 'paidAt':
      return say(t, 'issue.what.paidAt')
    default:
      return named
  }
}

/** A required field in words: "the customer's e-mail". */
function neededText(need: string, t: Translate): string {
  const own = `issue.needed.${need}`
  return isCatalogKey(own) ? say(t, own) : say(t, 'issue.needed.other', { label: fieldLabelText(need, t) })
}

function headersText(p: IssueParams, t: Translate): string {
  const list = str(p.headers)
  if (list === '') return say(t, 'issue.headers.none')
  const more = Number(p.moreHeaders ?? 0)
  return more > 0 ? say(t, 'issue.headers.more', { list, more }) : list
}

/** "row 4", "rows 4-6", "rows 4, 9" from '4,9'. */
function sheetRowsText(list: string, t: Translate): string {
  const rows = list === '' ? [] : list.split(',').map(Number)
  if (rows.length === 0) return say(t, 'cli.sheetRows.none')
  if (rows.length === 1) return say(t, 'cli.sheetRows.one', { row: rows[0] })
  const contiguous = rows.every((row, i) => i === 0 || row === (rows[i - 1] ?? 0) + 1)
  return contiguous ? say(t, 'cli.sheetRows.range', { first: rows[0], last: rows[rows.length - 1] }) : say(t, 'cli.sheetRows.list', { rows: rows.join(', ') })
}

const ORDINALS = new Intl.PluralRules('en', { type: 'ordinal' })

/** '2nd' (the catalog says how in each language; English picks the form). */
function nthText(n: number, t: Translate): string {
  return say(t, `issue.nth.${ORDINALS.select(n)}`, { n })
}

/** The issue in the language of `t`. An issue without a catalog key is shown as it was worded. */
export function issueText(issue: Pick<Issue, 'key' | 'params' | 'message' | 'code'>, t: Translate): string {
  const key = issue.key
  if (key === undefined || !isCatalogKey(key)) return issue.message
  const p = issue.params ?? {}
  if (p.noteCode !== undefined) return say(t, key, { note: noteWords(p, t) })
  const vars: Vars = { ...p }
  if (p.row !== undefined || p.rows !== undefined) vars.place = placeText(p, t)
  if (p.field !== undefined) {
    vars.ref = refText(str(p.field), str(p.header), t)
    vars.label = fieldLabelText(str(p.field), t)
  }
  if (p.what !== undefined) vars.what = whatText(p, t)
  if (p.need !== undefined) vars.needed = neededText(str(p.need), t)
  if (p.headers !== undefined) vars.headers = headersText(p, t)
  if (p.occurrence !== undefined) {
    const n = Number(p.occurrence)
    vars.which = n > 1 ? say(t, 'issue.which.nth', { nth: nthText(n, t), column: str(p.column) }) : say(t, 'issue.which', { column: str(p.column) })
  }
  if (p.problem !== undefined) {
    vars.problem = say(t, `issue.problem.${str(p.problem)}`, vars)
    const fix = `issue.fix.${issue.code}`
    if (isCatalogKey(fix)) vars.fix = say(t, fix)
  }
  if (p.reason !== undefined) vars.reason = readReason(p, t)
  vars.readAs = p.readAs === undefined ? '' : say(t, 'issue.readAs', { date: str(p.readAs) })
  if (p.sheetRows !== undefined) vars.sheetRowsText = sheetRowsText(str(p.sheetRows), t)
  // Status choices ('paid', 'cancel', 'return', 'none') in the reader's words.
  for (const name of ['statusWord', 'earlierWord', 'otherwiseWord'] as const) {
    if (p[name] !== undefined) vars[name.replace('Word', 'Text')] = say(t, `status.${str(p[name])}`)
  }
  if (p.col !== undefined) vars.columnText = columnText(p.header, p.col, t)
  if (p.priceCol !== undefined) vars.priceColumn = columnText(p.priceHeader, p.priceCol, t)
  return say(t, key, vars)
}

/** Why a value cannot be read: the transform's reason from the catalog when it has one, else
 * its own (English) words; without a final full stop, as the sentence goes on. */
function readReason(p: IssueParams, t: Translate): string {
  const code = p.reasonCode === undefined ? '' : str(p.reasonCode)
  return code !== '' && isCatalogKey(`reason.${code}`) ? clause(reasonText(code, p, t)) : str(p.reason)
}

/** The parameters of a failure to read a value: `reason` (the English words, for a failure
 * without a catalog reason), `reasonCode`, and the reason's own parameters. */
export function reasonParams(failure: Pick<Failure, 'message' | 'reason' | 'params'>): Record<string, string | number> {
  const english = { reason: clause(failure.message) }
  return failure.reason === undefined ? english : { ...failure.params, ...english, reasonCode: failure.reason }
}

/** The source detection's note an issue carries (noteCode and the note's parameters), with
 * guessField and guessColumn for a column chosen by a rule that waits to be confirmed. */
function noteWords(p: IssueParams, t: Translate): string {
  const { noteCode, guessField, guessColumn, ...params } = p
  const note = { code: str(noteCode), params }
  return guessField === undefined ? translateNote(note, t) : guessText({ ...note, field: str(guessField), column: str(guessColumn) }, t)
}

/** The parameters of an issue that is a note of the source detection. */
export function noteParams(note: { code: string; params: IssueParams }): Record<string, string | number> {
  return { ...note.params, noteCode: note.code }
}

const english = (): Translate => translatorFor('en')

/** An issue worded from the catalog: `message` is its English sentence. */
export function planIssue(issue: Omit<Issue, 'message' | 'key' | 'params'> & { key: CatalogKey; params: IssueParams }): Issue {
  return { ...issue, message: issueText({ ...issue, message: '' }, english()) }
}

const MAX_ROWS_SHOWN = 5

/** The parameters of a place in the sheet: a row, and the column (0-based `column`) if any. */
export function cellPlace(row: number, column: { column: number; header: string } | null): Record<string, string | number> {
  return column === null ? { row } : { row, header: column.header, col: column.column + 1 }
}

/** The parameters of an order's place: its row for an order of one row; its number (or order
 * number, quoted) and rows (the first five) for more. */
export function orderPlaceParams(order: { index: number; key: string | null; rows: readonly number[] }, column: { column: number; header: string } | null): Record<string, string | number> {
  const first = order.rows[0] ?? 0
  if (order.rows.length <= 1) return cellPlace(first, column)
  const at: Record<string, string | number> = {
    rows: order.rows.slice(0, MAX_ROWS_SHOWN).join(', '),
    more: Math.max(0, order.rows.length - MAX_ROWS_SHOWN),
    orderNo: order.index
  }
  if (order.key !== null) at.orderKey = quote(order.key)
  return column === null ? at : { ...at, header: column.header, col: column.column + 1 }
}

const MAX_SHOWN_HEADERS = 40

/** The parameters of the list of a sheet's headers: the first 40, quoted, and how many more. */
export function headersParams(headers: readonly string[]): { headers: string; moreHeaders: number } {
  const named = headers.map((h) => h.trim()).filter((h) => h !== '')
  const shown = named.slice(0, MAX_SHOWN_HEADERS).map((h) => `"${h}"`).join(', ')
  return { headers: shown, moreHeaders: Math.max(0, named.length - MAX_SHOWN_HEADERS) }
}
