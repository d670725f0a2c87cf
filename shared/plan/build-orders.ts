// Reads the rows into orders: each mapped cell goes through its field's transform and value
// check where it is read, so a problem names its row and column. Order-level fields are taken
// from the first row of the order that has them; a later row of the same order may leave them
// empty but may not contradict them. Every row adds its goods, except that a good made only of
// constants (the same product for everyone) is added once per order. An order of one row keeps
// no copy of its values while planning (see row-order.ts); orders of several rows are built here.
import type { ColumnField, ColumnSource, CompiledGood, CompiledMapping, GoodSource, ReadFailure, ReadOutcome } from './import-plan-mapping'
import { fieldBit, GOODS_BIT } from './import-plan-mapping'
import { IssueCollector } from './import-plan-issues'
import { quote, readAs } from './import-plan-messages'
import { cellPlace, planIssue, reasonParams } from './issue-text'
import type { CatalogKey } from '../i18n/catalog/index'
import type { Issue, IssueParams } from './issue'
import type { GoodLine, OrderDraft, PlannedOrder } from './order'
import type { Cell, SheetTable } from '../sheet/sheet'
import type { RowGrouping } from './group-rows'
import { RowOrder, type RowReader } from './row-order'
import { emailHash } from './same-email'
import { isSolid } from './import-plan-text'
import { cellToText } from '../transforms/index'
import { shownText } from '../transforms/text'
import type { ValueProblem } from './validate-order'
import { MAX_REPEAT, multiplyAmount, readQuantity, splitAmount } from './quantity'
import { DELIVERY_FIELD_KEYS } from '../mapping/field-keys'

export interface BuiltOrders {
  /** The orders, already in their final shape; planImport fills in the counts. */
  orders: PlannedOrder[]
  /** Per order, the bits (ColumnField.bit, GOODS_BIT) of fields that already have an error, so
   * the whole-order rules do not report the same gap twice. */
  failed: Uint32Array
  /** Per order of one row, the bits of the fields it has a value for (constants included) and
   * GOODS_BIT when it has a product; 0 for other orders, whose fields are at hand. The
   * whole-order rules use it rather than have every order read again. */
  filled: Uint32Array
  /** Per order, bill_email as it will be sent, if any, and emailHash() of it ('' for none). */
  emails: Array<string | undefined>
  emailHashes: Uint32Array
}

/** Where a problem is: sheet row number, 0-based order, the column's source and the cell. No
 * object is made for it unless there is a problem, since most cells have none. */
type At = [row: number, o: number, source: ColumnSource, cell: Cell]

/** How cellValue() checks a value: not at all (it is only compared with the value the order
 * already has), or checked and, when it fails, kept (order fields: the value is still the
 * order's) or dropped (goods: no line is made of it). */
type CheckMode = 0 | 1 | 2

/** What a problem with a cell is reported under: the API key, and the bit it marks failed in
 * BuiltOrders.failed (a ColumnField is one; goods have one per position). */
interface ReportAs {
  key: string
  bit: number
}
const COMPARE: CheckMode = 0
const KEEP: CheckMode = 1
const DROP: CheckMode = 2

class OrderBuilder {
  readonly orders: PlannedOrder[] = []
  readonly failed: Uint32Array
  readonly filled: Uint32Array
  readonly emails: Array<string | undefined>
  readonly emailHashes: Uint32Array
  // Table row that supplied each order-field value, for conflict messages and for skipping a
  // repeated cell; only orders of several rows need it, each a block of `fields` entries at
  // block[o] * fields (block[o] is -1 for an order of one row, and block is null without grouping).
  private readonly block: Int32Array | null
  private readonly origin: Int32Array
  // Values of an order's first row by column field, and the fields templates by which are set.
  private readonly values: Array<string | undefined>
  private readonly templates = new Map<number, OrderDraft['fields']>()
  // For orders of one row: where bill_email comes from, and the bits the constants fill.
  private readonly emailField: number
  private readonly constantEmail: string | undefined
  private readonly constantBits: number
  /** ColumnField.bit of each field the last readFields() found a value for. */
  private readBits = 0
  /** How many good lines the last readGoods() read from its row. */
  private lineCount = 0
  /** Reads the values of orders of one row when they are asked for; made on first use. */
  private reader: RowReader | null = null
  /** Per DELIVERY_FIELD_KEYS entry: the positions in columnFields of the fields with that key,
   * and the constant's value, if any (an order of one row notes which it has: PlannedReading). */
  private readonly deliveryFields: number[][]
  private readonly deliveryConstants: Array<string | undefined>
  /** The names of the good lines the last readGoods() read without keeping them. */
  private goodNames: string | string[] | null = null

