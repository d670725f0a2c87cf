// The session's plan kept up to date edit by edit must be the plan a full re-plan makes: random
// cell edits, exclusions and inclusions on the bundled samples and on generated sheets of a few
// thousand rows (orders of several rows, scattered lines, customers with several orders, repeated
// orders, bad and empty addresses, empty order numbers, totals rows), each compared with
// planSheet() of the whole sheet after every change: orders, their indexes and values, every
// row's order and issues, the sheet-wide issues and the counts.
import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { mapSource } from '#shared/mapping/source-map'
import type { Mapping } from '#shared/mapping/mapping'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { Cell, SheetTable } from '#shared/sheet/sheet'
import type { Note } from '#shared/presets/notes'
import { readSheetFile } from '../../../electron/main/sheets/read-sheet'
import { planSheet, type SheetPlan } from '../../../electron/main/service/sheet-plan'
import { IncrementalPlan } from '../../../electron/main/service/session/incremental-plan'
import { rowIndex } from '../../../electron/main/service/session/row-index'

const NOW = Date.UTC(2026, 11, 1)
const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples')

/** Small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HEADERS = ['Order ID', 'Email', 'First name', 'Phone', 'City', 'Product', 'Price', 'Created', 'Comment']

/** A sheet like a shop's export: orders of one to four lines, some lines sorted away from their
 * order, customers who ordered more than once, orders pasted twice, a few bad or empty cells and
 * totals rows. */
