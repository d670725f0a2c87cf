// Resolves a mapping against one sheet, once: which column feeds each field, how its cells are
// read, and which constants apply to every order. Problems of the mapping itself (a column that
// is not in this sheet, a required field nobody maps) are found here, before any row is read.
import { fieldSpec, type FieldType } from '../mapping/catalog'
import { DELIVERY_FIELD_KEYS, ORDER_FIELD_KEYS, type OrderFieldKey } from '../mapping/field-keys'
import type { Issue, IssueParams } from './issue'
import { headersParams, noteParams, planIssue, reasonParams } from './issue-text'
import type { CatalogKey } from '../i18n/catalog/index'
import { resolveColumn, type ColumnRef, type FieldMapping, type GoodMapping, type Mapping } from '../mapping/mapping'
import { columnName, quote, readAs } from './import-plan-messages'
import type { Cell } from '../sheet/sheet'
import { cellText } from './import-plan-text'
import type { Failure } from '../transforms/result'
import { isValidTimeZone, normalizeDomain, parseMoney, parseTimerKill, parseTimestamp, type Transformed } from '../transforms/index'
import { isPlainHost } from '../transforms/domain'
import { plainMoney } from '../transforms/money'
import { plainTimestamp } from '../transforms/dates'
import { withFieldLimit } from './field-limits'
import { compileValueChecks, type ValueCheck } from './validate-order'
import { namePart } from '../transforms/full-name'
import { combineDateTime } from '../transforms/date-time-columns'

/** What a mapping problem is about, as issueText's `what` parameters: a field, the time of day
 * or zone of a date field, a good's quantity, or the order number that groups rows. */
type What = { what: 'field' | 'time' | 'zone'; field: string } | { what: 'quantity'; field: string; good: number } | { what: 'groupBy' }

/** Why a cell cannot be read: the transform's failure (its English sentence, and its catalog
 * reason and parameters when it has them). */
export type ReadFailure = Pick<Failure, 'message' | 'reason' | 'params'>
/** A cell as it will be sent: a string, null for "empty", or why it could not be read. */
export type ReadOutcome = string | null | ReadFailure
/** `cells` is the whole row, for fields read from more than one column (a date with its time
 * and zone in columns of their own). */
export type CellReader = (cell: Cell, cells?: readonly Cell[]) => ReadOutcome

/** A field fed from a sheet column. */
export interface ColumnSource {
  column: number
  /** Header text, for Issue.column. */
  header: string
  /** How messages name the column ('column "Email"'). */
  name: string
  read: CellReader
  /** True when `read` only trims text: a string cell with no space at either end is then its
   * own value, and the plan takes it without calling `read` (millions of calls on big sheets). */
  plainText: boolean
  check: ValueCheck | null
  /** Issue code when a cell cannot be read ('money', 'date', ...). */
  failureCode: string
  /** A value as read, in words for messages (dates are sent as UNIX seconds, shown as dates). */
  show: (value: string) => string
}

export interface ColumnField extends ColumnSource {
  key: OrderFieldKey
  /** Bit of this field in per-order masks (position in ORDER_FIELD_KEYS). */
  bit: number
  /** Whether two values of one order mean the same thing (e-mail ignores case). */
  same: (a: string, b: string) => boolean
}

/** Where a good's name or price comes from: a column, or a constant already read. */
export type GoodSource = { kind: 'column'; source: ColumnSource } | { kind: 'constant'; value: string }

export interface CompiledGood {
  name: GoodSource
  sum: GoodSource | null
  quantity: CompiledQuantity | null
}

/** How many of a good a row has, and how that reaches CreateOrder (see GoodMapping.quantity). */
export interface CompiledQuantity {
  column: number
  header: string
  name: string
  mode: 'repeat' | 'multiply'
  price: 'unit' | 'line'
}

export interface CompiledMapping {
  columnFields: ColumnField[]
  constants: Array<readonly [OrderFieldKey, string]>
  goods: CompiledGood[]
  groupBy: { column: number; header: string; name: string } | null
  /** Fields every order must carry. Required fields that are not mapped are sheet issues. */
  required: OrderFieldKey[]
  /** Value checks by catalog key, compiled for this plan's `now`. */
  checks: ReadonlyMap<string, ValueCheck>
  issues: Issue[]
}