  /** `lazy`: orders of one row are RowOrders, their values read again when asked for.
   * `checkKept` false: a value kept whatever its check says (an order field) is not checked; for
   * reading again values that planning checked already, with nobody to hear of a problem. */
  constructor(
    private readonly table: SheetTable,
    private readonly compiled: CompiledMapping,
    private readonly grouping: RowGrouping,
    private readonly issues: IssueCollector,
    private readonly lazy: boolean,
    private readonly checkKept = true
  ) {
    const count = grouping.keys.length
    this.failed = new Uint32Array(count)
    this.filled = new Uint32Array(lazy ? count : 0)
    this.emails = lazy ? new Array<string | undefined>(count).fill(undefined) : []
    this.emailHashes = new Uint32Array(lazy ? count : 0)
    this.emailField = compiled.columnFields.findIndex((field) => field.key === 'bill_email')
    this.constantEmail = compiled.constants.find(([key]) => key === 'bill_email')?.[1]
    this.constantBits = compiled.constants.reduce((bits, [key]) => bits | fieldBit(key), 0)
    this.block = compiled.groupBy !== null ? multiRowBlocks(grouping, table.rows.length) : null
    let blocks = 0
    if (this.block) for (let o = 0; o < count; o++) if ((this.block[o] as number) >= 0) blocks++
    this.origin = new Int32Array(blocks * compiled.columnFields.length)
    this.values = new Array<string | undefined>(compiled.columnFields.length).fill(undefined)
    this.deliveryFields = DELIVERY_FIELD_KEYS.map((key) => compiled.columnFields.flatMap((field, f) => (field.key === key ? [f] : [])))
    this.deliveryConstants = DELIVERY_FIELD_KEYS.map((key) => compiled.constants.findLast(([constant]) => constant === key)?.[1])
  }

  /** Where order o's block of origins starts, or -1 when it has one row. */
  private originBase(o: number): number {
    const block = this.block === null ? -1 : (this.block[o] as number)
    return block < 0 ? -1 : block * this.compiled.columnFields.length
  }

  /** Orders are numbered by their first row, so each is made when that row comes. */
  private start(o: number, r: number, row: number, cells: readonly Cell[]): void {
    if (this.lazy && this.originBase(o) < 0) this.orders.push(this.rowOrder(o, r, row, cells))
    else this.orders.push(this.make(o, r, row, cells))
  }

  /** The order with the order fields and goods its first row has; its arrays start at their
   * real size (an empty array would reserve room for 17 on the first push). */
  private make(o: number, r: number, row: number, cells: readonly Cell[]): PlannedOrder {
    const fields = this.firstFields(o, r, row, cells)
    const goods = this.readGoods(o, row, cells, null, false, true) ?? []
    return { index: o + 1, key: this.grouping.keys[o] ?? null, rows: [row], fields, goods, fingerprint: null, errors: 0, warnings: 0 }
  }

  /** An order of one row: every cell read and checked as make() does, and only what the
   * whole-order rules and the search for repeats need is kept. */
  private rowOrder(o: number, r: number, row: number, cells: readonly Cell[]): RowOrder {
    this.readFields(o, r, row, cells, null)
    this.readGoods(o, row, cells, null, false, false)
    this.filled[o] = this.readBits | this.constantBits | (this.lineCount > 0 ? GOODS_BIT : 0)
    const email = (this.emailField >= 0 ? this.values[this.emailField] : undefined) ?? this.constantEmail
    this.emails[o] = email
    this.emailHashes[o] = emailHash(email ?? '')
    return new RowOrder(this.rowReader(), o + 1, this.grouping.keys[o] ?? null, r, row, this.deliveryFilled(), this.goodNames)
  }

