// Reading a fixed file for `orderbatch retry --from`: the corrected rows are read with the run's
// own mapping (or --mapping), planned like an import, and matched back to the run's orders:
//  1. by the "Run order" column when the file has one (the export of a run always does);
//  2. else by the group key (the order-number column) when the run grouped rows into orders;
//  3. else by position: the Nth order of the file is order #N of the run, which holds when the
//     original file was corrected in place without adding or removing rows.
// Our export puts a quote before cells that a spreadsheet could run as formulas; it is taken off
// again here, so the shop receives what the user typed.
import { basename } from 'node:path'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { applyProductChoices } from '#shared/shop/product-choices'
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { createOrderParams } from '#shared/wire/create-order-params'
import { fingerprintOf, planImport, type PlannedOrder } from '#shared/plan/import-plan'
import { resolveColumn, type Mapping } from '#shared/mapping/mapping'
import type { Cell, SheetTable } from '#shared/sheet/sheet'
import { unFormulaSafe } from '../export/formula-safe'
import { ALL_RESULT_COLUMNS, RUN_ORDER_COLUMN, RUN_ORDER_COLUMNS, cellText } from '../export/results-table'
import type { CorrectedOrder, Journal, OrderRecord, RunRecord, StagedRow } from '../journal'
import { loadMappingFile } from '../pipeline/load-mapping'
import { listHeaders } from '../pipeline/prepare-import'
import { orderErrors, rowsBySheetRow } from '../pipeline/stage-run'
import { readRunInfo } from '../journal'
import { readSheetFile } from '../sheets/read-sheet'
import { sheetErrorMessage } from '../sheets/sheet-error'
import type { PrepareOptions } from '../pipeline/prepare-import'
import { OpError } from './op-error'
import { rowsMessage } from './describe-rows'
import { msg, type Message } from '#shared/i18n/message'

export interface Correction {
  order: OrderRecord
  corrected: CorrectedOrder
}

export interface CorrectionPlan {
  file: string
  corrected: Correction[]
  /** Problems that keep an order of the file from being used, one line each. */
  problems: Message[]
  /** Orders of the file that belong to orders of the run that are not failed (left alone). */
  notFailed: number
  matchedBy: 'run order' | 'group key' | 'position'
}

/** `catalog`: the shop's products, when read (see catalog-check.ts); without one only the
 * delivery rule applies, as in preview. */
export async function planCorrections(path: string, journal: Journal, run: RunRecord, options: PrepareOptions, catalog: ShopCatalog | null = null): Promise<CorrectionPlan> {
  const file = basename(path)
  const info = readRunInfo(run)
  let mapping = options.mappingPath ? await loadMapping(options.mappingPath) : info.mapping
  if (!mapping) throw new OpError('no-mapping', 'op.noMapping', { runId: run.id, file })
  const read = await readSheetFile(path, { sheet: options.sheet, encoding: options.encoding, delimiter: options.delimiter, headerRow: options.headerRow, limits: options.limits, signal: options.signal })
  if (!read.ok) {
    const problem = sheetErrorMessage(read.error)
    throw new OpError('invalid-input', problem.key, problem.params)
  }
  const table = unescaped(read.value.table)
  if (options.groupBy !== undefined) mapping = { ...mapping, groupBy: { column: options.groupBy.trim() } }
  checkColumns(file, table, mapping)
  // The product choices the run was sent with (kept in its mapping) apply to its corrected rows.
  const plan = checkAgainstCatalog(applyProductChoices(planImport(table, mapping), mapping.products ?? {}), catalog).plan
  const errors = orderErrors(plan.issues)
  const byOrdinal = new Map<number, OrderRecord>()
  const byKey = new Map<string, OrderRecord>()
  for (const order of journal.orders(run.id)) {
    byOrdinal.set(order.ordinal, order)
    if (order.groupKey !== null) byKey.set(order.groupKey, order)
  }
  const runOrderColumn = table.headers.findIndex((h) => RUN_ORDER_COLUMNS.has(h.trim()))
  const matchedBy = runOrderColumn >= 0 ? 'run order' : info.mapping?.groupBy ? 'group key' : 'position'
  const cells = rowsBySheetRow(table)
  const result: CorrectionPlan = { file, corrected: [], problems: [], notFailed: 0, matchedBy }
  const seen = new Set<number>()
  for (const planned of plan.orders) {
    const where = msg('op.fix.where', { file, rows: rowsMessage(planned.rows) })
    const target = matchOrder(planned, matchedBy, runOrderColumn, cells, byOrdinal, byKey)
    if (!('id' in target)) {
      result.problems.push(msg('op.fix.problem', { where, problem: target }))
      continue
    }
    if (seen.has(target.id)) {
      result.problems.push(msg('op.fix.twice', { where, ordinal: target.ordinal, runId: run.id, file }))
      continue
    }
    seen.add(target.id)
    if (target.state !== 'failed') {
      result.notFailed += 1
      continue
    }
    if (planned.errors > 0) {
      const first = errors.get(planned.index)?.[0]?.message ?? plan.issues.find((i) => i.severity === 'error')?.message ?? msg('op.fix.stillErrors')
      result.problems.push(msg('op.fix.stillWrong', { ordinal: target.ordinal, where, first }))
      continue
    }
    result.corrected.push({ order: target, corrected: correctedOrder(planned, target, table, cells, journal, info.source?.headers ?? null) })
  }
  return result
}

