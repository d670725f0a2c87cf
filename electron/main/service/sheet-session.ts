// One loaded sheet in the app: what was read, the mapping, the user's cell edits and excluded
// rows, and the plan made from them. The renderer only ever gets pages of it.
import type { SourceMapResult } from '#shared/mapping/source-map'
import { createOrderQuery } from '#shared/wire/create-order-params'
import type { GridRow, OrderPreview, PlanCounts, ReadOverrides, SessionSummary } from '#shared/ipc/contract'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { Mapping } from '#shared/mapping/mapping'
import type { OrderDraft } from '#shared/plan/order'
import type { ReadResult } from '#shared/sheet/sheet'
import { notFound, ServiceError } from './errors'
import { msg } from '#shared/i18n/message'
import { gridText } from './sheet-text'
import type { SheetPlan } from './sheet-plan'
import { IncrementalPlan, type PlanChange } from './session/incremental-plan'
import { rowIndex, type RowLookup } from './session/row-index'

const RAW_PREVIEW_ROWS = 20
/** How long one slice of background indexing may hold the host's thread. */
const INDEX_SLICE_MS = 12
export const MASKED_HASH = 'hash=•••'

export interface SessionSource {
  name: string
  /** The file as loaded, kept on disk while the session is open (read again from there). */
  path: string
  size: number
  /** sha256 of the bytes, lower-case hex: the run records which file it came from. */
  sha256: string
}

/** What the user changed in a session: kept when the session is parked and read again. */
export interface SessionState {
  edits: ReadonlyMap<number, ReadonlyMap<number, string>>
  excluded: ReadonlySet<number>
}

export interface MappingChoice {
  mapping: Mapping
  auto: SourceMapResult | null
  template: string | null
}

/** The bill of this order created by an earlier run, or null when it was never created.
 * `generation`, when given, changes whenever the answers may have changed (a run created or undo
 * deleted orders, another destination): the count of already created orders is then kept per
 * order and worked out again only for the orders an edit made. */
export type CreatedLookup = ((order: PlannedOrder) => number | null) & { generation?: () => number }

interface CreatedCache {
  generation: number
  /** Per first-row position: 1 when that order is valid and was created before. */
  flags: Uint8Array
  count: number
  /** First-row positions of orders made since the count, not looked up yet. */
  pending: number[]
}

export class SheetSession {
  readonly edits = new Map<number, Map<number, string>>()
  readonly excluded = new Set<number>()
  private planned!: IncrementalPlan
  private rowPosition: RowLookup = rowIndex([])
  private created: CreatedCache | null = null
  private disposed = false
  /** A new plan of the whole sheet (another mapping, read again) starts a new generation; within
   * one, planChanges lists what each re-planning of some rows touched, for figures kept per order
   * (the Products step's check: products.ts). */
  planGeneration = 0
  planChanges: PlanChange[] = []

  constructor(
    readonly id: string,
    readonly source: SessionSource,
    public options: ReadOverrides,
    public read: ReadResult,
    public choice: MappingChoice,
    private readonly now: () => number,
    state?: SessionState
  ) {
    this.indexRows()
    if (state) {
      for (const [row, cells] of state.edits) if (this.rowPosition.has(row)) this.edits.set(row, new Map(cells))
      for (const row of state.excluded) if (this.rowPosition.has(row)) this.excluded.add(row)
    }
    this.replan()
  }

  /** The user's edits and excluded rows, to make the session again from its file. */
  state(): SessionState {
    return { edits: this.edits, excluded: this.excluded }
  }

  get mapping(): Mapping {
    return this.choice.mapping
  }

  /** The whole plan, made from the session's indexes (staging a run needs every order). */
  get plan(): SheetPlan {
    return this.planned.materialize()
  }

  get sheetIssues(): SheetPlan['sheetIssues'] {
    return this.planned.sheetIssues
  }

  /** After reading the file again (other sheet, header row, encoding...): the rows changed, so
   * edits and exclusions made on the old ones no longer apply. */
  replaceRead(read: ReadResult, options: ReadOverrides, choice: MappingChoice): void {
    this.read = read
    this.options = options
    this.choice = choice
    this.edits.clear()
    this.excluded.clear()
    this.indexRows()
    this.replan()
  }

  setMapping(mapping: Mapping): void {
    this.choice = { ...this.choice, mapping }
    this.replan()
  }