function generatedSheet(rows: number, seed: number): SheetTable {
  const next = random(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const customers = Array.from({ length: Math.ceil(rows / 3) }, (_, i) => `Buyer${i}@Example.com`)
  const products = ['course-basic', 'course-pro', 'book', 'webinar', 'bundle']
  const out: Cell[][] = []
  let number = 1000
  while (out.length < rows) {
    const r = next()
    if (r < 0.01) {
      out.push(['Итого', '', '', '', '', '', String(Math.floor(next() * 99999)), '', ''])
      continue
    }
    const id = r < 0.02 ? '' : `A-${number++}`
    const email = r < 0.03 ? 'broken@' : r < 0.035 ? '' : pick(customers)
    const lines = 1 + (next() < 0.25 ? Math.floor(next() * 4) : 0)
    const order: Cell[][] = []
    for (let l = 0; l < lines; l++) {
      order.push([id, email, pick(['Anna', 'John', 'Мария']), '+7 916 123-45-67', pick(['Moscow', 'Kazan']), pick(products), pick(['4900', '1500.50', 990, 'abc']), '2026-11-02 09:30', ''])
    }
    out.push(...order)
    // An order pasted twice now and then (a repeated order), under a new number.
    if (next() < 0.03) out.push(...order.map((cells) => [id === '' ? '' : `A-${number++}`, ...cells.slice(1)]))
  }
  // Some lines sorted away from their order.
  for (let i = 0; i < rows / 50; i++) {
    const a = Math.floor(next() * out.length)
    const b = Math.floor(next() * out.length)
    const t = out[a] as Cell[]
    out[a] = out[b] as Cell[]
    out[b] = t
  }
  const sliced = out.slice(0, rows)
  return { headers: HEADERS, rows: sliced, rowNumbers: sliced.map((_, i) => i + 2), date1904: false }
}

function mappingFor(table: SheetTable, groupBy: string | null | 'auto'): { mapping: Mapping; notes: Note[] } {
  const auto = mapSource(table.headers, table.rows, { timeZone: 'UTC', timeZoneWhy: 'test' })
  const mapping = groupBy === 'auto' ? auto.mapping : { ...auto.mapping, groupBy: groupBy === null ? null : { column: groupBy } }
  return { mapping, notes: auto.notes }
}

function plain(order: PlannedOrder) {
  const { index, key, rows, fields, goods, errors, warnings } = order
  return { index, key, rows: [...rows], fields: { ...fields }, goods: goods.map((g) => ({ ...g })), errors, warnings }
}

/** What the grid, the preview, the counts and staging see of a plan. */
function view(plan: SheetPlan) {
  return {
    orders: plan.plan.orders.map(plain),
    counts: plan.plan.counts,
    orderOfRow: [...plan.orderOfRow.entries()].sort((a, b) => a[0] - b[0]),
    issuesOfRow: [...plan.issuesOfRow.entries()].sort((a, b) => a[0] - b[0]),
    sheetIssues: plan.sheetIssues,
    rows: plan.table.rowNumbers
  }
}

interface Harness {
  table: SheetTable
  edits: Map<number, Map<number, string>>
  excluded: Set<number>
  plan: IncrementalPlan
  full: () => SheetPlan
}

function harness(table: SheetTable, mapping: Mapping, notes: Note[]): Harness {
  const edits = new Map<number, Map<number, string>>()
  const excluded = new Set<number>()
  const rowPosition = rowIndex(table.rowNumbers)
  const plan = new IncrementalPlan({ table, edits, excluded, rowPosition }, mapping, NOW, notes)
  return { table, edits, excluded, plan, full: () => planSheet(table, mapping, edits, excluded, NOW, notes) }
}

/** A random change: mostly cell edits with values that make and break groups, shared addresses,
 * repeats and totals rows; sometimes an exclusion or an inclusion. Returns the positions changed. */
function randomChange(h: Harness, next: () => number, log: string[]): number[] {
  const { table, edits, excluded } = h
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const position = Math.floor(next() * table.rows.length)
  const row = table.rowNumbers[position] as number
  const r = next()
  if (r < 0.1) {
    const rows = [row, ...(next() < 0.3 ? [table.rowNumbers[Math.floor(next() * table.rows.length)] as number] : [])]
    const exclude = next() < 0.6
    const changed: number[] = []
    for (const x of rows) {
      if (excluded.has(x) === exclude) continue
      if (exclude) excluded.add(x)
      else excluded.delete(x)
      changed.push(table.rowNumbers.indexOf(x))
    }
    log.push(`${exclude ? 'exclude' : 'include'} ${rows.join(',')}`)
    return changed
  }
  const column = Math.floor(next() * table.headers.length)
  const other = table.rows[Math.floor(next() * table.rows.length)] as Cell[]
  const value = pick([
    String(other[column] ?? ''),
    String(other[column] ?? ''),
    String(other[column] ?? ''),
    '',
    'broken@',
    'Итого',
    '123',
    'a-new-value',
    ` ${String(other[column] ?? '')} `.toUpperCase()
  ])
  const cells = edits.get(row) ?? new Map<number, string>()
  cells.set(column, value)
  edits.set(row, cells)
  log.push(`edit row ${row} column ${table.headers[column]} = ${JSON.stringify(value)}`)
  return [position]
}

/** Where two plain values first differ, or null. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`)
    if (d !== null) return d
  }
  return null
}

function check(h: Harness, steps: number, seed: number): void {
  const next = random(seed)
  const log: string[] = []
  expect(view(h.plan.materialize())).toEqual(view(h.full()))
  for (let step = 0; step < steps; step++) {
    const changed = randomChange(h, next, log)
    h.plan.update(changed)
    const incremental = view(h.plan.materialize())
    const full = view(h.full())
    const difference = JSON.stringify(incremental) === JSON.stringify(full) ? null : firstDifference(incremental, full, 'plan')
    // The failing sequence and the first difference, to replay it.
    if (difference !== null) expect({ seed, log, difference }).toEqual({ seed, log, difference: null })
    const counts = h.plan.counts()
    expect(counts).toEqual({ rows: full.counts.rows, orders: full.counts.orders, validOrders: full.counts.validOrders, errors: full.counts.errors, warnings: full.counts.warnings })
  }
}

describe('incremental re-plan against a full re-plan', () => {
  it('the bundled CSV sample (one row per order): 150 random changes', async () => {
    const read = await readSheetFile(resolve(SAMPLES, 'orders.csv'))
    if (!read.ok) throw new Error(read.error.message)
    const { mapping, notes } = mappingFor(read.value.table, 'auto')
    check(harness(read.value.table, mapping, notes), 150, 1)
  })

  it('the bundled grouped XLSX sample: 150 random changes', async () => {
    const read = await readSheetFile(resolve(SAMPLES, 'orders-grouped.xlsx'))
    if (!read.ok) throw new Error(read.error.message)
    const { mapping, notes } = mappingFor(read.value.table, 'auto')
    expect(mapping.groupBy).not.toBeNull()
    check(harness(read.value.table, mapping, notes), 150, 2)
  })

  // Each change is checked against a full plan of the sheet, so these take a while.
  it('a generated sheet of 3,000 rows grouped by order number: 80 random changes', { timeout: 180_000 }, () => {
    const table = generatedSheet(3000, 3)
    const { mapping, notes } = mappingFor(table, 'Order ID')
    check(harness(table, mapping, notes), 80, 3)
  })

  it('a generated sheet of 2,000 rows, one order per row: 80 random changes', { timeout: 180_000 }, () => {
    const table = generatedSheet(2000, 4)
    const { mapping, notes } = mappingFor(table, null)
    check(harness(table, mapping, notes), 80, 4)
  })

  it('several seeds on smaller sheets, where groups and addresses collide more', { timeout: 180_000 }, () => {
    for (let seed = 10; seed < 16; seed++) {
      const table = generatedSheet(300, seed)
      const { mapping, notes } = mappingFor(table, seed % 2 === 0 ? 'Order ID' : null)
      check(harness(table, mapping, notes), 120, seed)
    }
  })
})

describe('what an edit plans again', () => {
  it('only the edited order and the orders sharing its address, not the whole sheet', () => {
    const table = generatedSheet(3000, 5)
    const { mapping, notes } = mappingFor(table, 'Order ID')
    const h = harness(table, mapping, notes)
    // A row whose order has one line and whose address no other order has.
    const counts = new Map<string, number>()
    for (const cells of table.rows) counts.set(String(cells[1]).toLowerCase(), (counts.get(String(cells[1]).toLowerCase()) ?? 0) + 1)
    const position = table.rows.findIndex((cells) => cells[0] !== '' && counts.get(String(cells[1]).toLowerCase()) === 1)
    expect(position).toBeGreaterThanOrEqual(0)
    const row = table.rowNumbers[position] as number
    h.edits.set(row, new Map([[6, '777']]))
    h.plan.update([position])
    expect(h.plan.lastPlannedRows).toBe(1)
    expect(view(h.plan.materialize())).toEqual(view(h.full()))
    // Its address changed to a customer's with several orders: those orders are planned again too.
    const shared = [...counts.entries()].find(([email, n]) => n >= 3 && email.startsWith('buyer'))?.[0] as string
    h.edits.set(row, new Map([[1, shared]]))
    h.plan.update([position])
    expect(h.plan.lastPlannedRows).toBeGreaterThanOrEqual(3)
    expect(h.plan.lastPlannedRows).toBeLessThan(100)
    expect(view(h.plan.materialize())).toEqual(view(h.full()))
  })
})

describe('orders without an address', () => {
  it('are compared with each other for repeats, so editing one plans them all again, and the result is the full plan', () => {
    const table = generatedSheet(1500, 6)
    // Every third row loses its address.
    table.rows.forEach((cells, i) => {
      if (i % 3 === 0) cells[1] = ''
    })
    const { mapping, notes } = mappingFor(table, null)
    const h = harness(table, mapping, notes)
    const blank = table.rows.filter((cells) => cells[1] === '').length
    h.edits.set(table.rowNumbers[3] as number, new Map([[5, 'book']]))
    h.plan.update([3])
    expect(h.plan.lastPlannedRows).toBeGreaterThanOrEqual(blank - 20)
    expect(view(h.plan.materialize())).toEqual(view(h.full()))
    check(h, 20, 6)
  })
})

describe('row positions', () => {
  it('finds rows by their number, rising or not, and says which are not there', () => {
    const rising = rowIndex([2, 3, 5, 9])
    expect([2, 3, 5, 9, 4, 1, 10].map((row) => rising.get(row))).toEqual([0, 1, 2, 3, undefined, undefined, undefined])
    const mixed = rowIndex([5, 2, 9])
    expect([5, 2, 9, 3].map((row) => mixed.get(row))).toEqual([0, 1, 2, undefined])
    expect(mixed.has(9) && !mixed.has(3)).toBe(true)
  })
})
