// An order made of one sheet row, whose values are read from that row only when something asks
// for them. Planning reads and checks every cell anyway, but most orders of a big sheet are only
// counted (preview, review, a dry run's totals): keeping five objects of copied values per order
// would cost more than all the checks, and it would double the memory a loaded sheet takes. The
// table is never changed after it is read (edits go to copies), so the values read later are
// the values that were checked.
import type { OrderDraft, PlannedOrder } from './order'

type OrderValues = Pick<OrderDraft, 'fields' | 'goods'>

/** What planning noted of an order of one row while it read its values, for the checks that need
 * no more than this (the delivery rule without a catalog, the Products step's lines), so they
 * need not read every order's values again: the delivery fields it has (deliveryFilled() in
 * shared/shop/delivery-rule.ts) and its goods' names, in order (one line per good line sent: a
 * quantity that repeats a line repeats its name). */
export interface PlannedReading {
  deliveryFilled: number
  /** One name, several, or none. */
  goodNames: string | readonly string[] | null
}

/** Reads order o's values from table row r (sheet row `row`), exactly as planning read them. */
export interface RowReader {
  orderValues(o: number, r: number, row: number): OrderValues
}

export class RowOrder implements PlannedOrder {
  fingerprint: string | null = null
  // Set after planning when they apply (order-status-plan.ts); `declare` adds no own property.
  declare status?: PlannedOrder['status']
  declare backlogNoCancel?: true
  errors = 0
  warnings = 0
  // #private, so JSON, spreads and test equality see only data (toJSON gives the whole order).
  readonly #reader: RowReader
  readonly #r: number
  readonly #row: number
  #rows: number[] | null = null
  #values: OrderValues | null = null
  readonly #delivery: number
  readonly #names: string | readonly string[] | null

  constructor(
    reader: RowReader,
    readonly index: number,
    readonly key: string | null,
    r: number,
    row: number,
    /** PlannedReading's, or -1 when planning noted nothing. */
    deliveryFilled = -1,
    goodNames: string | readonly string[] | null = null
  ) {
    this.#reader = reader
    this.#r = r
    this.#row = row
    this.#delivery = deliveryFilled
    this.#names = goodNames
  }

  /** What planning noted of the order's values (see PlannedReading); null when it noted nothing
   * or the order has kept (and may have changed) its values since. */
  planned(): PlannedReading | null {
    if (this.#delivery < 0 || this.#values !== null) return null
    return { deliveryFilled: this.#delivery, goodNames: this.#names }
  }

  /** planned()'s deliveryFilled without making an object: -1 when planned() is null. */
  plannedDelivery(): number {
    return this.#values === null ? this.#delivery : -1
  }

  get rows(): number[] {
    this.#rows ??= [this.#row]
    return this.#rows
  }

  set rows(rows: number[]) {
    this.#rows = rows
  }

  get fields(): OrderDraft['fields'] {
    return this.values().fields
  }

  set fields(fields: OrderDraft['fields']) {
    this.values().fields = fields
  }

  get goods(): OrderDraft['goods'] {
    return this.values().goods
  }

  set goods(goods: OrderDraft['goods']) {
    this.values().goods = goods
  }

  /** The order's values, read from its row without keeping them on the order (unless something
   * kept them already): for one pass over every order of a big sheet, such as a dry run, which
   * would otherwise hold a copy of every value until the plan is dropped. */
  readValues(): OrderValues {
    return this.#values ?? this.#reader.orderValues(this.index - 1, this.#r, this.#row)
  }

  /** The order's sheet rows without keeping a new array on the order (see readValues): writing
   * one into each of 500k planned orders, long since in the old generation, made every young
   * collection of a dry run walk and promote them. */
  readRows(): readonly number[] {
    return this.#rows ?? [this.#row]
  }

  toJSON(): PlannedOrder {
    const { index, key, rows, fields, goods, fingerprint, errors, warnings } = this
    const json: PlannedOrder = { index, key, rows, fields, goods, fingerprint, errors, warnings }
    // Set on the order after planning (order-status-plan.ts), when they apply.
    const { status, backlogNoCancel } = this
    if (status !== undefined) json.status = status
    if (backlogNoCancel !== undefined) json.backlogNoCancel = backlogNoCancel
    return json
  }

  private values(): OrderValues {
    this.#values ??= this.#reader.orderValues(this.index - 1, this.#r, this.#row)
    return this.#values
  }
}
