// One loaded sheet in the app: what was read, the mapping, the user's cell edits and excluded
// rows, and the plan made from them. The renderer only ever gets pages of it.
import type { AutoMapResult } from '#shared/mapping/auto-map'
import { createOrderQuery } from '#shared/wire/create-order-params'
import type { GridRow, OrderPreview, PlanCounts, ReadOverrides, SessionSummary } from '#shared/ipc/contract'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { Mapping } from '#shared/mapping/mapping'
import type { OrderDraft } from '#shared/plan/order'
import type { ReadResult } from '#shared/sheet/sheet'
import { notFound, ServiceError } from './errors'
import { gridText } from './sheet-text'
import { planSheet, type SheetPlan } from './sheet-plan'

const RAW_PREVIEW_ROWS = 20
export const MASKED_HASH = 'hash=•••'

export interface SessionSource {
  name: string
  bytes: Uint8Array
  /** sha256 of the bytes, lower-case hex: the run records which file it came from. */
  sha256: string
}

export interface MappingChoice {
  mapping: Mapping
  auto: AutoMapResult | null
  template: string | null
}

/** The bill of this order created by an earlier run, or null when it was never created. */
export type CreatedLookup = (order: PlannedOrder) => number | null

export class SheetSession {
  readonly edits = new Map<number, Map<number, string>>()
  readonly excluded = new Set<number>()
  private planned!: SheetPlan
  private problemRows: number[] = []
  private rowPosition = new Map<number, number>()

  constructor(
    readonly id: string,
    readonly source: SessionSource,
    public options: ReadOverrides,
    public read: ReadResult,
    public choice: MappingChoice,
    private readonly now: () => number
  ) {
    this.indexRows()
    this.replan()
  }

  get mapping(): Mapping {
    return this.choice.mapping
  }

  get plan(): SheetPlan {
    return this.planned
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
      counts: this.counts(created),
      sheetIssues: this.planned.sheetIssues
    }
  }

  counts(created: CreatedLookup): PlanCounts {
    const { counts, orders } = this.planned.plan
    let alreadyCreated = 0
    for (const order of orders) if (order.errors === 0 && created(order) !== null) alreadyCreated++
    return {
      rows: this.read.table.rows.length,
      orders: counts.orders,
      validOrders: counts.validOrders,
      errors: counts.errors,
      warnings: counts.warnings,
      excludedRows: this.excluded.size,
      alreadyCreated
    }
  }

  page(offset: number, limit: number, filter: 'all' | 'problems', created: CreatedLookup): { total: number; rows: GridRow[] } {
    const { rowNumbers } = this.read.table
    const source = filter === 'problems' ? this.problemRows : rowNumbers
    const rows = source.slice(offset, offset + limit).map((row) => this.gridRow(row, created))
    return { total: source.length, rows }
  }

  gridRow(row: number, created: CreatedLookup): GridRow {
    const position = this.rowPosition.get(row)
    if (position === undefined) throw notFound(`Row ${row} is not a data row of ${this.read.meta.file}.`)
    const { headers, rows } = this.read.table
    const cells = rows[position] ?? []
    const edits = this.edits.get(row)
    const orderIndex = this.planned.orderOfRow.get(row) ?? null
    const order = orderIndex === null ? undefined : this.planned.plan.orders[orderIndex - 1]
    return {
      row,
      order: orderIndex,
      cells: headers.map((_h, c) => edits?.get(c) ?? gridText(cells[c])),
      issues: this.planned.issuesOfRow.get(row) ?? [],
      excluded: this.excluded.has(row),
      edited: edits !== undefined,
      alreadyCreated: order && order.errors === 0 ? created(order) : null
    }
  }

  /** Sets one cell; the value read from the file is restored when the user types it back. */
  edit(row: number, column: number, value: string): void {
    const position = this.rowPosition.get(row)
    if (position === undefined) throw notFound(`Row ${row} is not a data row of ${this.read.meta.file}; reload the rows and try again.`)
    const { headers, rows } = this.read.table
    if (column >= headers.length) {
      throw new ServiceError('invalid-input', `${this.read.meta.file} has ${headers.length} columns; there is no column number ${column + 1} to change.`)
    }
    const original = gridText(rows[position]?.[column])
    const cells = this.edits.get(row) ?? new Map<number, string>()
    if (value === original) cells.delete(column)
    else cells.set(column, value)
    if (cells.size === 0) this.edits.delete(row)
    else this.edits.set(row, cells)
    this.replan()
  }

  exclude(rows: readonly number[], excluded: boolean): void {
    const unknown = rows.find((row) => !this.rowPosition.has(row))
    if (unknown !== undefined) throw notFound(`Row ${unknown} is not a data row of ${this.read.meta.file}; nothing was changed.`)
    for (const row of rows) {
      if (excluded) this.excluded.add(row)
      else this.excluded.delete(row)
    }
    this.replan()
  }

  preview(orderIndex: number): OrderPreview {
    const order = this.planned.plan.orders[orderIndex - 1]
    if (!order) {
      throw notFound(`There is no order ${orderIndex} in ${this.read.meta.file}: it has ${this.planned.plan.orders.length} order(s) with this mapping.`)
    }
    const query = createOrderQuery(order)
    return {
      order: draftOf(order),
      issues: [...this.planned.sheetIssues, ...this.planned.plan.issues.filter((i) => i.order === orderIndex)],
      body: query === '' ? MASKED_HASH : `${query}&${MASKED_HASH}`
    }
  }

  /** The orders a run would send now: valid, not excluded, not created before. */
  sendable(created: CreatedLookup): { orders: PlannedOrder[]; alreadyCreated: number } {
    const orders: PlannedOrder[] = []
    let alreadyCreated = 0
    for (const order of this.planned.plan.orders) {
      if (order.errors > 0) continue
      if (created(order) !== null) alreadyCreated++
      else orders.push(order)
    }
    return { orders, alreadyCreated }
  }

  private indexRows(): void {
    this.rowPosition = new Map(this.read.table.rowNumbers.map((row, i) => [row, i]))
  }

  private replan(): void {
    this.planned = planSheet(this.read.table, this.mapping, this.edits, this.excluded, this.now())
    const { issuesOfRow } = this.planned
    this.problemRows = this.read.table.rowNumbers.filter((row) => issuesOfRow.has(row))
  }
}

export function draftOf(order: PlannedOrder): OrderDraft {
  return { index: order.index, key: order.key, rows: order.rows, fields: order.fields, goods: order.goods }
}
