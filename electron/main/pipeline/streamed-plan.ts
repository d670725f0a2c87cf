// The plan of a big sheet made window by window as the sheet worker's record batches arrive, for
// the dry run, so the sheet is never held whole. It is a bet that the sheet is made of orders
// that can be planned apart; everything that would make a window's plan differ from the
// whole-sheet plan is checked, and the first such thing ends the bet (`failed`), after which the
// caller plans the whole sheet as before. What can only be known once the whole sheet has been
// read (the columns in use, the kind of file, the number of rows) is checked at the end.
//
// What is kept for the whole sheet: the e-mail addresses seen (the check for repeated orders
// compares orders of one address, which may sit in different windows), and the order numbers
// seen unless they rise (an order whose rows are scattered over windows); the first 50 errors.
import type { Cell, ReadResult, SheetMeta, SheetTable } from '#shared/sheet/sheet'
import type { Mapping } from '#shared/mapping/mapping'
import type { SourceMapResult } from '#shared/mapping/source-map'
import type { ImportPlan } from '#shared/plan/import-plan'
import type { Issue } from '#shared/plan/issue'
import { compileMapping } from '#shared/plan/import-plan-mapping'
import { cellText } from '#shared/plan/import-plan-text'
import { normalizedEmail } from '#shared/plan/fingerprint'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { buildTable } from '../sheets/build-table'
import type { ReadLimits } from '../sheets/limits'
import type { BatchSink } from '../sheets/read-sheet'
import { isBlankCell, emptyRecords, type SheetRecords } from '../sheets/sheet-record'
import { isWorkbookAbout, tableFromRecords, type StreamAbout } from '../sheets/stream-about'
import type { ReadOutcome } from '../sheets/worker-protocol'
import { isSheetReadError } from '../sheets/sheet-error'
import { mappingFor, planWithNotes, sheetOptionsOf, type PrepareOptions } from './prepare-import'

/** Records held before the mapping is decided: the header (found among the first 25 rows) and
 * more than the 5,000 rows the automatic mapping looks at, so it sees what it would see in the
 * whole sheet. A sheet that ends before this is planned whole. */
export const FIRST_RECORDS = 5_200
/** Rows planned at a time after that. */
export const WINDOW_ROWS = 8_192

/** The defaults above; tests plan small sheets in many windows with a mapping given (the
 * automatic mapping needs the first window to hold more rows than it looks at). */
export interface WindowSizes {
  firstRecords: number
  windowRows: number
}

export interface PlanCounts {
  rows: number
  orders: number
  validOrders: number
  errors: number
  warnings: number
}

/** Hands a window's plan on; gives the e-mail address of each of its orders (by position), which
 * the receiver reads anyway while it signs. `offset` is the number of orders before the window:
 * its order n is order offset + n of the sheet. */
export type WindowReceiver = (plan: ImportPlan, offset: number) => ReadonlyArray<string | undefined>

export class StreamedPlan implements BatchSink {
  /** Why the streamed plan cannot stand for the whole-sheet plan; null while it can. */
  failed: string | null = null
  /** Set when the sheet ended before the mapping was decided: the caller plans this table whole. */
  whole: ReadResult | null = null
  readonly counts: PlanCounts = { rows: 0, orders: 0, validOrders: 0, errors: 0, warnings: 0 }
  /** The first `shownErrors` error issues, in the order the whole plan lists them. */
  readonly errors: Issue[] = []

  private first: SheetRecords | null = emptyRecords()
  private started: { headers: string[]; from: number; to: number; mapping: Mapping; auto: SourceMapResult | null; group: number; headerRow: SheetMeta['headerRow'] } | null = null
  private pendingCells: Cell[][] = []
  private pendingRows: number[] = []
  private dataRows = 0
  /** The first window's notes about the whole sheet, which every window's plan repeats. */
  private sheetIssues: string | null = null
  /** Error issues of the sheet so far (the plan's count of errors counts the same). */
  errorIssues = 0
  private readonly emails = new Set<string>()
  /** Order numbers of the windows planned so far: below `highest` when they are plain rising
   * numbers (no set needed), else in `keys`. */
  private keys: Set<string> | null = null
  private highest = -1
  private rising = true

  constructor(
    private readonly file: string,
    private readonly options: PrepareOptions,
    private readonly fromFile: Mapping | undefined,
    private readonly limits: ReadLimits,
    /** What a missing cell is: '' for a text file, null for a workbook (checked at the end). */
    private readonly missing: Cell,
    private readonly now: number,
    private readonly receive: WindowReceiver,
    private readonly shownErrors = 50,
    private readonly sizes: WindowSizes = { firstRecords: FIRST_RECORDS, windowRows: WINDOW_ROWS }
  ) {}

  add(cells: Cell[][], rows: number[]): void {
    if (this.failed !== null) return
    try {
      if (this.first !== null) {
        for (let i = 0; i < cells.length; i++) {
          this.first.cells.push(cells[i]!)
          this.first.rows.push(rows[i]!)
        }
        if (this.first.cells.length >= this.sizes.firstRecords) this.start()
        return
      }
      this.take(cells, rows)
    } catch (error) {
      this.fail(`stopped: ${(error as Error).message}`)
    }
  }

