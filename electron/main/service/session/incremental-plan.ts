// The plan of an open sheet, kept up to date edit by edit. A full plan is made when the sheet is
// read or its mapping changes; after that a cell edit or an exclusion plans again only the rows
// it can affect, through the same planImport as the full plan:
// - the order the changed row was in, with every row of that order (its group);
// - the orders with the same e-mail address as any of those, before or after the change (the
//   search for repeated orders compares only orders that share an address, and the fingerprint
//   holds the address);
// - the order whose number (group-by value) a changed row now has.
// The set grows until planning it names no address and no order number of an order outside it,
// so what is planned again is closed: planning it alone gives exactly what the full plan gives
// for those rows. Order indexes are not stored: an order's index is the number of orders that
// start at or before its first row (a Fenwick tree over row positions), so an order added or
// removed near the top renumbers the rest without touching them. Totals rows (left out, with one
// warning naming them all) are tracked by position and their warning made again when they change.
import { planImport, type ImportPlan, type PlannedOrder } from '#shared/plan/import-plan'
import { withStatus } from '#shared/plan/order'
import type { Issue } from '#shared/plan/issue'
import { issueText } from '#shared/plan/issue-text'
import { translatorFor } from '#shared/i18n/translate'
import type { Mapping } from '#shared/mapping/mapping'
import type { Cell, SheetTable } from '#shared/sheet/sheet'
import type { Note } from '#shared/presets/notes'
import { emailHash } from '#shared/plan/same-email'
import { applyEdits, planSheetOnly, type Edits, type SheetPlan } from '../sheet-plan'
import { Fenwick, MultiIndex } from './fenwick'
import type { RowLookup } from './row-index'

/** Where the plan reads the sheet from; the session owns and changes these. */
export interface PlanSource {
  table: SheetTable
  edits: Edits
  /** Excluded sheet rows. */
  excluded: ReadonlySet<number>
  /** Sheet row -> position in table.rows. */
  rowPosition: RowLookup
}

/** orderAt value of an excluded row (not planned). */
const EXCLUDED = -1
/** orderAt value of a totals row (planned, left out of every order). */
const TOTALS = -2

export interface IncrementalCounts {
  /** Rows planned (not excluded, not totals rows). */
  rows: number
  orders: number
  validOrders: number
  errors: number
  warnings: number
}

/** What planning the rows again touched, for the callers that keep figures per order. */
export interface PlanChange {
  /** First-row positions of the orders that are gone (their objects are stale). */
  removed: number[]
  /** First-row positions of the orders made anew. */
  added: number[]
}

export class IncrementalPlan {
  private readonly size: number
  /** Per row position: the position of its order's first row, or EXCLUDED / TOTALS. */
  private readonly orderAt: Int32Array
  /** Per first-row position: the order as planned (its `index` is from the plan that made it). */
  private readonly orders: Array<PlannedOrder | undefined>
  /** Marks the first-row positions: the order index of a row is firsts.countTo(its first row). */
  private readonly firsts: Fenwick
  /** Marks the rows that have issues (the Review grid's "problems" filter). */
  private problems: Fenwick
  /** Per row position: its issues, in the plan's order. */
  private readonly rowIssues = new Map<number, Issue[]>()
  /** Per first-row position: the order's own issues, in the plan's order. */
  private readonly orderIssues = new Map<number, Issue[]>()
  /** Order numbers (group-by values) and emailHash of each order's address -> first-row
   * positions. Both are made after the full plan, a slice at a time (indexSome), or at once by
   * the first update that needs them. */
  private keys: MultiIndex<string> | null = null
  private emails: MultiIndex<number> | null = null
  private indexing: { keys: MultiIndex<string>; emails: MultiIndex<number>; next: number } | null = null
  /** Per first-row position: emailHash of the order's address (valid while `emails` is made). */
  private readonly emailHashAt: Uint32Array
  /** Positions of the totals rows, and the issues about them (one warning naming them all). */
  private readonly totals = new Set<number>()
  private totalsIssues: Issue[] = []
  /** Issues about the whole sheet or mapping (no row, no order); they do not change on edits. */
  readonly sheetIssues: Issue[]
  private readonly sheetErrors: number
  private readonly sheetWarnings: number
  private orderCount = 0
  /** Rows the last update planned again (for tests and the bench). */
  lastPlannedRows = 0
  private validCount = 0
  private errorCount = 0
  private warningCount = 0

