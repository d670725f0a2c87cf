// The whole input side for one file: read the sheet (in a worker), decide the mapping (given or
// automatic), and plan the orders. Used by the CLI, the app and the benchmarks alike.
import { basename } from 'node:path'
import { mapSource, type SourceMapResult, type SourceOptions } from '#shared/mapping/source-map'
import { withSourceNotes } from '#shared/presets/plan-notes'
import { planImport, type ImportPlan } from '#shared/plan/import-plan'
import type { Mapping } from '#shared/mapping/mapping'
import { withStatusOptions, type StatusOptions } from '#shared/mapping/order-status'
import type { ReadResult, SheetReadOptions, SheetTable } from '#shared/sheet/sheet'
import { readSheetFile, type ReadLimits } from '../sheets/read-sheet'
import type { SheetError } from '../sheets/sheet-error'
import { messageOf, msg, type Message } from '#shared/i18n/message'
import { loadMappingFile } from './load-mapping'

export interface PrepareOptions extends SheetReadOptions {
  /** Path of a saved mapping; absent means automatic matching of the headers. */
  mappingPath?: string
  mapping?: Mapping
  /** Column whose equal values make one order (overrides the mapping's groupBy). */
  groupBy?: string
  limits?: Partial<ReadLimits>
  signal?: AbortSignal
  now?: number
  /** Time zone, day/month order, quantity and `--map` choices for the automatic mapping. */
  source?: SourceOptions
  /** The order's status column, value table, payment date and backlog auto-cancel choices. */
  status?: StatusOptions
}

export interface PreparedImport {
  file: string
  read: ReadResult
  mapping: Mapping
  /** Present when the mapping was made automatically. */
  auto: SourceMapResult | null
  plan: ImportPlan
}

export type PrepareOutcome = { ok: true; value: PreparedImport } | { ok: false; error: SheetError | { code: 'mapping'; file: string; message: string; localized?: Message } }

export async function prepareImport(path: string, options: PrepareOptions = {}): Promise<PrepareOutcome> {
  const file = basename(path)
  const { limits, signal, now } = options
  const read = await readSheetFile(path, { ...sheetOptionsOf(options), limits, signal })
  if (!read.ok) return read

  const decided = await decideMapping(file, read.value, options)
  if (!decided.ok) return decided
  const { mapping, auto } = decided
  const plan = planWithNotes(read.value.table, mapping, auto, now)
  return { ok: true, value: { file, read: read.value, mapping, auto, plan } }
}

export type MappingOutcome = { ok: true; mapping: Mapping; auto: SourceMapResult | null } | Extract<PrepareOutcome, { ok: false }>

/** The sheet-reading part of the options. */
export function sheetOptionsOf(options: PrepareOptions): SheetReadOptions {
  const { sheet, encoding, delimiter, headerRow } = options
  return { sheet, encoding, delimiter, headerRow }
}

/** The mapping for a read sheet: given, from a file, or made from its headers and rows. */
export async function decideMapping(file: string, read: Pick<ReadResult, 'table' | 'meta'>, options: PrepareOptions): Promise<MappingOutcome> {
  let fromFile: Mapping | undefined
  if (!options.mapping && options.mappingPath) {
    try {
      fromFile = await loadMappingFile(options.mappingPath)
    } catch (error) {
      return mappingError(options.mappingPath, error)
    }
  }
  return mappingFor(file, read, options, fromFile)
}

/** decideMapping once a mapping file, if any, is loaded. The automatic mapping looks at the first
 * ANALYSED_ROWS rows at most (source-map.ts), so a streamed dry run decides it from a table of
 * the sheet's first rows. */
export function mappingFor(file: string, read: { table: SheetTable; meta: Pick<ReadResult['meta'], 'sheetsWithEmails'> }, options: PrepareOptions, fromFile: Mapping | undefined): MappingOutcome {
  const { mappingPath, groupBy, mapping: givenMapping, source: sourceOptions, status: statusOptions } = options
  let mapping: Mapping
  let auto: SourceMapResult | null = null
  try {
    if (givenMapping) mapping = givenMapping
    else if (fromFile) mapping = fromFile
    else {
      auto = mapSource(read.table.headers, read.table.rows, {
        ...sourceOptions,
        ...(read.meta.sheetsWithEmails ? { sheetsWithEmails: read.meta.sheetsWithEmails } : {}),
        timeZone: sourceOptions?.timeZone ?? localTimeZone(),
        timeZoneWhy: sourceOptions?.timeZone ? 'set with --time-zone' : "the computer's zone"
      })
      mapping = auto.mapping
    }
    mapping = withStatusOptions(mapping, statusOptions)
  } catch (error) {
    return mappingError(mappingPath ?? null, error, file)
  }

  if (groupBy !== undefined) {
    const headers = read.table.headers
    if (!headers.some((h) => h.trim() === groupBy.trim())) {
      return {
        ok: false,
        error: { code: 'mapping', file, message: `${file}: there is no column "${groupBy}" to group orders by. Headers seen: ${listHeaders(headers)}.`, localized: msg('prepare.noGroupColumn', { file, column: groupBy, headers: listHeaders(headers) }) }
      }
    }
    mapping = { ...mapping, groupBy: { column: groupBy.trim() } }
  }
  return { ok: true, mapping, auto }
}

function mappingError(mappingPath: string | null, error: unknown, file = ''): Extract<PrepareOutcome, { ok: false }> {
  return { ok: false, error: { code: 'mapping', file: mappingPath ? basename(mappingPath) : file, message: (error as Error).message, localized: messageOf(error) } }
}

/** The plan of a table, with the automatic mapping's notes when there are any. */
export function planWithNotes(table: SheetTable, mapping: Mapping, auto: SourceMapResult | null, now: number | undefined): ImportPlan {
  const planned = planImport(table, mapping, now === undefined ? undefined : { now })
  return auto ? withSourceNotes(planned, auto.notes, mapping) : planned
}

export function listHeaders(headers: readonly string[]): string {
  return headers.map((h) => `"${h}"`).join(', ')
}

/** The computer's time zone (IANA name), UTC when it cannot be told. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
