// The whole input side for one file: read the sheet (in a worker), decide the mapping (given or
// automatic), and plan the orders. Used by the CLI, the app and the benchmarks alike.
import { basename } from 'node:path'
import { mapSource, type SourceMapResult, type SourceOptions } from '#shared/mapping/source-map'
import { withSourceNotes } from '#shared/presets/plan-notes'
import { planImport, type ImportPlan } from '#shared/plan/import-plan'
import type { Mapping } from '#shared/mapping/mapping'
import { withStatusOptions, type StatusOptions } from '#shared/mapping/order-status'
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
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
  const { mappingPath, groupBy, limits, signal, now, mapping: givenMapping, source: sourceOptions, status: statusOptions, ...readOptions } = options
  const read = await readSheetFile(path, { ...readOptions, limits, signal })
  if (!read.ok) return read

  let mapping: Mapping
  let auto: SourceMapResult | null = null
  try {
    if (givenMapping) mapping = givenMapping
    else if (mappingPath) mapping = await loadMappingFile(mappingPath)
    else {
      auto = mapSource(read.value.table.headers, read.value.table.rows, {
        ...sourceOptions,
        ...(read.value.meta.sheetsWithEmails ? { sheetsWithEmails: read.value.meta.sheetsWithEmails } : {}),
        timeZone: sourceOptions?.timeZone ?? localTimeZone(),
        timeZoneWhy: sourceOptions?.timeZone ? 'set with --time-zone' : "the computer's zone"
      })
      mapping = auto.mapping
    }
    mapping = withStatusOptions(mapping, statusOptions)
  } catch (error) {
    return { ok: false, error: { code: 'mapping', file: mappingPath ? basename(mappingPath) : file, message: (error as Error).message, localized: messageOf(error) } }
  }

  if (groupBy !== undefined) {
    const headers = read.value.table.headers
    if (!headers.some((h) => h.trim() === groupBy.trim())) {
      return {
        ok: false,
        error: { code: 'mapping', file, message: `${file}: there is no column "${groupBy}" to group orders by. Headers seen: ${listHeaders(headers)}.`, localized: msg('prepare.noGroupColumn', { file, column: groupBy, headers: listHeaders(headers) }) }
      }
    }
    mapping = { ...mapping, groupBy: { column: groupBy.trim() } }
  }

  const planned = planImport(read.value.table, mapping, now === undefined ? undefined : { now })
  const plan = auto ? withSourceNotes(planned, auto.notes, mapping) : planned
  return { ok: true, value: { file, read: read.value, mapping, auto, plan } }
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