  constructor(
    private readonly source: PlanSource,
    private readonly mapping: Mapping,
    /** The moment dates are judged against, the same for every part planned again. */
    readonly now: number,
    notes: readonly Note[] = []
  ) {
    const { table, edits, excluded } = source
    this.size = table.rows.length
    this.orderAt = new Int32Array(this.size).fill(EXCLUDED)
    // Pushed one by one so the array stays a plain (not a dictionary) array at any size.
    this.orders = []
    for (let p = 0; p < this.size; p++) this.orders.push(undefined)
    this.firsts = new Fenwick(this.size)
    this.problems = new Fenwick(this.size)
    this.emailHashAt = new Uint32Array(this.size)
    const full = planSheetOnly(table, mapping, edits, excluded, now, notes)
    this.sheetIssues = full.sheetIssues
    let errors = 0
    let warnings = 0
    for (const issue of full.sheetIssues) {
      if (issue.severity === 'error') errors++
      else warnings++
    }
    this.sheetErrors = errors
    this.sheetWarnings = warnings
    const positions = full.table.rowNumbers.map((row) => this.position(row))
    this.ingest(full.plan, positions, true)
    const firstMarks = new Uint8Array(this.size)
    for (let p = 0; p < this.size; p++) if (this.orderAt[p] === p) firstMarks[p] = 1
    this.firsts = Fenwick.from(firstMarks)
    const problemMarks = new Uint8Array(this.size)
    for (const position of this.rowIssues.keys()) problemMarks[position] = 1
    this.problems = Fenwick.from(problemMarks)
  }

  // ---- reading --------------------------------------------------------------------------

  counts(): IncrementalCounts {
    let totalsErrors = 0
    for (const issue of this.totalsIssues) if (issue.severity === 'error') totalsErrors++
    return {
      rows: this.size - this.source.excluded.size - this.totals.size,
      orders: this.orderCount,
      validOrders: this.validCount,
      errors: this.sheetErrors + totalsErrors + this.errorCount,
      warnings: this.sheetWarnings + this.totalsIssues.length - totalsErrors + this.warningCount
    }
  }

  /** The 1-based order index of the row at this position; 0 for a totals row, null when excluded. */
  orderIndexAt(position: number): number | null {
    const first = this.orderAt[position] as number
    if (first === EXCLUDED) return null
    if (first === TOTALS) return 0
    return this.firsts.countTo(first)
  }

  /** The order the row at this position belongs to, as planned (index possibly stale), or null. */
  storedOrderAt(position: number): PlannedOrder | null {
    const first = this.orderAt[position] as number
    return first < 0 ? null : (this.orders[first] ?? null)
  }

  /** The first-row position of the order of the row at this position, or a negative number
   * for an excluded or totals row. */
  firstPositionOf(position: number): number {
    return this.orderAt[position] as number
  }

  /** The order with this 1-based index, with that index. */
  order(index: number): PlannedOrder | null {
    const first = this.firsts.select(index)
    if (first < 0) return null
    return withIndex(this.orders[first] as PlannedOrder, index)
  }

  /** The order's own issues, with its index. */
  issuesOfOrder(index: number): Issue[] {
    const first = this.firsts.select(index)
    if (first < 0) return []
    return (this.orderIssues.get(first) ?? []).map((issue) => reindexed(issue, index))
  }

  /** The issues shown on the row at this position. */
  issuesAt(position: number): Issue[] {
    const list = this.rowIssues.get(position)
    if (!list) return []
    const first = this.orderAt[position] as number
    if (first < 0) return list
    const index = this.firsts.countTo(first)
    return list.map((issue) => reindexed(issue, index))
  }

  get problemCount(): number {
    return this.problems.total
  }

  /** Problem rows at positions 0..position. */
  problemsTo(position: number): number {
    return this.problems.countTo(position)
  }

  hasProblemAt(position: number): boolean {
    return this.problems.has(position)
  }

  /** The first problem row at or after this position, or -1. */
  nextProblem(from: number): number {
    return this.problems.next(from)
  }

  /** The first-row position of the order with this 1-based index, or -1. */
  firstOfOrder(index: number): number {
    return this.firsts.select(index)
  }

