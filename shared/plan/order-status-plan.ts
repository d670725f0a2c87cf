// Each planned order's status and payment date (issue 12 §2), and bill_timer_kill for a backlog.
// Runs after the orders are built: it reads the status column of each order's rows through the
// mapping's value table, and never changes what CreateOrder sends except bill_timer_kill when the
// sheet leaves it out.
import { resolveColumn, type Mapping } from '../mapping/mapping'
import { statusKey, statusLookup, type OrderStatus, type StatusChoice, type StatusMapping } from '../mapping/order-status'
import type { Cell, SheetTable } from '../sheet/sheet'
import { cellToText } from '../transforms/text'
import { parseTimestamp, type DateOptions } from '../transforms/dates'
import type { IssueCollector } from './import-plan-issues'
import { columnName, quote, readAs } from './import-plan-messages'
import { cellPlace, headersParams, planIssue, reasonParams } from './issue-text'
import type { Failure } from '../transforms/result'
import type { PlannedOrder } from './order'
import type { CompiledMapping } from './import-plan-mapping'
import { RowOrder } from './row-order'

/** The second call an order gets: UpdateOrderStatus(bill_id, status, date). */
export interface StatusIntent {
  status: OrderStatus
  /** Unix seconds for `date`; null: the time of sending (paid needs a date, the others do not). */
  date: number | null
}

/** What the preview shows about statuses and auto-cancel. */
export interface StatusSummary {
  /** Orders per status ('none': stays a new, unpaid invoice). */
  counts: Record<StatusChoice, number>
  /** Where the status came from: a column (its header), one status for the file, or nothing. */
  source: { kind: 'column'; header: string } | { kind: 'constant'; status: StatusChoice } | { kind: 'none' }
  /** Each distinct value of the status column, how many orders have it, and what it means. */
  values: Array<{ value: string; orders: number; status: StatusChoice; listed: boolean }>
  /** Orders created in the past sent with bill_timer_kill = 0 (never auto-cancelled). */
  backlogNoCancel: number
  /** Orders created in the past whose auto-cancel is left to the shop (the user chose so). */
  backlogShopCancel: number
  backlogTimerKill: 'never' | 'shop'
}

/** An order created more than this long before the plan's `now` is a backlog order. */
export const BACKLOG_AFTER_MS = 60 * 60 * 1000
/** The most distinct status values listed in a summary. */
const MAX_LISTED_VALUES = 50

export interface StatusContext {
  date1904: boolean
  /** Milliseconds since the epoch. */
  now: number
}

/** Sets `status` on every order that gets a second call, bill_timer_kill on backlog orders, and
 * adds the problems found. `orderOf` gives the 0-based order of each table row. */
