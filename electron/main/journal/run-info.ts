// What a stored run says about its sheet and mapping, decoded: the run's mapping JSON holds the
// mapping and, under `source`, what a run keeps of its sheet. Older runs may lack either part.
import { z } from 'zod'
import { MappingSchema, type Mapping } from '#shared/mapping/mapping'
import type { RunRecord } from './types'

/** What a run keeps of its sheet beside the mapping, so results can be exported with the
 * original columns and a fixed file read back the same way. Stored in the run's mapping JSON
 * under `source` (a Mapping parser ignores it). */
const RunSourceSchema = z.object({
  headers: z.array(z.string()),
  headerRow: z.number().int().min(1),
  format: z.string(),
  /** Sent to the built-in sandbox (orderbatch import --sandbox): resume needs --sandbox again. */
  sandbox: z.boolean()
})
export type RunSource = z.infer<typeof RunSourceSchema>

export interface RunInfo {
  /** null for a run staged without a valid mapping (e.g. by an older version). */
  mapping: Mapping | null
  source: RunSource | null
  sandbox: boolean
}

export function readRunInfo(run: RunRecord): RunInfo {
  const mapping = MappingSchema.safeParse(run.mapping)
  const stored = run.mapping !== null && typeof run.mapping === 'object' ? (run.mapping as { source?: unknown }).source : undefined
  const source = RunSourceSchema.safeParse(stored)
  return {
    mapping: mapping.success ? mapping.data : null,
    source: source.success ? source.data : null,
    sandbox: source.success && source.data.sandbox
  }
}