  /** Positions of the problem rows from the offset-th (0-based), at most `limit`. */
  problemPositions(offset: number, limit: number): number[] {
    const result: number[] = []
    let at = this.problems.select(offset + 1)
    while (at >= 0 && result.length < limit) {
      result.push(at)
      at = this.problems.next(at + 1)
    }
    return result
  }

  /** Every order in file order, with its index (the stored object when its index still holds). */
  *allOrders(): Generator<PlannedOrder> {
    let index = 0
    for (let p = 0; p < this.size; p++) {
      if (this.orderAt[p] !== p) continue
      index++
      yield withIndex(this.orders[p] as PlannedOrder, index)
    }
  }

  /** Every order as planned (for figures that do not depend on the index), by first-row position. */
  *storedOrders(): Generator<[number, PlannedOrder]> {
    for (let p = 0; p < this.size; p++) if (this.orderAt[p] === p) yield [p, this.orders[p] as PlannedOrder]
  }

  /** The whole plan as planSheet makes it (for staging a run, and for tests). */
  materialize(): SheetPlan {
    const { table, edits, excluded } = this.source
    const rows: Cell[][] = []
    const rowNumbers: number[] = []
    const orderOf: number[] = []
    const orderOfRow = new Map<number, number>()
    const issuesOfRow = new Map<number, Issue[]>()
    const issues: Issue[] = [...this.sheetIssues]
    for (let p = 0; p < this.size; p++) {
      const row = table.rowNumbers[p] ?? p + 1
      if (excluded.has(row)) continue
      const changed = edits.get(row)
      const cells = table.rows[p] ?? []
      rows.push(changed ? applyEdits(cells, changed) : cells)
      rowNumbers.push(row)
      const index = this.orderIndexAt(p) ?? 0
      orderOf.push(index)
      orderOfRow.set(row, index)
      const list = this.issuesAt(p)
      if (list.length > 0) {
        issuesOfRow.set(row, list)
        issues.push(...list)
      }
    }
    const orders = [...this.allOrders()]
    const counts = this.counts()
    const plan: ImportPlan = {
      orders,
      orderOfRow: Int32Array.from(orderOf),
      issues,
      counts: { rows: counts.rows, orders: counts.orders, validOrders: counts.validOrders, errors: counts.errors, warnings: counts.warnings }
    }
    return { table: { ...table, rows, rowNumbers }, plan, orderOfRow, issuesOfRow, sheetIssues: this.sheetIssues }
  }

  // ---- changing -------------------------------------------------------------------------

  /** Plans again after the rows at these positions changed (edited, excluded or included). */
  update(changed: readonly number[]): PlanChange {
    while (!this.indexSome(Infinity));
    const emails = this.emails as MultiIndex<number>
    const keys = this.keys as MultiIndex<string>
    const group = new Set<number>()
    // Each address's orders are taken in once: orders without an address all share one, and a
    // sheet may have many of them.
    const expanded = new Set<number>()
    const add = (first: number): void => {
      const stack = [first]
      while (stack.length > 0) {
        const f = stack.pop() as number
        if (group.has(f)) continue
        group.add(f)
        const hash = this.emailHashAt[f] as number
        if (expanded.has(hash)) continue
        expanded.add(hash)
        for (const other of emails.get(hash)) if (!group.has(other)) stack.push(other)
      }
    }
    for (const position of changed) {
      const first = this.orderAt[position] as number
      if (first >= 0) add(first)
    }
    for (;;) {
      const positions = this.positionsOf(group, changed)
      const plan = positions.length === 0 ? null : planImport(this.subTable(positions), this.mapping, { now: this.now })
      let grew = false
      for (const order of plan?.orders ?? []) {
        const hash = emailHashOf(order)
        if (!expanded.has(hash)) {
          for (const other of emails.get(hash)) {
            if (!group.has(other)) {
              add(other)
              grew = true
            }
          }
        }
        if (order.key === null) continue
        for (const other of keys.get(order.key)) {
          if (!group.has(other)) {
            add(other)
            grew = true
          }
        }
      }
      if (grew) continue
      this.lastPlannedRows = positions.length
      return this.commit(group, changed, positions, plan)
    }
  }

