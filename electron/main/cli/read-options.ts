// The sheet and mapping options shared by preview, mapping and import.
import { resolve } from 'node:path'
import type { PrepareOptions } from '../pipeline/prepare-import'
import { limitsForMaxFileMb } from '../sheets/limits'
import { parseDelimiter, parsePositiveInteger } from './args'
import type { CliIo } from './io'
import type { MapOverride, SourceOptions } from '#shared/mapping/source-map'
import { isOrderFieldKey } from '#shared/mapping/field-keys'
import { isValidTimeZone } from '#shared/transforms/index'
import { parseStatusChoice, type StatusChoice, type StatusOptions } from '#shared/mapping/order-status'
import { UsageError } from './usage-error'
import { msg } from '#shared/i18n/message'

export const READ_OPTION_SPECS = {
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  'group-by': { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'header-row': { type: 'string' },
  'max-file-size': { type: 'string' },
  map: { type: 'string', multiple: true },
  'time-zone': { type: 'string' },
  'date-order': { type: 'string' },
  quantity: { type: 'string' },
  status: { type: 'string' },
  'status-value': { type: 'string', multiple: true },
  'status-default': { type: 'string' },
  'paid-date': { type: 'string' },
  'backlog-cancel': { type: 'string' }
} as const

export interface ReadOptionValues {
  sheet?: string
  mapping?: string
  'group-by'?: string
  encoding?: string
  delimiter?: string
  'header-row'?: string
  'max-file-size'?: string
  map?: string[]
  'time-zone'?: string
  'date-order'?: string
  quantity?: string
  status?: string
  'status-value'?: string[]
  'status-default'?: string
  'paid-date'?: string
  'backlog-cancel'?: string
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
    signal: io.signal,
    source: sourceOptions(values),
    status: statusOptions(values)
  }
}

const STATUS_WORDS = 'paid, cancel, return or none'

function statusWord(text: string, flag: string): StatusChoice {
  const choice = parseStatusChoice(text)
  if (choice === null) throw new UsageError(`${flag}: "${text}" is not a status; write ${STATUS_WORDS}.`)
  return choice
}

/** --status COLUMN (or =paid for the whole file), --status-value VALUE=STATUS, --status-default,
 * --paid-date COLUMN, --backlog-cancel never|shop. */
function statusOptions(values: ReadOptionValues): StatusOptions | undefined {
  const options: StatusOptions = {}
  const status = values.status
  if (status !== undefined) {
    if (status.startsWith('=')) options.constant = statusWord(status.slice(1), '--status')
    else if (status.trim() === '') throw new UsageError('--status: give the status column, e.g. --status "Статус", or one status for the whole file: --status =paid.')
    else options.column = status.trim()
  }
  const pairs = (values['status-value'] ?? []).map((text): readonly [string, StatusChoice] => {
    const at = text.lastIndexOf('=')
    if (at <= 0) throw new UsageError(`--status-value "${text}": write VALUE=STATUS, e.g. --status-value "Оплачен=paid" (STATUS is ${STATUS_WORDS}).`)
    return [text.slice(0, at).trim(), statusWord(text.slice(at + 1), '--status-value')]
  })
  if (pairs.length > 0) options.values = pairs
  if (values['status-default'] !== undefined) options.otherwise = statusWord(values['status-default'], '--status-default')
  if (values['paid-date'] !== undefined) options.paidDate = values['paid-date'].trim()
  const backlog = values['backlog-cancel']
  if (backlog !== undefined) {
    if (backlog !== 'never' && backlog !== 'shop') throw new UsageError(`--backlog-cancel must be never (old orders are never auto-cancelled, the default) or shop (the product's setting applies), not "${backlog}".`)
    options.backlogTimerKill = backlog
  }
  if (options.column === undefined && options.constant === undefined && (pairs.length > 0 || options.otherwise !== undefined || options.paidDate !== undefined) && values.mapping === undefined) {
    throw new UsageError('--status-value, --status-default and --paid-date need the status column: add --status COLUMN.')
  }
  return Object.keys(options).length === 0 ? undefined : options
}