  /** Which delivery fields the order of one row just read has a value for (not only spaces), as
   * deliveryFilled() in shared/shop/delivery-rule.ts: bit i for DELIVERY_FIELD_KEYS[i]. Its
   * fields would have the constant's value, replaced by each mapped cell's that has one. */
  private deliveryFilled(): number {
    let bits = 0
    for (let i = 0; i < this.deliveryFields.length; i++) {
      let value = this.deliveryConstants[i]
      for (const f of this.deliveryFields[i]!) value = this.values[f] ?? value
      if (value !== undefined && value.trim() !== '') bits |= 1 << i
    }
    return bits
  }

  private noteGoodName(name: string, times: number): void {
    for (let i = 0; i < times; i++) {
      const names = this.goodNames
      if (names === null) this.goodNames = name
      else if (typeof names === 'string') this.goodNames = [names, name]
      else names.push(name)
    }
  }

  private rowReader(): RowReader {
    if (this.reader === null) {
      const quiet = new OrderBuilder(this.table, this.compiled, this.grouping, new DiscardedIssues(), false, false)
      this.reader = { orderValues: (o, r, row) => quiet.make(o, r, row, this.table.rows[r] ?? []) }
    }
    return this.reader
  }

  /** The order fields of an order's first row: the constants, then each mapped cell's value in
   * mapping order. The object is a copy of a template with exactly these keys, so it is made
   * in one step instead of growing key by key. */
  private firstFields(o: number, r: number, row: number, cells: readonly Cell[]): OrderDraft['fields'] {
    const present = this.readFields(o, r, row, cells, null)
    const fields = this.compiled.columnFields
    const values = this.values
    const made: OrderDraft['fields'] = { ...this.template(present) }
    for (let f = 0; f < fields.length; f++) {
      const value = values[f]
      if (value !== undefined) made[(fields[f] as ColumnField).key] = value
    }
    return made
  }