  private commit(group: ReadonlySet<number>, changed: readonly number[], positions: readonly number[], plan: ImportPlan | null): PlanChange {
    const removed = [...group]
    for (const first of removed) this.remove(first)
    let totalsChanged = false
    for (const position of changed) {
      if (this.totals.delete(position)) totalsChanged = true
      this.orderAt[position] = EXCLUDED
      this.setRowIssues(position, null)
    }
    const added = plan === null ? [] : this.ingest(plan, positions, false)
    for (const position of positions) {
      if (this.orderAt[position] === TOTALS && !this.totals.has(position)) {
        this.totals.add(position)
        totalsChanged = true
      }
    }
    if (totalsChanged) this.planTotals()
    return { removed, added }
  }

  /** Takes a plan of the rows at `positions` (in that order) into the indexes; returns the
   * first-row positions of its orders. */
  private ingest(plan: ImportPlan, positions: readonly number[], initial: boolean): number[] {
    const firstOf = new Int32Array(plan.orders.length).fill(-1)
    for (let r = 0; r < positions.length; r++) {
      const position = positions[r] as number
      const o = plan.orderOfRow[r] ?? 0
      if (o === 0) {
        this.orderAt[position] = TOTALS
        if (initial) this.totals.add(position)
        continue
      }
      if ((firstOf[o - 1] as number) < 0) firstOf[o - 1] = position
      this.orderAt[position] = firstOf[o - 1] as number
    }
    const firsts: number[] = []
    for (let o = 0; o < plan.orders.length; o++) {
      const order = plan.orders[o] as PlannedOrder
      const first = firstOf[o] as number
      firsts.push(first)
      this.orders[first] = order
      if (!initial) this.firsts.set(first, true)
      this.orderCount++
      if (order.errors === 0) this.validCount++
      if (this.keys !== null && order.key !== null) this.keys.add(order.key, first)
      if (this.emails !== null) {
        const hash = emailHashOf(order)
        this.emailHashAt[first] = hash
        this.emails.add(hash, first)
      }
    }
    const byRow = new Map<number, Issue[]>()
    for (const issue of plan.issues) {
      if (issue.order === null) {
        // Sheet-wide issues are the full plan's; the totals warning is made for all totals rows.
        if (issue.row !== null && initial) this.totalsIssues.push(issue)
        continue
      }
      const first = firstOf[issue.order - 1] as number
      const own = this.orderIssues.get(first)
      if (own) own.push(issue)
      else this.orderIssues.set(first, [issue])
      if (issue.severity === 'error') this.errorCount++
      else this.warningCount++
      const row = issue.row ?? plan.orders[issue.order - 1]?.rows[0]
      if (row === undefined) continue
      const list = byRow.get(row)
      if (list) list.push(issue)
      else byRow.set(row, [issue])
    }
    if (initial) {
      for (const issue of this.totalsIssues) {
        const row = issue.row as number
        byRow.set(row, [...(byRow.get(row) ?? []), issue])
      }
    }
    for (const [row, list] of byRow) this.setRowIssues(this.position(row), list, initial)
    return firsts
  }

  private remove(first: number): void {
    const order = this.orders[first]
    if (!order) return
    for (const row of order.rows) {
      const position = this.position(row)
      this.orderAt[position] = EXCLUDED
      this.setRowIssues(position, null)
    }
    const own = this.orderIssues.get(first) ?? []
    for (const issue of own) {
      if (issue.severity === 'error') this.errorCount--
      else this.warningCount--
    }
    this.orderIssues.delete(first)
    this.firsts.set(first, false)
    this.orderCount--
    if (order.errors === 0) this.validCount--
    if (this.keys !== null && order.key !== null) this.keys.remove(order.key, first)
    if (this.emails !== null) this.emails.remove(this.emailHashAt[first] as number, first)
    this.orders[first] = undefined
  }

  /** The warning about the totals rows, made again by planning only those rows. */
  private planTotals(): void {
    for (const issue of this.totalsIssues) if (issue.row !== null) this.setRowIssues(this.position(issue.row), null)
    this.totalsIssues = []
    if (this.totals.size === 0) return
    const positions = [...this.totals].sort((a, b) => a - b)
    const plan = planImport(this.subTable(positions), this.mapping, { now: this.now })
    this.totalsIssues = plan.issues.filter((issue) => issue.order === null && issue.row !== null)
    for (const issue of this.totalsIssues) {
      const position = this.position(issue.row as number)
      this.setRowIssues(position, [...(this.rowIssues.get(position) ?? []), issue])
    }
  }