  end(about: StreamAbout): ReadOutcome {
    if (this.first !== null) {
      // The whole sheet is in `first`: the table is made as the whole-sheet read makes it.
      const records = this.first
      this.first = null
      try {
        this.whole = tableFromRecords(records, about, sheetOptionsOf(this.options), this.limits)
        return { ok: true, value: this.whole }
      } catch (error) {
        if (isSheetReadError(error)) return { ok: false, error: error.error }
        this.fail(`stopped: ${(error as Error).message}`)
        return { ok: true, value: this.headerOnly(about) }
      }
    }
    try {
      const workbook = isWorkbookAbout(about)
      if (workbook !== (this.missing === null)) this.fail('the file is not of the kind its name says')
      else if (workbook && (about.date1904 || (about.sheetsWithEmails?.length ?? 0) > 0)) this.fail('a workbook with 1904 dates or e-mails on other sheets')
      else if (this.dataRows > this.limits.maxRows) this.fail('more rows than the limit')
      while (this.failed === null && this.pendingCells.length > 0) this.flush(true)
    } catch (error) {
      this.fail(`stopped: ${(error as Error).message}`)
    }
    return { ok: true, value: this.headerOnly(about) }
  }

  private fail(why: string): void {
    if (this.failed !== null) return
    this.failed = why
    this.first = null
    this.pendingCells = []
    this.pendingRows = []
    this.emails.clear()
    this.keys = null
  }

  /** The mapping, from the header and first rows exactly as the whole-sheet read would make them
   * (the columns in use may still widen: each later row is checked). */
  private start(): void {
    const records = this.first!
    this.first = null
    const lefts = new Int32Array(records.cells.length)
    const rights = new Int32Array(records.cells.length)
    for (let r = 0; r < records.cells.length; r++) {
      const cells = records.cells[r]!
      let left = -1
      let right = 0
      for (let c = 0; c < cells.length; c++) {
        if (isBlankCell(cells[c])) continue
        if (left < 0) left = c
        right = c + 1
      }
      lefts[r] = left < 0 ? Number.MAX_SAFE_INTEGER : left
      rights[r] = right
    }
    const { table, headerRow } = buildTable(records, {
      file: this.file,
      headerRow: this.options.headerRow,
      missing: this.missing,
      date1904: false,
      maxRows: this.limits.maxRows,
      where: 'the file',
      sheet: null
    })
    const index = records.cells.length - table.rows.length - 1
    let from = Number.MAX_SAFE_INTEGER
    let to = 0
    for (let r = index; r < records.cells.length; r++) {
      from = Math.min(from, lefts[r]!)
      to = Math.max(to, rights[r]!)
    }
    if (from === Number.MAX_SAFE_INTEGER) from = 0
    if (table.headers.length !== to - from) return this.fail('the columns in use could not be told')
    const decided = mappingFor(this.file, { table, meta: {} }, this.options, this.fromFile)
    if (!decided.ok) return this.fail('the mapping could not be made')
    const compiled = compileMapping(table.headers, decided.mapping, { date1904: false, now: this.now })
    this.started = { headers: table.headers, from, to, mapping: decided.mapping, auto: decided.auto, group: compiled.groupBy?.column ?? -1, headerRow }
    this.pendingCells = table.rows
    this.pendingRows = table.rowNumbers
    this.dataRows = table.rows.length
    while (this.failed === null && this.pendingCells.length >= this.sizes.windowRows) if (!this.flush(false)) break
  }

  private take(cells: Cell[][], rows: number[]): void {
    const { from, to } = this.started!
    const width = to - from
    for (let i = 0; i < cells.length; i++) {
      const row = cells[i]!
      for (let c = 0; c < from && c < row.length; c++) if (!isBlankCell(row[c])) return this.fail('a row uses more columns')
      for (let c = to; c < row.length; c++) if (!isBlankCell(row[c])) return this.fail('a row uses more columns')
      const squared = from === 0 ? row : row.slice(from)
      if (squared.length > width) squared.length = width
      for (let c = squared.length; c < width; c++) squared[c] = this.missing
      this.pendingCells.push(squared)
      this.pendingRows.push(rows[i]!)
    }
    this.dataRows += cells.length
    while (this.failed === null && this.pendingCells.length >= this.sizes.windowRows) if (!this.flush(false)) break
  }

  private keyOf(cells: readonly Cell[]): string {
    return cellText(cells[this.started!.group] ?? null, { trim: true, date1904: false })
  }