  /** Reads and checks the order-field cells of one row of order o. For its first row (order
   * null) the values go to this.values (undefined where there is none), the bits (1 << position
   * in columnFields) of those with one are returned, and their field bits (ColumnField.bit) are
   * left in readBits. A later row (order given) fills the fields the order does not have yet and
   * must agree with those it has. */
  private readFields(o: number, r: number, row: number, cells: readonly Cell[], order: OrderDraft | null): number {
    const fields = this.compiled.columnFields
    const values = this.values
    const base = this.originBase(o)
    let present = 0
    let bits = 0
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f] as ColumnField
      if (order === null) values[f] = undefined
      const cell = cells[field.column] ?? null
      if (cell === null || cell === '') continue
      const current = order === null ? undefined : order.fields[field.key]
      // Exports often repeat the order's e-mail, name and date on every line: the same cell
      // as the one the value came from needs no second reading.
      if (current !== undefined && base >= 0 && this.table.rows[this.origin[base + f] ?? r]?.[field.column] === cell) continue
      const value = this.cellValue(field, field, cell, cells, row, o, current === undefined ? KEEP : COMPARE)
      if (value === null) continue
      if (current !== undefined) {
        if (!field.same(current, value)) {
          this.conflict(row, o, order as OrderDraft, field, current, value, base >= 0 ? (this.origin[base + f] ?? r) : r)
          this.failed[o] = (this.failed[o] ?? 0) | field.bit
        }
        continue
      }
      if (order === null) {
        values[f] = value
        present |= 1 << f
        bits |= field.bit
      } else order.fields[field.key] = value
      if (base >= 0) this.origin[base + f] = r
    }
    if (order === null) this.readBits = bits
    return present
  }

  /** The read-check-report step of every mapped cell (order fields and goods alike): the cell
   * (not empty) read by its source's transform, a plain string cell taken as it is, the value
   * checked as `mode` says, and a problem reported under target.key, marking target.bit failed
   * for order o. Returns the value, or null when the cell gives none, cannot be read, or fails
   * its check in DROP mode. It runs for every cell of a sheet, so it is kept small: with the key
   * and bit passed one by one instead of `target`, planning 100k rows measured ~10% slower. */
  private cellValue(source: ColumnSource, target: ReportAs, cell: Cell, cells: readonly Cell[], row: number, o: number, mode: CheckMode): string | null {
    const value: ReadOutcome = source.plainText && typeof cell === 'string' && isSolid(cell) && cell.charCodeAt(0) !== 39 ? cell : source.read(cell, cells)
    if (typeof value !== 'string') {
      if (value !== null) {
        this.readFailure([row, o, source, cell], target.key, value)
        this.failed[o] = (this.failed[o] ?? 0) | target.bit
      }
      return null
    }
    const problem = mode === COMPARE || source.check === null || (mode === KEEP && !this.checkKept) ? null : source.check(value)
    if (!problem) return value
    this.valueProblem([row, o, source, cell], target.key, value, problem)
    this.failed[o] = (this.failed[o] ?? 0) | target.bit
    return mode === KEEP ? value : null
  }

  /** Fields with the constants' values and, for each field in `present`, its key (value ''). */
  private template(present: number): OrderDraft['fields'] {
    const known = this.templates.get(present)
    if (known) return known
    const template: OrderDraft['fields'] = {}
    for (const [key, value] of this.compiled.constants) template[key] = value
    const fields = this.compiled.columnFields
    for (let f = 0; f < fields.length; f++) if ((present & (1 << f)) !== 0) template[(fields[f] as ColumnField).key] = ''
    // Through JSON, the keys (in the same order) end up inside the object itself rather than in
    // a separate property store: copies are one allocation instead of two, and 15% smaller.
    const compact = JSON.parse(JSON.stringify(template)) as OrderDraft['fields']
    this.templates.set(present, compact)
    return compact
  }

  addRow(r: number): void {
    const o = this.grouping.orderOf[r] ?? r
    const row = this.table.rowNumbers[r] ?? r + 1
    const cells = this.table.rows[r] ?? []
    const order = this.orders[o]
    if (order === undefined) {
      this.start(o, r, row, cells)
      return
    }
    order.rows.push(row)
    this.readFields(o, r, row, cells, order)
    const goods = this.readGoods(o, row, cells, order.goods.length === 0 ? null : order.goods, true, true)
    if (goods !== null) order.goods = goods
  }

  /** Reads and checks the goods a row gives order o, appending them to `lines`; when there are
   * none yet (null), the array is made with the first line, at its real size (an empty array
   * would reserve room for 17 on the first push). `later`: a later row of the order, which does
   * not add a good made only of constants again. `keep` false: the goods are only read, checked
   * and counted (an order of one row keeps no copy), so no line is made where it can be helped.
   * Returns the lines, or null when there are none, and leaves how many this row gave in
   * lineCount. */
  private readGoods(o: number, row: number, cells: readonly Cell[], lines: GoodLine[] | null, later: boolean, keep: boolean): GoodLine[] | null {
    const goods = this.compiled.goods
    const start = lines === null ? 0 : lines.length
    let position = start
    if (!keep) this.goodNames = null
    for (let g = 0; g < goods.length; g++) {
      const good = goods[g] as CompiledGood
      // A good made only of constants belongs to the order, not to a line: add it once.
      if (later && isConstant(good)) continue
      const name = this.readGood(good.name, cells, row, o, position, 'good_name')
      if (name === null) {
        this.priceWithoutProduct(good, cells, row, o, position)
        continue
      }
      const sum = good.sum ? this.readGood(good.sum, cells, row, o, position, 'good_sum') : null
      if (good.quantity === null && !keep) {
        this.noteGoodName(name, 1)
        position++
        continue
      }
      const line: GoodLine = sum === null ? { good_name: name, row } : { good_name: name, row, good_sum: sum }
      if (good.quantity !== null) {
        const added = this.pushLine(keep ? (lines ??= []) : [], position, line, good, cells, row, o)
        if (!keep) this.noteGoodName(name, added)
        position += added
      } else {
        if (lines === null) lines = [line]
        else lines.push(line)
        position++
      }
    }
    this.lineCount = position - start
    return lines
  }

  /** Adds a row's good to `lines` as its quantity says (GoodMapping.quantity), the first at the
   * order's goods `position` (for messages); returns how many lines were added (0 after reporting
   * a quantity that cannot be used). */
  private pushLine(lines: GoodLine[], position: number, line: GoodLine, good: CompiledGood, cells: readonly Cell[], row: number, o: number): number {
    const quantity = good.quantity
    if (quantity === null) {
      lines.push(line)
      return 1
    }
    const read = readQuantity(cells[quantity.column] ?? null)
    const fail = (key: CatalogKey, params: IssueParams) => {
      this.failed[o] = (this.failed[o] ?? 0) | GOODS_BIT
      this.add(
        quantity.column,
        planIssue({
          severity: 'error',
          code: 'quantity',
          row,
          column: quantity.header,
          field: `goods[${position}][good_name]`,
          order: o + 1,
          key,
          params: { ...cellPlace(row, quantity), ...params }
        })
      )
      return 0
    }
    if (!read.ok) return fail('issue.quantity.whole', { quantity: JSON.stringify(read.text) })
    const count = read.value
    const sum = line.good_sum
    if (quantity.mode === 'multiply') {
      if (sum === undefined || quantity.price === 'line' || count === 1) {
        lines.push(line)
        return 1
      }
      const total = multiplyAmount(sum, count)
      if (total === null) return fail('issue.quantity.decimals', { price: quote(sum), times: count })
      lines.push({ ...line, good_sum: total })
      return 1
    }
    if (count > MAX_REPEAT) return fail('issue.quantity.repeat', { quantity: count, max: MAX_REPEAT })
    const prices = sum !== undefined && quantity.price === 'line' && count > 1 ? splitAmount(sum, count) : null
    if (sum !== undefined && quantity.price === 'line' && count > 1 && prices === null) return fail('issue.quantity.split', { price: quote(sum), times: count })
    for (let i = 0; i < count; i++) lines.push(prices === null ? line : { ...line, good_sum: prices[i]! })
    return count
  }

  /** A good's name or price for this row; null when empty or when it has a problem (reported,
   * under the API key goods[position][part]). */
  private readGood(from: GoodSource, cells: readonly Cell[], row: number, o: number, position: number, part: 'good_name' | 'good_sum'): string | null {
    if (from.kind === 'constant') return from.value
    const source = from.source
    const cell = cells[source.column] ?? null
    if (cell === null || cell === '') return null
    return this.cellValue(source, goodTarget(position, part), cell, cells, row, o, DROP)
  }

  private priceWithoutProduct(good: CompiledGood, cells: readonly Cell[], row: number, o: number, position: number): void {
    if (good.name.kind !== 'column' || good.sum?.kind !== 'column') return
    const priceCell = cells[good.sum.source.column] ?? null
    const price = priceCell === null ? '' : cellToText(priceCell)
    if (price === '') return
    const apiKey = `goods[${position}][good_name]`
    const name = good.name.source
    this.failed[o] = (this.failed[o] ?? 0) | GOODS_BIT
    const priceColumn = good.sum.source
    this.add(
      name.column,
      planIssue({
        severity: 'error',
        code: 'good-without-name',
        row,
        column: name.header,
        field: apiKey,
        order: o + 1,
        key: 'issue.good-without-name',
        params: { ...cellPlace(row, name), field: apiKey, price: quote(price), priceHeader: priceColumn.header, priceCol: priceColumn.column + 1 }
      })
    )
  }

  private readFailure([row, o, source]: At, apiKey: string, failure: ReadFailure): void {
    const code = source.failureCode
    this.add(
      source.column,
      planIssue({
        severity: 'error',
        code,
        row,
        column: source.header,
        field: apiKey,
        order: o + 1,
        key: 'issue.read',
        params: { ...reasonParams(failure), ...cellPlace(row, source), field: apiKey }
      })
    )
  }

  private valueProblem([row, o, source, cell]: At, apiKey: string, value: string, problem: ValueProblem): void {
    const shown = shownText(cell)
    const isTime = problem.code === 'date' || problem.code === 'timer-kill'
    const understood = isTime && /^\d{4,}$/.test(value) && shown !== value
    const params: IssueParams = { ...problem.params, ...cellPlace(row, source), field: apiKey, value: quote(shown), problem: problem.variant }
    this.add(
      source.column,
      planIssue({
        severity: 'error',
        code: problem.code,
        row,
        column: source.header,
        field: apiKey,
        order: o + 1,
        key: 'issue.value',
        params: understood ? { ...params, readAs: readAs(Number(value)) } : params
      })
    )
  }

  private conflict(row: number, o: number, order: OrderDraft, field: ColumnField, current: string, value: string, originIndex: number): void {
    const firstRow = this.table.rowNumbers[originIndex] ?? originIndex + 1
    const params: IssueParams = { ...cellPlace(row, field), field: field.key, current: field.show(current), value: field.show(value), firstRow }
    this.add(
      field.column,
      planIssue({
        severity: 'error',
        code: 'conflict',
        row,
        column: field.header,
        field: field.key,
        order: o + 1,
        ...(order.key === null ? { key: 'issue.conflict', params } : { key: 'issue.conflict.keyed', params: { ...params, number: quote(order.key) } })
      })
    )
  }

  private add(columnIndex: number, issue: Issue): void {
    this.issues.add(issue, columnIndex)
  }
}