async function loadMapping(path: string): Promise<Mapping> {
  try {
    return await loadMappingFile(path)
  } catch (error) {
    throw new OpError('invalid-input', 'error.asIs', { text: error instanceof Error ? error.message : String(error) })
  }
}

function unescaped(table: SheetTable): SheetTable {
  const clean = (cell: Cell): Cell => (typeof cell === 'string' ? unFormulaSafe(cell) : cell)
  return { ...table, headers: table.headers.map(unFormulaSafe), rows: table.rows.map((row) => row.map(clean)) }
}

/** The mapping's columns must be in the fixed file, or every order would come out wrong. */
function checkColumns(file: string, table: SheetTable, mapping: Mapping): void {
  const refs = [
    ...Object.values(mapping.fields).map((field) => field?.source),
    ...mapping.goods.flatMap((good) => [good.name.source, good.sum?.source])
  ]
  const missing = refs.flatMap((source) => (source?.kind === 'column' && resolveColumn(table.headers, source) < 0 ? [source.column] : []))
  if (mapping.groupBy && resolveColumn(table.headers, mapping.groupBy) < 0) missing.push(mapping.groupBy.column)
  if (missing.length > 0) {
    const columns = [...new Set(missing)].map((c) => `"${c}"`).join(', ')
    throw new OpError('missing-columns', 'op.missingColumns', { file, count: missing.length, columns, headers: listHeaders(table.headers) })
  }
}

function matchOrder(
  planned: PlannedOrder,
  matchedBy: CorrectionPlan['matchedBy'],
  runOrderColumn: number,
  cells: ReadonlyMap<number, Cell[]>,
  byOrdinal: ReadonlyMap<number, OrderRecord>,
  byKey: ReadonlyMap<string, OrderRecord>
): OrderRecord | Message {
  if (matchedBy === 'run order') {
    const text = cellText(cells.get(planned.rows[0] ?? 0)?.[runOrderColumn] ?? null).trim()
    if (!/^\d+$/.test(text)) {
      return msg('op.match.badRunOrder', { column: RUN_ORDER_COLUMN, cell: text === '' ? msg('op.match.empty') : msg('op.match.quoted', { text }) })
    }
    return byOrdinal.get(Number(text)) ?? msg('op.match.noRunOrder', { ordinal: text, column: RUN_ORDER_COLUMN })
  }
  if (matchedBy === 'group key') {
    if (planned.key === null) return msg('op.match.noKeyCell')
    return byKey.get(planned.key) ?? msg('op.match.noKey', { key: planned.key })
  }
  return byOrdinal.get(planned.index) ?? msg('op.match.noPosition', { ordinal: planned.index })
}

function correctedOrder(
  planned: PlannedOrder,
  target: OrderRecord,
  table: SheetTable,
  cells: ReadonlyMap<number, Cell[]>,
  journal: Journal,
  runHeaders: readonly string[] | null
): CorrectedOrder {
  const project = columnProjection(table.headers, runHeaders)
  const originalRows = journal.orderRows(target.id).map((row) => row.sheetRow)
  // The order keeps the sheet row numbers of the original file when it has as many rows, so the
  // journal still points at the rows the user imported.
  const rowNumbers = originalRows.length === planned.rows.length ? originalRows : planned.rows
  const rows: StagedRow[] = planned.rows.map((sheetRow, i) => ({ sheetRow: rowNumbers[i] ?? sheetRow, cells: project(cells.get(sheetRow) ?? []) }))
  return { payload: createOrderParams(planned), fingerprint: fingerprintOf(planned), email: planned.fields.bill_email ?? '', rows }
}

/** The fixed file's cells laid out in the run's original columns (found by header text and
 * occurrence), so the run's export keeps its shape; without saved headers, every column but
 * the result columns our export added. */
function columnProjection(fixedHeaders: readonly string[], runHeaders: readonly string[] | null): (row: readonly Cell[]) => Cell[] {
  let indexes: number[]
  if (runHeaders) {
    const seen = new Map<string, number>()
    indexes = runHeaders.map((header) => {
      const occurrence = (seen.get(header.trim()) ?? 0) + 1
      seen.set(header.trim(), occurrence)
      return resolveColumn(fixedHeaders, { column: header, occurrence })
    })
  } else {
    indexes = fixedHeaders.flatMap((header, i) => (ALL_RESULT_COLUMNS.has(header.trim()) ? [] : [i]))
  }
  return (row) => indexes.map((i) => (i < 0 ? null : (row[i] ?? null)))
}
