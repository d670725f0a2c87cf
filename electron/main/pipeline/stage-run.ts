// Turning a PreparedImport into a journal run: one transaction that writes the run (source,
// mapping, settings; never the API key) and every order with its original sheet rows. Orders the
// sheet gave errors to are staged as 'failed' (never sent) so they can be exported, fixed and
// retried like any order the shop refused.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createOrderParams } from '#shared/wire/create-order-params'
import { fingerprintOf, type PlannedOrder } from '#shared/plan/import-plan'
import type { Issue } from '#shared/plan/issue'
import type { Mapping } from '#shared/mapping/mapping'
import type { Cell, SheetTable } from '#shared/sheet/sheet'
import type { Journal, RunRecord, RunSettings, RunSource, StagedRow, StageOrderInput, StageResult } from '../journal'
import { destinationOf } from '#shared/run/destination'
import type { PreparedImport } from './prepare-import'

/** Error code of an order the sheet gave errors to (it never reached the shop). */
export const ROW_ERRORS_CODE = 'row-errors'

export function runMappingRecord(prepared: PreparedImport, sandbox: boolean): Mapping & { source: RunSource } {
  const { meta, table } = prepared.read
  return { ...prepared.mapping, source: { headers: [...table.headers], headerRow: meta.headerRow.value, format: meta.format, sandbox } }
}

export interface FileDigest {
  /** Lower-case hex sha256 of the file bytes. */
  sha256: string
  size: number
}

/** Streams the file so a large sheet is never held twice in memory. */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Uint8Array
    size += bytes.length
    hash.update(bytes)
  }
  return { sha256: hash.digest('hex'), size }
}

/** The errors of each order, by order index. */
export function orderErrors(issues: readonly Issue[]): Map<number, Issue[]> {
  const byOrder = new Map<number, Issue[]>()
  for (const issue of issues) {
    if (issue.severity !== 'error' || issue.order === null) continue
    const list = byOrder.get(issue.order)
    if (list) list.push(issue)
    else byOrder.set(issue.order, [issue])
  }
  return byOrder
}

/** The original cells of each sheet row, by sheet row number. */
export function rowsBySheetRow(table: SheetTable): Map<number, Cell[]> {
  const rows = new Map<number, Cell[]>()
  table.rowNumbers.forEach((sheetRow, i) => rows.set(sheetRow, table.rows[i] ?? []))
  return rows
}

export function stagedRows(order: Pick<PlannedOrder, 'rows'>, cells: ReadonlyMap<number, Cell[]>): StagedRow[] {
  return order.rows.map((sheetRow) => ({ sheetRow, cells: cells.get(sheetRow) ?? [] }))
}

/** One journal order for each planned order, in file order. */
export function stageInputs(prepared: PreparedImport): StageOrderInput[] {
  const cells = rowsBySheetRow(prepared.read.table)
  const errors = orderErrors(prepared.plan.issues)
  return prepared.plan.orders.map((order) => {
    const input: StageOrderInput = {
      ordinal: order.index,
      groupKey: order.key,
      fingerprint: fingerprintOf(order),
      payload: createOrderParams(order),
      email: order.fields.bill_email ?? '',
      rows: stagedRows(order, cells)
    }
    if (order.status !== undefined) input.status = { status: order.status.status, date: order.status.date }
    if (order.errors > 0) input.rejected = { code: ROW_ERRORS_CODE, text: rejectionText(errors.get(order.index) ?? [], prepared.plan.issues) }
    return input
  })
}

/** The order's own errors, or the sheet-wide ones when it has none of its own. */
function rejectionText(own: readonly Issue[], all: readonly Issue[]): string {
  const list = own.length > 0 ? own : all.filter((issue) => issue.severity === 'error' && issue.order === null)
  const text = list.map((issue) => issue.message).join(' ')
  return text === '' ? 'The sheet has errors for this order; run "orderbatch preview" on the file to see them.' : text
}

export interface StageRunOptions {
  digest: FileDigest
  settings: RunSettings
  sandbox: boolean
  /** Stage orders already created in an earlier run as pending too (send them again). */
  force?: boolean
}

/** Writes the run and all its orders in ONE journal transaction. */
export function stageRun(journal: Journal, prepared: PreparedImport, options: StageRunOptions): { run: RunRecord; result: StageResult } {
  const { meta } = prepared.read
  const sheet = meta.format === 'csv' || meta.format === 'tsv' ? null : meta.sheet
  return journal.stageRun(
    {
      sourceName: prepared.file,
      sourceHash: options.digest.sha256,
      sourceSize: options.digest.size,
      sheet,
      mapping: runMappingRecord(prepared, options.sandbox),
      settings: options.settings,
      destination: destinationOf({ sandbox: options.sandbox, login: options.settings.login, apiBase: options.settings.apiBase })
    },
    stageInputs(prepared),
    { force: options.force === true, refuseOpenElsewhere: true }
  )
}
