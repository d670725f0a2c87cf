// What crosses the boundary between readSheetFile and the sheet worker (structured clone).
import type { Cell, ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import type { ReadLimits } from './limits'
import type { SheetError } from './sheet-error'
import type { SharedTexts } from './sheet-record'
import type { StreamAbout } from './stream-about'

export interface WorkerRequest {
  path: string
  file: string
  options: SheetReadOptions
  limits: ReadLimits
  /** The file's bytes when the app has them already: moved to the worker (not copied), which then
   * does not read the file again. Only a view of a whole ArrayBuffer (see movableBytes). */
  bytes?: Uint8Array
  /** One Int32 the app adds 1 to for each batch of records it has taken in: the worker keeps at
   * most MAX_BATCHES_AHEAD batches ahead of it, so a slow app does not pile up batches in memory. */
  taken?: SharedArrayBuffer
}

/** Batches of records the worker may have posted and the app not yet taken in. */
export const MAX_BATCHES_AHEAD = 16

export type ReadOutcome = { ok: true; value: ReadResult } | { ok: false; error: SheetError }

/** The worker's messages. The records of a text file or an Excel workbook come in batches while
 * it is being read, so the app copies them in while the worker reads on (one copy of a whole big
 * table at the end would cost the app more than the reading); 'end' then ends the read, and the
 * app makes the table. An XLS or ODS workbook, or any failure, is one 'outcome'. A batch's repeated
 * texts are sent once (`shared`, see CellSharer): its cells hold null where they go. */
export type WorkerMessage =
  | { kind: 'records'; cells: Cell[][]; rows: number[]; shared: SharedTexts }
  | { kind: 'end'; about: StreamAbout }
  | { kind: 'outcome'; outcome: ReadOutcome }