  /** Plans up to `windowRows` of the pending rows, cut where the order number changes (an
   * order's rows stay in one window; at the end of what has arrived so far, the last order may
   * go on in the next batch, so it waits); false when nothing could be planned yet. */
  private flush(final: boolean): boolean {
    const { headers, mapping, auto, group } = this.started!
    const pending = this.pendingCells
    const n = pending.length
    let cut = Math.min(n, this.sizes.windowRows)
    if (group >= 0 && (cut < n || !final)) {
      // The order the row after the cut belongs to (or, at the end of the rows so far, the last
      // row's order, whose next rows may be still to come).
      const across = this.keyOf(pending[cut < n ? cut : n - 1]!)
      if (across !== '') {
        let back = cut
        while (back > 0 && this.keyOf(pending[back - 1]!) === across) back--
        if (back > 0) cut = back
        else {
          // One order fills the window: it is planned whole, however many rows it has.
          while (cut < n && this.keyOf(pending[cut]!) === across) cut++
          if (cut === n && !final) return false
        }
      }
    }
    const rows = this.pendingCells.slice(0, cut)
    const rowNumbers = this.pendingRows.slice(0, cut)
    this.pendingCells = this.pendingCells.slice(cut)
    this.pendingRows = this.pendingRows.slice(cut)
    if (group >= 0 && !this.newOrderNumbers(rows, group)) return false
    const table: SheetTable = { headers, rows, rowNumbers, date1904: false }
    const plan = checkAgainstCatalog(planWithNotes(table, mapping, auto, this.now), null).plan
    this.tally(plan)
    if (this.failed !== null) return false
    const offset = this.counts.orders - plan.orders.length
    const emails = this.receive(plan, offset)
    const keys = emails.map((email) => normalizedEmail(email ?? ''))
    for (const key of keys) {
      if (this.emails.has(key)) {
        // An order of an earlier window may be the same order: only the whole plan can tell.
        this.fail('an e-mail address in two windows')
        return false
      }
    }
    for (const key of keys) this.emails.add(key)
    return true
  }

  /** Whether no order number of these rows was met in an earlier window; notes them. */
  private newOrderNumbers(rows: readonly Cell[][], group: number): boolean {
    const window: string[] = []
    let highest = this.highest
    for (const cells of rows) {
      const key = cellText(cells[group] ?? null, { trim: true, date1904: false })
      if (key === '') continue
      window.push(key)
      if (this.rising) {
        const n = /^(0|[1-9]\d{0,14})$/.test(key) ? Number(key) : -1
        if (n > this.highest) {
          highest = Math.max(highest, n)
          continue
        }
        if (this.highest >= 0) {
          // Numbers seen before were not kept: whether this one was among them is not known.
          this.fail('order numbers that do not rise')
          return false
        }
        this.rising = false
        this.keys = new Set()
      }
      if (this.keys!.has(key)) {
        this.fail('the rows of an order in two windows')
        return false
      }
    }
    if (this.rising) this.highest = highest
    else for (const key of window) this.keys!.add(key)
    return true
  }

  private tally(plan: ImportPlan): void {
    let sheetWide = 0
    for (const issue of plan.issues) {
      if (issue.row === null) {
        sheetWide++
        // An error of the whole sheet makes every order invalid: planned whole, as before.
        if (issue.severity === 'error') return this.fail('an error of the whole sheet')
      } else if (issue.order === null) return this.fail('a note about rows of several orders')
    }
    const firstWindow = this.sheetIssues === null
    const notes = plan.issues.filter((i) => i.row === null).map((i) => `${i.code}|${i.field}|${i.message}`).join('\n')
    if (firstWindow) this.sheetIssues = notes
    else if (notes !== this.sheetIssues) return this.fail('sheet notes differ between windows')
    const c = plan.counts
    this.counts.rows += c.rows
    this.counts.orders += c.orders
    this.counts.validOrders += c.validOrders
    this.counts.errors += c.errors
    this.counts.warnings += c.warnings - (firstWindow ? 0 : sheetWide)
    for (const issue of plan.issues) {
      if (issue.severity !== 'error') continue
      this.errorIssues++
      if (this.errors.length >= this.shownErrors) continue
      // An order of several rows is named by its number, which is the window's, not the sheet's.
      const order = issue.order === null ? undefined : plan.orders[issue.order - 1]
      if (!firstWindow && (issue.params?.orderNo !== undefined || (order?.rows.length ?? 0) > 1)) return this.fail('an error naming an order number')
      this.errors.push(issue)
    }
  }

  private headerOnly(about: StreamAbout): ReadResult {
    const headers = this.started?.headers ?? []
    const headerRow = this.started?.headerRow ?? { value: 1, confidence: 0, reason: '' }
    const table: SheetTable = { headers, rows: [], rowNumbers: [], date1904: false }
    const base = { headerRow, rowCount: this.dataRows, columnCount: headers.length }
    const meta: SheetMeta = isWorkbookAbout(about)
      ? { file: about.file, format: about.format, sheetNames: [...about.sheetNames], sheet: about.sheet, ...base }
      : { file: about.file, format: about.delimiter.value === '\t' ? 'tsv' : 'csv', sheetNames: [stem(about.file)], sheet: stem(about.file), encoding: about.encoding, delimiter: about.delimiter, ...base }
    return { meta, table }
  }
}

function stem(file: string): string {
  return file.replace(/\.[^.]*$/, '')
}
