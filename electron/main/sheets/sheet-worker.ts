// Worker thread entry: reads and parses one file, posts one ReadOutcome, and ends. Parsing an
// untrusted file here keeps a hang, a crash or a memory blow-up away from the app.
import { parentPort, workerData } from 'node:worker_threads'
import { parseSheetBytes } from './parse-bytes'
import { readFileBytes } from './read-file-bytes'
import { isSheetReadError, sheetReadError } from './sheet-error'
import type { ReadOutcome, WorkerRequest } from './worker-protocol'

function run(request: WorkerRequest): ReadOutcome {
  try {
    const bytes = readFileBytes(request.path, request.file, request.limits)
    return { ok: true, value: parseSheetBytes(bytes, request.file, { ...request.options, limits: request.limits }) }
  } catch (error) {
    if (isSheetReadError(error)) return { ok: false, error: error.error }
    return { ok: false, error: sheetReadError('malformed', request.file, 'the file could not be read: its contents are damaged or in an unexpected layout. Open it in Excel or LibreOffice, save it again as .xlsx or CSV and retry.').error }
  }
}

parentPort?.postMessage(run(workerData as WorkerRequest))