export interface CompileContext {
  date1904: boolean
  /** Milliseconds since the epoch, as Date.now(). */
  now: number
}

/** An order field's bit in per-order masks: its position in ORDER_FIELD_KEYS. */
export function fieldBit(key: OrderFieldKey): number {
  return 1 << ORDER_FIELD_KEYS.indexOf(key)
}

/** Bit for problems with an order's goods, next to the order-field bits. */
export const GOODS_BIT = 1 << ORDER_FIELD_KEYS.length

// The types read by a transform of their own (and so with a failure code); every other type is
// read as trimmed text.
const FAILURE_CODES: Partial<Record<FieldType, string>> = { money: 'money', timestamp: 'date', timer_kill: 'timer-kill', domain: 'domain' }
// A space inside these is never meant, whatever the trim option says.
const ALWAYS_TRIMMED: ReadonlySet<FieldType> = new Set(['id', 'email', 'ip'])
const TIMES: ReadonlySet<FieldType> = new Set(['timestamp', 'timer_kill'])

function outcome(result: Transformed<string>): ReadOutcome {
  return result.ok ? result.value : result
}

function cellReader(type: FieldType, mapping: Mapping, field: FieldMapping, date1904: boolean): CellReader {
  const own = field.transform ?? {}
  const dateOptions = { dateOrder: own.dateOrder ?? mapping.defaults.dateOrder, timeZone: own.timeZone ?? mapping.defaults.timeZone, date1904 }
  switch (type) {
    // The plain forms first: the same answer as the full transform, without its result object.
    case 'money': {
      const options = { decimal: own.decimal ?? mapping.defaults.decimal }
      return (cell) => plainMoney(cell, options.decimal) ?? outcome(parseMoney(cell, options))
    }
    case 'timestamp':
      return (cell) => {
        const plain = typeof cell === 'string' ? plainTimestamp(cell, dateOptions) : undefined
        if (plain !== undefined) return String(plain)
        const result = parseTimestamp(cell, dateOptions)
        if (!result.ok) return result
        return result.value === null ? null : String(result.value)
      }
    case 'timer_kill':
      return (cell) => outcome(parseTimerKill(cell, dateOptions))
    case 'domain':
      return (cell) => (typeof cell === 'string' && isPlainHost(cell) ? cell : outcome(normalizeDomain(cell)))
    default: {
      const options = { trim: ALWAYS_TRIMMED.has(type) || own.trim !== false, date1904 }
      const part = own.namePart
      if (part !== undefined) {
        const order = own.nameOrder ?? 'given-first'
        return (cell) => {
          const text = namePart(withoutTextMarker(cellText(cell, options)), part, order)
          return text === '' ? null : text
        }
      }
      return (cell) => {
        const text = withoutTextMarker(cellText(cell, options))
        return text === '' ? null : text
      }
    }
  }
}

function typeOf(catalogKey: string): FieldType {
  return fieldSpec(catalogKey)?.type ?? 'text'
}

/** A blank constant sends nothing, so it counts as not mapped. */
function isMapped(field: FieldMapping | undefined): boolean {
  if (!field || field.source.kind === 'none') return false
  return field.source.kind === 'column' || field.source.value.trim() !== ''
}

const showTime = (value: string) => (/^\d{4,}$/.test(value) ? readAs(Number(value)) : quote(value))
const ignoreCase = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase()
const exactly = (a: string, b: string) => a === b