export function applyOrderStatus(
  table: SheetTable,
  orderOf: Int32Array,
  orders: readonly PlannedOrder[],
  mapping: Mapping,
  compiled: Pick<CompiledMapping, 'columnFields' | 'constants'>,
  context: StatusContext,
  issues: IssueCollector
): { summary: StatusSummary; sheetErrors: number } {
  const createdOf = createdReader(table, orderOf, orders, compiled)
  const summary: StatusSummary = {
    counts: { none: 0, paid: 0, cancel: 0, return: 0 },
    source: { kind: 'none' },
    values: [],
    backlogNoCancel: 0,
    backlogShopCancel: 0,
    backlogTimerKill: mapping.backlogTimerKill ?? 'never'
  }
  const before = issues.issues.length
  const reader = mapping.status ? compileStatus(table, mapping, mapping.status, context, issues) : null
  // Only a missing column is reported while compiling: an error of the whole sheet.
  const sheetErrors = issues.issues.length - before
  if (reader !== null) summary.source = reader.source
  const chosen = new Array<StatusChoice | undefined>(orders.length)
  const distinct = new Map<string, { value: string; orders: number; status: StatusChoice; listed: boolean; firstRow: number }>()
  if (reader !== null) {
    for (let r = 0; r < table.rows.length; r++) {
      const o = orderOf[r] ?? -1
      const order = orders[o]
      if (order === undefined) continue
      const cells = table.rows[r] ?? []
      const row = table.rowNumbers[r] ?? r + 1
      const read = reader.status(cells)
      const earlier = chosen[o]
      if (earlier === undefined) {
        chosen[o] = read.status
        applyDate(order, read.status, cells, row, reader, issues, createdOf(o))
      } else if (earlier !== read.status && read.text !== '') {
        issues.add(
          planIssue({
            severity: 'error',
            code: 'status-conflict',
            row,
            column: reader.header,
            field: 'status',
            order: order.index,
            key: 'issue.status-conflict',
            params: { ...statusPlace(row, reader), value: quote(read.text), statusWord: read.status, earlierWord: earlier }
          })
        )
      }
      if (read.text !== '' && earlier === undefined) {
        const key = statusKey(read.text)
        const entry = distinct.get(key)
        if (entry) entry.orders++
        else distinct.set(key, { value: read.text, orders: 1, status: read.status, listed: read.listed, firstRow: row })
      }
    }
  }
  for (const entry of distinct.values()) {
    if (entry.listed || reader === null) continue
    issues.add(
      planIssue({
        severity: 'warning',
        code: 'status-value',
        row: entry.firstRow,
        column: reader.header,
        field: 'status',
        order: null,
        key: 'issue.status-value',
        params: { ...statusPlace(entry.firstRow, reader), value: quote(entry.value), count: entry.orders, firstRow: entry.firstRow, otherwiseWord: reader.otherwise }
      })
    )
  }
  summary.values = [...distinct.values()]
    .sort((a, b) => b.orders - a.orders)
    .slice(0, MAX_LISTED_VALUES)
    .map(({ value, orders: n, status, listed }) => ({ value, orders: n, status, listed }))
  const timerKillMapped = isTimerKillMapped(mapping)
  orders.forEach((order, o) => {
    const status = chosen[o] ?? reader?.otherwise ?? 'none'
    summary.counts[status]++
    if (status === 'none') delete order.status
    else if (order.status === undefined) order.status = { status, date: status === 'paid' ? createdOf(o) : null }
    if (timerKillMapped || !isBacklog(createdOf(o), context.now)) return
    if (summary.backlogTimerKill === 'never') {
      order.backlogNoCancel = true
      summary.backlogNoCancel++
    } else summary.backlogShopCancel++
  })
  return { summary, sheetErrors }
}

interface CompiledStatus {
  source: StatusSummary['source']
  header: string | null
  /** The status column (0-based), null for a status set for the whole file. */
  column: number | null
  name: string
  otherwise: StatusChoice
  status: (cells: readonly Cell[]) => { status: StatusChoice; text: string; listed: boolean }
  /** The payment date of a row: unix seconds, null when empty, or why it cannot be read. */
  paidAt: ((cells: readonly Cell[]) => number | null | Failure) | null
  paidAtHeader: string | null
  paidAtColumn: number | null
  paidAtName: string
}

function compileStatus(table: SheetTable, mapping: Mapping, status: StatusMapping, context: StatusContext, issues: IssueCollector): CompiledStatus | null {
  const { headers } = table
  const missing = (ref: { column: string }, what: 'status' | 'paidAt'): void => {
    issues.add(
      planIssue({
        severity: 'error',
        code: 'missing-column',
        row: null,
        column: ref.column,
        field: 'status',
        order: null,
        key: 'issue.missing-column',
        params: { what, column: ref.column, occurrence: 1, ...headersParams(headers) }
      })
    )
  }
  let paidAt: CompiledStatus['paidAt'] = null
  let paidAtHeader: string | null = null
  let paidAtColumn: number | null = null
  let paidAtName = ''
  if (status.paidAt?.kind === 'column') {
    const column = resolveColumn(headers, status.paidAt.column)
    if (column < 0) {
      missing(status.paidAt.column, 'paidAt')
      return null
    }
    const own = status.paidAt.transform ?? {}
    const options: DateOptions = { dateOrder: own.dateOrder ?? mapping.defaults.dateOrder, timeZone: own.timeZone ?? mapping.defaults.timeZone, date1904: context.date1904 }
    paidAtHeader = headers[column] ?? ''
    paidAtColumn = column
    paidAtName = columnName(headers, column)
    paidAt = (cells) => {
      const result = parseTimestamp(cells[column] ?? null, options)
      return result.ok ? result.value : result
    }
  }
  const base = { otherwise: status.otherwise, paidAt, paidAtHeader, paidAtColumn, paidAtName }
  if (status.source.kind === 'constant') {
    const value = status.source.value
    return { ...base, source: { kind: 'constant', status: value }, header: null, column: null, name: 'the status set for the file', otherwise: value, status: () => ({ status: value, text: '', listed: true }) }
  }
  const column = resolveColumn(headers, status.source)
  if (column < 0) {
    missing(status.source, 'status')
    return null
  }
  const lookup = statusLookup(status.values)
  const header = headers[column] ?? ''
  return {
    ...base,
    source: { kind: 'column', header },
    header,
    column,
    name: columnName(headers, column),
    status: (cells) => {
      const cell = cells[column] ?? null
      const text = cell === null ? '' : cellToText(cell).trim()
      if (text === '') return { status: status.otherwise, text, listed: true }
      const found = lookup.get(statusKey(text))
      return found === undefined ? { status: status.otherwise, text, listed: false } : { status: found, text, listed: true }
    }
  }
}

