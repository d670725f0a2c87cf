// Worker thread entry: reads and parses one file and ends. Parsing an untrusted file here keeps a
// hang, a crash or a memory blow-up away from the app. The records of a text file or an Excel
// workbook are posted in batches as they are read (see WorkerMessage); anything else is posted whole.
import { parentPort, workerData } from 'node:worker_threads'
import { parseSheetStreaming, tooLarge } from './parse-bytes'
import { readFileBytes } from './read-file-bytes'
import { isSheetReadError, sheetReadError, why } from './sheet-error'
import { CellSharer } from './sheet-record'
import { MAX_BATCHES_AHEAD, type WorkerMessage, type WorkerRequest } from './worker-protocol'

const request = workerData as WorkerRequest
const taken = request.taken ? new Int32Array(request.taken) : null
let posted = 0

/** Waits while the app is MAX_BATCHES_AHEAD batches behind (in short waits, so a terminate is
 * never kept waiting long). */
function waitForApp(): void {
  if (taken === null) return
  for (;;) {
    const done = Atomics.load(taken, 0)
    if (posted - done < MAX_BATCHES_AHEAD) return
    Atomics.wait(taken, 0, done, 50)
  }
}

function post(message: WorkerMessage): void {
  if (message.kind === 'records') {
    waitForApp()
    posted++
  }
  // The numbers of a batch's shared texts are moved to the app, not copied.
  parentPort?.postMessage(message, message.kind === 'records' ? [message.shared.refs.buffer as ArrayBuffer] : [])
}

function run(request: WorkerRequest): WorkerMessage {
  try {
    const bytes = request.bytes ?? readFileBytes(request.path, request.file, request.limits)
    if (bytes.length > request.limits.maxFileBytes) throw tooLarge(request.file, bytes.length, request.limits)
    const sharer = new CellSharer()
    const read = parseSheetStreaming(bytes, request.file, { ...request.options, limits: request.limits }, (cells, rows) => post({ kind: 'records', cells, rows, shared: sharer.share(cells) }))
    return 'table' in read ? { kind: 'outcome', outcome: { ok: true, value: read } } : { kind: 'end', about: read }
  } catch (error) {
    if (isSheetReadError(error)) return { kind: 'outcome', outcome: { ok: false, error: error.error } }
    return {
      kind: 'outcome',
      outcome: { ok: false, error: sheetReadError('malformed', request.file, 'the file could not be read: its contents are damaged or in an unexpected layout. Open it in Excel or LibreOffice, save it again as .xlsx or CSV and retry.', why('sheet.damaged')).error }
    }
  }
}

post(run(request))