class MappingCompiler {
  readonly issues: Issue[] = []
  readonly checks: ReadonlyMap<string, ValueCheck>

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: Mapping,
    private readonly context: CompileContext
  ) {
    this.checks = compileValueChecks(context.now)
  }

  private error(code: string, field: string | null, column: string | null, key: CatalogKey, params: IssueParams): void {
    this.issues.push(planIssue({ severity: 'error', code, row: null, column, field, order: null, key, params }))
  }

  /** The column a reference points to, or -1 after reporting that this sheet lacks it. */
  locate(ref: ColumnRef, apiKey: string | null, what: What): number {
    const index = resolveColumn(this.headers, ref)
    if (index >= 0) return index
    const params = { ...what, column: ref.column, occurrence: ref.occurrence ?? 1, ...headersParams(this.headers) }
    this.error('missing-column', apiKey, ref.column, 'issue.missing-column', params)
    return -1
  }

  /** A required field no column feeds; `good`: the good's number, for a good with a price. */
  unmapped(apiKey: string, catalogKey: string, key: 'issue.unmapped' | 'issue.unmapped.shipped' | 'issue.unmapped.priced', good?: number): void {
    const params = { need: catalogKey, field: apiKey, ...headersParams(this.headers) }
    this.error('unmapped', apiKey, null, key, good === undefined ? params : { ...params, good })
  }

  /** A column-fed source, or a constant read and checked now, or null when nothing applies. */
  source(field: FieldMapping | undefined, catalogKey: string, apiKey: string): GoodSource | null {
    if (!field || field.source.kind === 'none') return null
    const type = typeOf(catalogKey)
    const what: What = { what: 'field', field: apiKey }
    if (TIMES.has(type) && !this.knownTimeZone(field, what, apiKey)) return null
    let read = cellReader(type, this.mapping, field, this.context.date1904)
    // Every field, checked or not, has the length limit of shared/field-limits.ts.
    const check = withFieldLimit(this.checks.get(catalogKey) ?? null)
    if (field.source.kind === 'constant') return this.constant(field.source.value, read, check, apiKey, what)
    const column = this.locate(field.source, apiKey, what)
    if (column < 0) return null
    if (type === 'timestamp' && (field.transform?.timeColumn || field.transform?.zoneColumn)) {
      const combined = this.dateTimeReader(field, apiKey)
      if (combined === null) return null
      read = combined
    }
    const header = this.headers[column] ?? ''
    const failureCode = FAILURE_CODES[type] ?? 'value'
    const show = TIMES.has(type) ? showTime : quote
    const plainText = !(type in FAILURE_CODES) && field.transform?.namePart === undefined
    return { kind: 'column', source: { column, header, name: columnName(this.headers, column), read, plainText, check, failureCode, show } }
  }

  /** A date read with its time of day and zone from their own columns. */
  private dateTimeReader(field: FieldMapping, apiKey: string): CellReader | null {
    const own = field.transform ?? {}
    const time = own.timeColumn ? this.locate(own.timeColumn, apiKey, { what: 'time', field: apiKey }) : -1
    const zone = own.zoneColumn ? this.locate(own.zoneColumn, apiKey, { what: 'zone', field: apiKey }) : -1
    if ((own.timeColumn && time < 0) || (own.zoneColumn && zone < 0)) return null
    const options = { dateOrder: own.dateOrder ?? this.mapping.defaults.dateOrder, timeZone: own.timeZone ?? this.mapping.defaults.timeZone, date1904: this.context.date1904 }
    return (cell, cells) => {
      const result = combineDateTime(cell, time >= 0 ? cells?.[time] : undefined, zone >= 0 ? cells?.[zone] : undefined, options)
      if (!result.ok) return result
      return result.value === null ? null : String(result.value)
    }
  }

  /** A sheet-wide warning (a guess to confirm, a quantity or price left out). */
  warning(code: string, field: string | null, column: string | null, key: CatalogKey, params: IssueParams): void {
    this.issues.push(planIssue({ severity: 'warning', code, row: null, column, field, order: null, key, params }))
  }

  /** The quantity column of a good, if it has one. */
  quantity(good: GoodMapping, index: number): CompiledQuantity | null {
    if (!good.quantity) return null
    const column = this.locate(good.quantity.column, `goods[${index}][good_name]`, { what: 'quantity', field: `goods[${index}][good_name]`, good: index + 1 })
    if (column < 0) return null
    return { column, header: this.headers[column] ?? '', name: columnName(this.headers, column), mode: good.quantity.mode, price: good.quantity.price ?? 'unit' }
  }

  /** An unknown time zone would fail every date of the column: say so once, here. */
  private knownTimeZone(field: FieldMapping, what: What, apiKey: string): boolean {
    const zone = field.transform?.timeZone ?? this.mapping.defaults.timeZone
    if (isValidTimeZone(zone)) return true
    this.error('time-zone', apiKey, null, 'issue.time-zone', { ...what, zone: quote(zone) })
    return false
  }

  private constant(text: string, read: CellReader, check: ValueCheck | null, apiKey: string, what: What): GoodSource | null {
    const value = read(text)
    if (value === null) return null
    if (typeof value !== 'string') {
      this.error('constant', apiKey, null, 'issue.constant.unreadable', { ...reasonParams(value), ...what, value: quote(text) })
      return null
    }
    const problem = check?.(value)
    if (!problem) return { kind: 'constant', value }
    this.error('constant', apiKey, null, 'issue.constant', { ...problem.params, ...what, value: quote(text), problem: problem.variant })
    return null
  }
}

