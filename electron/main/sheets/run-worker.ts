// Runs one read in a worker thread with a heap limit, a wall-clock limit and cancellation, and
// always settles with a ReadOutcome: whatever the file does to the worker, the caller gets a
// plain answer and the calling process carries on.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ReadResult } from '#shared/sheet/sheet'
import type { ReadLimits } from './limits'
import { isSheetReadError, sheetReadError, type SheetError, why } from './sheet-error'
import { appendRecords, CellUnsharer, emptyRecords } from './sheet-record'
import { tableFromRecords } from './stream-about'
import type { ReadOutcome, WorkerMessage, WorkerRequest } from './worker-protocol'

/** electron-vite builds sheet-worker.ts next to the main bundle under this name; this module may
 * itself land in a chunk one folder down, hence the second place to look. */
const BUILT_WORKER_PLACES = ['./sheet-worker.js', '../sheet-worker.js']

/** Set by runBuiltSheetWorker: the compiled worker to run even when this module runs from source. */
let builtOverride: URL | null = null

/** Makes reads run the compiled worker (out/main/sheet-worker.js, `npm run build`) although this
 * module runs from TypeScript: a benchmark run through tsx then measures the worker the app runs,
 * not one that first registers tsx and compiles its sources (about 0.4 s of CPU per read). */
export function runBuiltSheetWorker(worker: URL): void {
  builtOverride = worker
}

/** setTimeout fires at once for delays past 2^31-1 ms; longer limits mean "about 24 days". */
const MAX_TIMER_MS = 2_147_483_647

export function runSheetWorker(request: WorkerRequest, limits: ReadLimits, signal?: AbortSignal): Promise<ReadOutcome> {
  const { file } = request
  if (signal?.aborted) return Promise.resolve(failure(cancelled(file)))
  return new Promise<ReadOutcome>((resolve) => {
    let worker: Worker
    const taken = new Int32Array(new SharedArrayBuffer(4))
    try {
      worker = startWithBytes({ ...request, taken: taken.buffer as SharedArrayBuffer }, limits)
    } catch (error) {
      resolve(failure(crashed(file, error)))
      return
    }
    let settled = false
    const finish = (outcome: ReadOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      worker.terminate().catch(() => undefined)
      resolve(outcome)
    }
    const onAbort = (): void => finish(failure(cancelled(file)))
    const timer = setTimeout(() => finish(failure(timedOut(file, limits.timeoutMs))), Math.min(limits.timeoutMs, MAX_TIMER_MS))
    signal?.addEventListener('abort', onAbort, { once: true })
    const records = emptyRecords()
    const unsharer = new CellUnsharer()
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'records') {
        unsharer.restore(message.cells, message.shared)
        appendRecords(records, message.cells, message.rows)
        Atomics.add(taken, 0, 1)
        Atomics.notify(taken, 0)
      }
      else if (message.kind === 'end') finish(tableOutcome(() => tableFromRecords(records, message.about, request.options, limits), file))
      else finish(message.outcome)
    })
    worker.once('error', (error) => finish(failure(isOutOfMemory(error) ? outOfMemory(file, limits.maxHeapMb) : crashed(file, error))))
    worker.once('exit', (code) => finish(failure(code === 0 ? crashed(file, 'no answer') : crashed(file, `exit code ${code}`))))
  })
}

/** The worker started with the file's bytes moved to it, or, when they cannot be moved (a
 * buffer that refuses to be detached), started to read the file itself. */
function startWithBytes(request: WorkerRequest, limits: ReadLimits): Worker {
  if (!request.bytes) return startWorker(request, limits)
  try {
    return startWorker(request, limits)
  } catch {
    const { bytes: _bytes, ...reading } = request
    return startWorker(reading, limits)
  }
}

function startWorker(request: WorkerRequest, limits: ReadLimits): Worker {
  const here = import.meta.url
  const worker = builtOverride
    ? new Worker(builtOverride, workerOptions(request, limits))
    : here.endsWith('.ts')
    ? new Worker(sourceBootstrap(here), { eval: true, ...workerOptions(request, limits) })
    : new Worker(builtWorker(here), workerOptions(request, limits))
  // Library warnings from inside the worker are not the user's business; drain and drop them.
  worker.stdout.resume()
  worker.stderr.resume()
  return worker
}

function workerOptions(request: WorkerRequest, limits: ReadLimits) {
  return {
    workerData: request,
    // The file's bytes are moved to the worker, not copied (copying 100 MB costs more than reading it).
    transferList: request.bytes ? [request.bytes.buffer as ArrayBuffer] : [],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    stdout: true,
    stderr: true
  }
}

function builtWorker(here: string): URL {
  const places = BUILT_WORKER_PLACES.map((place) => new URL(place, here))
  return places.find((url) => existsSync(fileURLToPath(url))) ?? places[0]!
}

/** Running from source (tsx, vitest): Node refuses a .ts worker entry, so the worker first
 * registers tsx, then imports the entry. tsx is resolved here, from this file, so it is found
 * whatever the current directory is. */
function sourceBootstrap(here: string): string {
  const entry = new URL('./sheet-worker.ts', here).href
  return `import(${JSON.stringify(tsxApi())}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`
}

function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api')
  } catch {
    return 'tsx/esm/api'
  }
}

/** The table made here from the records the worker sent; its problems (no data rows, a header
 * row that is not there) are outcomes like any other. */
function tableOutcome(make: () => ReadResult, file: string): ReadOutcome {
  try {
    return { ok: true, value: make() }
  } catch (error) {
    return failure(isSheetReadError(error) ? error.error : crashed(file, error))
  }
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

function failure(error: SheetError): ReadOutcome {
  return { ok: false, error }
}

/** Cancelling has no code of its own in SheetErrorCode; callers that cancelled know it from
 * their signal, and 'timeout' ("stopped before it finished") is the closest meaning. */
function cancelled(file: string): SheetError {
  return sheetReadError('timeout', file, 'reading the file was cancelled before it finished. Open the file again to read it.', why('sheet.cancelled')).error
}

function timedOut(file: string, timeoutMs: number): SheetError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000))
  return sheetReadError('timeout', file, `reading the file took longer than ${seconds} s, so it was stopped. Split a very large file into smaller ones, or re-save it from Excel as .xlsx or CSV, and try again.`, why('sheet.timeout', { seconds })).error
}

function outOfMemory(file: string, maxHeapMb: number): SheetError {
  return sheetReadError('out-of-memory', file, `reading the file needed more than the ${maxHeapMb} MB of memory allowed, so it was stopped. Split it into smaller files, or export only the orders sheet as CSV, and try again.`, why('sheet.heapExceeded', { heap: maxHeapMb })).error
}

function crashed(file: string, cause: unknown): SheetError {
  const raw = cause instanceof Error ? cause.message : String(cause)
  const reason = (raw.split('\n')[0] ?? '').slice(0, 120)
  return sheetReadError('unreadable', file, `the reader stopped unexpectedly (${reason}). Try again; if it happens again, re-save the file from Excel as .xlsx or CSV.`, why('sheet.readerStopped', { reason })).error
}