  private setRowIssues(position: number, list: Issue[] | null, initial = false): void {
    if (list === null || list.length === 0) this.rowIssues.delete(position)
    else this.rowIssues.set(position, list)
    if (!initial) this.problems.set(position, list !== null && list.length > 0)
  }

  /** The rows of these orders and the changed rows still planned, in sheet order. */
  private positionsOf(group: ReadonlySet<number>, changed: readonly number[]): number[] {
    const set = new Set<number>()
    const { excluded } = this.source
    for (const first of group) for (const row of (this.orders[first] as PlannedOrder).rows) if (!excluded.has(row)) set.add(this.position(row))
    const { rowNumbers } = this.source.table
    for (const position of changed) if (!excluded.has(rowNumbers[position] ?? position + 1)) set.add(position)
    return [...set].sort((a, b) => a - b)
  }

  /** The rows at these positions, with the user's edits, as a table of their own. */
  private subTable(positions: readonly number[]): SheetTable {
    const { table, edits } = this.source
    const rows: Cell[][] = []
    const rowNumbers: number[] = []
    for (const position of positions) {
      const row = table.rowNumbers[position] ?? position + 1
      const changed = edits.get(row)
      const cells = table.rows[position] ?? []
      rows.push(changed ? applyEdits(cells, changed) : cells)
      rowNumbers.push(row)
    }
    return { ...table, rows, rowNumbers }
  }

  /** Whether the indexes of order numbers and addresses are made. */
  get indexed(): boolean {
    return this.emails !== null
  }

  /** Makes the indexes of order numbers and addresses for about `budgetMs` more (reading every
   * order's address is a pass over the whole sheet, which only editing needs, so the session
   * does it in slices after loading); true when they are complete. */
  indexSome(budgetMs: number): boolean {
    if (this.emails !== null) return true
    this.indexing ??= { keys: new MultiIndex<string>(), emails: new MultiIndex<number>(), next: 0 }
    const work = this.indexing
    const started = performance.now()
    while (work.next < this.size) {
      const end = Math.min(this.size, work.next + 2048)
      for (let p = work.next; p < end; p++) {
        if (this.orderAt[p] !== p) continue
        const order = this.orders[p] as PlannedOrder
        const hash = emailHashOf(order)
        this.emailHashAt[p] = hash
        work.emails.add(hash, p)
        if (order.key !== null) work.keys.add(order.key, p)
      }
      work.next = end
      if (performance.now() - started >= budgetMs) break
    }
    if (work.next < this.size) return false
    this.keys = work.keys
    this.emails = work.emails
    this.indexing = null
    return true
  }

  private position(row: number): number {
    const position = this.source.rowPosition.get(row)
    if (position === undefined) throw new Error(`row ${row} is not a row of the sheet`)
    return position
  }
}

/** emailHash of the address the order would send (read without keeping a one-row order's values). */
function emailHashOf(order: PlannedOrder): number {
  const values = 'readValues' in order && typeof order.readValues === 'function' ? (order.readValues() as Pick<PlannedOrder, 'fields'>) : order
  return emailHash(values.fields.bill_email ?? '')
}

/** The order with this index: itself when it has it, else a copy (a one-row order's values read
 * without being kept on it). */
export function withIndex(order: PlannedOrder, index: number): PlannedOrder {
  if (order.index === index) return order
  const values = 'readValues' in order && typeof order.readValues === 'function' ? (order.readValues() as Pick<PlannedOrder, 'fields' | 'goods'>) : order
  return withStatus({ index, key: order.key, rows: order.rows, fields: values.fields, goods: values.goods, fingerprint: order.fingerprint, errors: order.errors, warnings: order.warnings }, order)
}

/** The issue under its order's current number (in its words too, where they name it). */
export function reindexed(issue: Issue, index: number): Issue {
  if (issue.order === null || issue.order === index) return issue
  // An order of several rows without an order number is named by its index in its words too.
  if (issue.key === undefined || issue.params?.orderNo === undefined) return { ...issue, order: index }
  const params = { ...issue.params, orderNo: index }
  return { ...issue, order: index, params, message: issueText({ ...issue, params }, translatorFor('en')) }
}