  summary(created: CreatedLookup): SessionSummary {
    const { meta, table } = this.read
    const auto = this.choice.auto
    return {
      sessionId: this.id,
      meta,
      headers: table.headers,
      rawPreview: table.rows.slice(0, RAW_PREVIEW_ROWS).map((cells, i) => ({
        row: table.rowNumbers[i] ?? i + 1,
        cells: table.headers.map((_h, c) => gridText(cells[c]))
      })),
      mapping: this.mapping,
      auto: auto ? { matches: auto.matches, ambiguities: auto.ambiguities, unmatchedHeaders: auto.unmatchedHeaders, missingRequired: auto.missingRequired } : null,
      template: this.choice.template,
      source: auto?.source ?? null,
      notes: auto?.notes ?? [],
      counts: this.counts(created),
      sheetIssues: this.planned.sheetIssues
    }
  }

  counts(created: CreatedLookup): PlanCounts {
    const counts = this.planned.counts()
    return {
      rows: this.read.table.rows.length,
      orders: counts.orders,
      validOrders: counts.validOrders,
      errors: counts.errors,
      warnings: counts.warnings,
      excludedRows: this.excluded.size,
      alreadyCreated: this.alreadyCreated(created)
    }
  }

  page(offset: number, limit: number, filter: 'all' | 'problems', created: CreatedLookup): { total: number; rows: GridRow[] } {
    const { rowNumbers } = this.read.table
    if (filter === 'problems') {
      const positions = this.planned.problemPositions(Math.max(0, offset), Math.max(0, limit))
      return { total: this.planned.problemCount, rows: positions.map((p) => this.gridRow(rowNumbers[p] ?? p + 1, created)) }
    }
    const rows = rowNumbers.slice(offset, offset + limit).map((row) => this.gridRow(row, created))
    return { total: rowNumbers.length, rows }
  }

  gridRow(row: number, created: CreatedLookup): GridRow {
    const position = this.rowPosition.get(row)
    if (position === undefined) throw notFound(msg('service.notDataRow', { row, file: this.read.meta.file }))
    const { headers, rows } = this.read.table
    const cells = rows[position] ?? []
    const edits = this.edits.get(row)
    const orderIndex = this.planned.orderIndexAt(position)
    const order = this.planned.storedOrderAt(position)
    return {
      row,
      order: orderIndex,
      cells: headers.map((_h, c) => edits?.get(c) ?? gridText(cells[c])),
      issues: this.planned.issuesAt(position),
      excluded: this.excluded.has(row),
      edited: edits !== undefined,
      alreadyCreated: order && order.errors === 0 ? created(order) : null
    }
  }

  /** Sets one cell; the value read from the file is restored when the user types it back. */
  edit(row: number, column: number, value: string): void {
    const position = this.rowPosition.get(row)
    if (position === undefined) throw notFound(msg('service.notDataRowReload', { row, file: this.read.meta.file }))
    const { headers, rows } = this.read.table
    if (column >= headers.length) {
      throw new ServiceError('invalid-input', msg('service.noColumnToChange', { file: this.read.meta.file, count: headers.length, number: column + 1 }))
    }
    const original = gridText(rows[position]?.[column])
    const cells = this.edits.get(row) ?? new Map<number, string>()
    if (value === original) cells.delete(column)
    else cells.set(column, value)
    if (cells.size === 0) this.edits.delete(row)
    else this.edits.set(row, cells)
    this.replanRows([position])
  }

  exclude(rows: readonly number[], excluded: boolean): void {
    const unknown = rows.find((row) => !this.rowPosition.has(row))
    if (unknown !== undefined) throw notFound(msg('service.notDataRowUnchanged', { row: unknown, file: this.read.meta.file }))
    const changed: number[] = []
    for (const row of rows) {
      if (this.excluded.has(row) === excluded) continue
      if (excluded) this.excluded.add(row)
      else this.excluded.delete(row)
      changed.push(this.rowPosition.get(row) as number)
    }
    if (changed.length > 0) this.replanRows(changed)
  }

  preview(orderIndex: number): OrderPreview {
    const order = this.planned.order(orderIndex)
    if (!order) {
      throw notFound(msg('service.noOrderInFile', { index: orderIndex, file: this.read.meta.file, count: this.planned.counts().orders }))
    }
    const query = createOrderQuery(order)
    return {
      order: draftOf(order),
      issues: [...this.planned.sheetIssues, ...this.planned.issuesOfOrder(orderIndex)],
      body: query === '' ? MASKED_HASH : `${query}&${MASKED_HASH}`
    }
  }