function goodKey(position: number, part: 'good_name' | 'good_sum'): string {
  return `goods[${position}][${part}]`
}
const nameTargets: ReportAs[] = []
const sumTargets: ReportAs[] = []

/** Where a problem with a good's name or price is reported, made once per position. */
function goodTarget(position: number, part: 'good_name' | 'good_sum'): ReportAs {
  const targets = part === 'good_name' ? nameTargets : sumTargets
  return (targets[position] ??= { key: goodKey(position, part), bit: GOODS_BIT })
}

/** For each order, its number among the orders of more than one row, or -1. */
function multiRowBlocks(grouping: RowGrouping, rows: number): Int32Array {
  const count = grouping.keys.length
  const seen = new Uint8Array(count)
  const block = new Int32Array(count).fill(-1)
  let blocks = 0
  for (let r = 0; r < rows; r++) {
    const o = grouping.orderOf[r] ?? r
    if (seen[o] === 0) seen[o] = 1
    else if (block[o] === -1) block[o] = blocks++
  }
  return block
}

function isConstant(good: CompiledGood): boolean {
  return good.name.kind === 'constant' && (good.sum === null || good.sum.kind === 'constant')
}

/** Issues of values read again for an order of one row: they were reported when it was planned. */
class DiscardedIssues extends IssueCollector {
  override add(): void {}
}

export function buildOrders(table: SheetTable, compiled: CompiledMapping, grouping: RowGrouping, issues: IssueCollector): BuiltOrders {
  const builder = new OrderBuilder(table, compiled, grouping, issues, true)
  for (let r = 0; r < table.rows.length; r++) builder.addRow(r)
  const { orders, failed, filled, emails, emailHashes } = builder
  for (let o = 0; o < orders.length; o++) {
    const order = orders[o] as PlannedOrder
    if (order instanceof RowOrder) continue
    emails[o] = order.fields.bill_email
    emailHashes[o] = emailHash(order.fields.bill_email ?? '')
  }
  return { orders, failed, filled, emails, emailHashes }
}