/** The payment date of a paid order from its first row; an unreadable date is an error. */
function applyDate(order: PlannedOrder, status: StatusChoice, cells: readonly Cell[], row: number, reader: CompiledStatus, issues: IssueCollector, created: number | null): void {
  if (status === 'none') return
  let date: number | null = null
  if (status === 'paid' && reader.paidAt !== null) {
    const read = reader.paidAt(cells)
    if (read !== null && typeof read === 'object') {
      issues.add(
        planIssue({
          severity: 'error',
          code: 'paid-date',
          row,
          column: reader.paidAtHeader,
          field: 'paid_at',
          order: order.index,
          key: 'issue.paid-date',
          params: { ...cellPlace(row, reader.paidAtColumn === null ? null : { column: reader.paidAtColumn, header: reader.paidAtHeader ?? '' }), ...reasonParams(read) }
        })
      )
    } else date = read
  }
  if (status === 'paid' && date === null) date = created
  order.status = { status: status as OrderStatus, date: status === 'paid' ? date : null }
}

/** Each order's created date (unix seconds) or null. A one-row order is read from its row's
 * cell, so its values are not kept on it (see row-order.ts); other orders have them already. */
function createdReader(table: SheetTable, orderOf: Int32Array, orders: readonly PlannedOrder[], compiled: Pick<CompiledMapping, 'columnFields' | 'constants'>): (o: number) => number | null {
  const constant = compiled.constants.find(([key]) => key === 'bill_created')?.[1]
  const field = compiled.columnFields.find((f) => f.key === 'bill_created')
  if (constant === undefined && field === undefined) return () => null
  let firstRow: Int32Array | null = null
  return (o) => {
    const order = orders[o]
    let value: number | null = null
    if (order !== undefined && !(order instanceof RowOrder)) value = seconds(order.fields.bill_created)
    else if (constant !== undefined) value = seconds(constant)
    else if (field !== undefined) {
      if (firstRow === null) {
        firstRow = new Int32Array(orders.length).fill(-1)
        for (let r = 0; r < orderOf.length; r++) {
          const of = orderOf[r] ?? -1
          if (of >= 0 && firstRow[of] === -1) firstRow[of] = r
        }
      }
      const cells = table.rows[firstRow[o] ?? -1] ?? []
      const read = field.read(cells[field.column] ?? null, cells)
      value = typeof read === 'string' ? seconds(read) : null
    }
    return value
  }
}

function seconds(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null
}

function isTimerKillMapped(mapping: Mapping): boolean {
  const field = mapping.fields.bill_timer_kill
  return field !== undefined && field.source.kind !== 'none' && (field.source.kind === 'column' || field.source.value.trim() !== '')
}

/** Created more than an hour before `now`: an old order being moved, not a new invoice. */
export function isBacklog(created: number | null, now: number): boolean {
  return created !== null && created * 1000 < now - BACKLOG_AFTER_MS
}

/** "paid on 15 March 2024 10:00 UTC" style text of an intent, for messages. */
export function describeIntent(intent: StatusIntent): string {
  return intent.date === null ? intent.status : `${intent.status} (${readAs(intent.date)})`
}

/** The place of a status issue: the row and, when the status comes from a column, that column. */
function statusPlace(row: number, reader: CompiledStatus): Record<string, string | number> {
  return cellPlace(row, reader.column === null ? null : { column: reader.column, header: reader.header ?? '' })
}