  /** The orders a run would send now: valid, not excluded, not created before. */
  sendable(created: CreatedLookup): { orders: PlannedOrder[]; alreadyCreated: number } {
    const orders: PlannedOrder[] = []
    let alreadyCreated = 0
    for (const order of this.planned.allOrders()) {
      if (order.errors > 0) continue
      if (created(order) !== null) alreadyCreated++
      else orders.push(order)
    }
    return { orders, alreadyCreated }
  }

  // ---- the plan by position, for figures kept per order (products.ts) ----------------------

  /** Rows of the sheet (positions 0..size-1). */
  get size(): number {
    return this.read.table.rows.length
  }

  /** Every order as planned (its index possibly stale), with its first row's position. */
  storedOrders(): Generator<[number, PlannedOrder]> {
    return this.planned.storedOrders()
  }

  /** The order whose first row is at this position (its index possibly stale), or null. */
  orderFirstAt(position: number): PlannedOrder | null {
    return this.planned.firstPositionOf(position) === position ? this.planned.storedOrderAt(position) : null
  }

  /** The current 1-based index of the order of the row at this position (null: excluded). */
  orderIndexAt(position: number): number | null {
    return this.planned.orderIndexAt(position)
  }

  /** The first-row position of the order with this index, or -1. */
  firstOfOrder(index: number): number {
    return this.planned.firstOfOrder(index)
  }

  positionOf(row: number): number | undefined {
    return this.rowPosition.get(row)
  }

  rowAt(position: number): number {
    return this.read.table.rowNumbers[position] ?? position + 1
  }

  problemsTo(position: number): number {
    return this.planned.problemsTo(position)
  }

  hasProblemAt(position: number): boolean {
    return this.planned.hasProblemAt(position)
  }

  nextProblem(from: number): number {
    return this.planned.nextProblem(from)
  }

  get problemCount(): number {
    return this.planned.problemCount
  }

  private indexRows(): void {
    this.rowPosition = rowIndex(this.read.table.rowNumbers)
  }

  /** The whole sheet planned again (read again, or another mapping). */
  private replan(): void {
    this.planGeneration++
    this.planChanges = []
    const source = { table: this.read.table, edits: this.edits, excluded: this.excluded, rowPosition: this.rowPosition }
    this.planned = new IncrementalPlan(source, this.mapping, this.now(), this.choice.auto?.notes)
    this.created = null
    this.indexInBackground()
  }

  /** Stops the work done for this session in the background (it was closed). */
  dispose(): void {
    this.disposed = true
  }

  /** The plan's indexes of addresses and order numbers, made in slices while the user looks at
   * the Map step, so the first edit does not wait for a pass over the whole sheet. */
  private indexInBackground(): void {
    const plan = this.planned
    const step = (): void => {
      if (this.disposed || this.planned !== plan || plan.indexSome(INDEX_SLICE_MS)) return
      setImmediate(step)
    }
    setImmediate(step)
  }

  /** Only the rows these changed rows can affect planned again. */
  private replanRows(positions: readonly number[]): void {
    const change = this.planned.update(positions)
    this.planChanges.push(change)
    const cache = this.created
    if (cache === null) return
    for (const first of change.removed) {
      if (cache.flags[first] === 1) {
        cache.flags[first] = 0
        cache.count--
      }
    }
    cache.pending.push(...change.added)
  }

  /** Valid orders an earlier run created, kept per order while the lookup's generation holds. */
  private alreadyCreated(created: CreatedLookup): number {
    const generation = created.generation?.()
    if (generation === undefined) {
      let count = 0
      for (const [, order] of this.planned.storedOrders()) if (order.errors === 0 && created(order) !== null) count++
      return count
    }
    let cache = this.created
    if (cache === null || cache.generation !== generation) {
      cache = { generation, flags: new Uint8Array(this.read.table.rows.length), count: 0, pending: [] }
      for (const [first, order] of this.planned.storedOrders()) {
        if (order.errors === 0 && created(order) !== null) {
          cache.flags[first] = 1
          cache.count++
        }
      }
      this.created = cache
      return cache.count
    }
    for (const first of cache.pending) {
      if (cache.flags[first] === 1) continue
      const order = this.planned.storedOrderAt(first)
      if (order === null || this.planned.firstPositionOf(first) !== first) continue
      if (order.errors === 0 && created(order) !== null) {
        cache.flags[first] = 1
        cache.count++
      }
    }
    cache.pending = []
    return cache.count
  }
}

export function draftOf(order: PlannedOrder): OrderDraft {
  return { index: order.index, key: order.key, rows: order.rows, fields: order.fields, goods: order.goods }
}