/** `--max-file-size 500` (MB), or with a unit: 500MB, 1.5GB. */
function maxFileLimits(value: string | undefined): PrepareOptions['limits'] {
  if (value === undefined) return undefined
  const match = /^\s*(\d+(?:\.\d+)?)\s*(mb|m|gb|g)?\s*$/i.exec(value)
  const amount = match ? Number(match[1]) * (/^g/i.test(match[2] ?? '') ? 1024 : 1) : Number.NaN
  if (!Number.isFinite(amount) || amount <= 0) throw new UsageError(msg('usage.maxFileSize', { value }))
  return limitsForMaxFileMb(amount)
}

const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const
const QUANTITY_MODES = ['repeat', 'multiply'] as const

function sourceOptions(values: ReadOptionValues): SourceOptions {
  const zone = values['time-zone']
  if (zone !== undefined && !isValidTimeZone(zone)) throw new UsageError(msg('usage.timeZone', { zone }))
  const order = values['date-order']
  if (order !== undefined && !(DATE_ORDERS as readonly string[]).includes(order)) throw new UsageError(msg('usage.dateOrder', { value: order }))
  const quantity = values.quantity
  if (quantity !== undefined && !(QUANTITY_MODES as readonly string[]).includes(quantity)) throw new UsageError(msg('usage.quantity', { value: quantity }))
  if (values.map && values.map.length > 0 && values.mapping !== undefined) throw new UsageError(msg('usage.mapWithMapping'))
  return {
    timeZone: zone,
    dateOrder: order as SourceOptions['dateOrder'],
    quantity: quantity as SourceOptions['quantity'],
    overrides: (values.map ?? []).map(parseMapOption)
  }
}

/** FIELD=COLUMN: FIELD an API name (bill_email, good_name, goods[1][good_sum]), groupBy or
 * quantity; COLUMN a header, a column letter, or =VALUE for a constant. */
function parseMapOption(text: string): MapOverride {
  const at = text.indexOf('=')
  const field = at < 0 ? '' : text.slice(0, at).trim()
  const column = at < 0 ? '' : text.slice(at + 1)
  const known = field === 'groupBy' || field === 'quantity' || isOrderFieldKey(field) || /^(goods\[\d+\]\[)?good_(name|sum)\]?$/.test(field)
  if (!known || column.trim() === '') {
    throw new UsageError(msg('usage.map', { text }))
  }
  return { field, column }
}

export const READ_OPTIONS_HELP = `  --sheet S          sheet name or 1-based number (workbooks)
  --mapping m.json   use a saved mapping instead of matching headers automatically
  --group-by COLUMN  rows with the same value in COLUMN form one order
  --encoding E       text encoding (utf-8, windows-1251, windows-1252, utf-16le, ...)
  --delimiter D      field delimiter: , ; | tab
  --header-row N     1-based row that holds the column headers
  --max-file-size N  largest file to read, in MB (or 2GB); the default is a quarter of the
                     memory the reader may use (half the computer's memory, at most 4 GB)
  --map FIELD=COLUMN use COLUMN (a header or a letter like B; =VALUE for a constant) for FIELD
                     (bill_email, good_name, good_sum, groupBy, quantity, ...); repeatable
  --time-zone Z      zone for times written without one (default: this computer's), e.g. Europe/Moscow
  --date-order O     dmy or mdy: how to read dates like 03/04/2026 (default: told from the column)
  --quantity M       repeat (the good once per unit, default) or multiply (one good at price x quantity)
  --status COLUMN    the order's status is in COLUMN (Оплачен/paid/да/1/Completed -> paid, Отменён/
                     cancelled -> cancel, Возврат/refunded -> return); --status =paid for the whole file.
                     Paid, cancelled and returned orders are marked so with UpdateOrderStatus
  --status-value V=S add or change a row of the status table (S: paid, cancel, return, none); repeatable
  --status-default S the status of values the table does not list (default none: an unpaid invoice)
  --paid-date COLUMN the payment date (default: the order's created date)
  --backlog-cancel M never (orders created in the past are never auto-cancelled, default) or shop`
