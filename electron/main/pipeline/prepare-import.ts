// The whole input side for one file: read the sheet (in a worker), decide the mapping (given or
// automatic), and plan the orders. Used by the CLI, the app and the benchmarks alike.
import { basename } from 'node:path'
import { autoMap, type AutoMapResult } from '#shared/mapping/auto-map'
import { planImport, type ImportPlan } from '#shared/plan/import-plan'
import type { Mapping } from '#shared/mapping/mapping'
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { readSheetFile, type ReadLimits } from '../sheets/read-sheet'
import type { SheetError } from '../sheets/sheet-error'
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
}

export interface PreparedImport {
  file: string
  read: ReadResult
  mapping: Mapping
  /** Present when the mapping was made automatically. */
  auto: AutoMapResult | null
  plan: ImportPlan
}

export type PrepareOutcome = { ok: true; value: PreparedImport } | { ok: false; error: SheetError | { code: 'mapping'; file: string; message: string } }

export async function prepareImport(path: string, options: PrepareOptions = {}): Promise<PrepareOutcome> {
  const file = basename(path)
  const { mappingPath, groupBy, limits, signal, now, mapping: givenMapping, ...readOptions } = options
  const read = await readSheetFile(path, { ...readOptions, limits, signal })
  if (!read.ok) return read

  let mapping: Mapping
  let auto: AutoMapResult | null = null
  try {
    if (givenMapping) mapping = givenMapping
    else if (mappingPath) mapping = await loadMappingFile(mappingPath)
    else {
      auto = autoMap(read.value.table.headers, read.value.table.rows.slice(0, 200))
      mapping = auto.mapping
    }
  } catch (error) {
    return { ok: false, error: { code: 'mapping', file: mappingPath ? basename(mappingPath) : file, message: (error as Error).message } }
  }

  if (groupBy !== undefined) {
    const headers = read.value.table.headers
    if (!headers.some((h) => h.trim() === groupBy.trim())) {
      return {
        ok: false,
        error: { code: 'mapping', file, message: `${file}: there is no column "${groupBy}" to group orders by. Headers seen: ${listHeaders(headers)}.` }
      }
    }
    mapping = { ...mapping, groupBy: { column: groupBy.trim() } }
  }

  const plan = planImport(read.value.table, mapping, now === undefined ? undefined : { now })
  return { ok: true, value: { file, read: read.value, mapping, auto, plan } }
}

export function listHeaders(headers: readonly string[]): string {
  return headers.map((h) => `"${h}"`).join(', ')
}