export function compileMapping(headers: readonly string[], mapping: Mapping, context: CompileContext): CompiledMapping {
  const compiler = new MappingCompiler(headers, mapping, context)
  const groupBy = compileGroupBy(compiler, headers, mapping)
  const columnFields: ColumnField[] = []
  const constants: Array<readonly [OrderFieldKey, string]> = []
  const mapped = new Set<OrderFieldKey>()
  ORDER_FIELD_KEYS.forEach((key) => {
    const field = mapping.fields[key]
    const mappedAtAll = isMapped(field)
    const source = compiler.source(field, key, key)
    // A field whose column is missing was reported already; it must not also be "unmapped".
    if (mappedAtAll) mapped.add(key)
    if (source?.kind === 'constant') constants.push([key, source.value])
    if (source?.kind === 'column') columnFields.push({ ...source.source, key, bit: fieldBit(key), same: key === 'bill_email' ? ignoreCase : exactly })
  })
  const required: OrderFieldKey[] = []
  const needed: OrderFieldKey[] = ['bill_email', ...(mapping.shipped ? DELIVERY_FIELD_KEYS : [])]
  for (const key of needed) {
    if (required.includes(key)) continue
    if (mapped.has(key)) required.push(key)
    else compiler.unmapped(key, key, key === 'bill_email' ? 'issue.unmapped' : 'issue.unmapped.shipped')
  }
  const goods = compileGoods(compiler, mapping)
  for (const guess of mapping.guesses ?? []) {
    compiler.warning('guess', guess.field === 'groupBy' ? null : guess.field, guess.column, 'issue.note', { ...noteParams(guess), guessField: guess.field, guessColumn: guess.column })
  }
  return { columnFields, constants, goods, groupBy, required, checks: compiler.checks, issues: compiler.issues }
}

function compileGroupBy(compiler: MappingCompiler, headers: readonly string[], mapping: Mapping): CompiledMapping['groupBy'] {
  if (!mapping.groupBy) return null
  const column = compiler.locate(mapping.groupBy, null, { what: 'groupBy' })
  return column < 0 ? null : { column, header: headers[column] ?? '', name: columnName(headers, column) }
}

function compileGoods(compiler: MappingCompiler, mapping: Mapping): CompiledGood[] {
  const goods: CompiledGood[] = []
  mapping.goods.forEach((good, i) => {
    const nameKey = `goods[${i}][good_name]`
    const nameMapped = isMapped(good.name)
    const priceMapped = isMapped(good.sum)
    if (!nameMapped) {
      if (i === 0) compiler.unmapped(nameKey, 'good_name', 'issue.unmapped')
      else if (priceMapped) compiler.unmapped(nameKey, 'good_name', 'issue.unmapped.priced', i + 1)
      return
    }
    const name = compiler.source(good.name, 'good_name', nameKey)
    const sum = compiler.source(good.sum, 'good_sum', `goods[${i}][good_sum]`)
    if (name) goods.push({ name, sum, quantity: compiler.quantity(good, i) })
  })
  return goods
}

/** Excel's text marker: a typed '02116 or '+7 916... keeps its zeros or plus as text, and some
 * exports write the apostrophe into the file. It is not part of the value. */
export function withoutTextMarker(text: string): string {
  return text.charCodeAt(0) === 39 && /^'[+\d]/.test(text) ? text.slice(1) : text
}
