// What crosses the boundary between readSheetFile and the sheet worker (structured clone).
import type { ReadResult, SheetReadOptions } from '../../../shared/sheet'
import type { ReadLimits } from './limits'
import type { SheetError } from './sheet-error'

export interface WorkerRequest {
  path: string
  file: string
  options: SheetReadOptions
  limits: ReadLimits
}

export type ReadOutcome = { ok: true; value: ReadResult } | { ok: false; error: SheetError }
