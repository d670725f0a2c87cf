// What can be done with a whole run: resume it, send its failed orders again (as fixed in place or
// from a corrected file), export the results, or undo it.
import { useId, useState } from 'react'
import type { RunSummary } from '#shared/ipc/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { downloadBytes } from '../../lib/download'
import { plural } from '../../lib/format'
import { readFileBytes, SHEET_FILE_ACCEPT } from '../../lib/read-file'
import { useAction } from '../../lib/use-action'
import { TID } from '../../test-ids'
import { canResume } from './run-words'

interface RunActionsProps {
  run: RunSummary
  live: boolean
  onWatch: () => void
  onChanged: () => void
}

type ExportFormat = 'csv' | 'xlsx'
type ExportOnly = 'all' | 'failed' | 'unknown' | 'succeeded'

export function RunActions({ run, live, onWatch, onChanged }: RunActionsProps) {
  const action = useAction()
  const [result, setResult] = useState<{ text: string; details: string[] } | null>(null)
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [only, setOnly] = useState<ExportOnly>('all')
  const [confirmUndo, setConfirmUndo] = useState(false)
  const [requeued, setRequeued] = useState(0)
  const ids = { format: useId(), only: useId(), file: useId() }
  const { runId } = run

  const resume = async () => {
    const value = await action.run('run.resume', { runId })
    if (value) onWatch()
  }

  const retry = async (fixedFile?: File) => {
    setResult(null)
    const bytes = fixedFile ? await readFileBytes(fixedFile).catch(() => null) : null
    if (fixedFile && !bytes) return action.setError(`"${fixedFile.name}" could not be read from the disk. Close it in other programs and try again.`)
    const value = await action.run('runs.retryFailed', { runId, ...(fixedFile && bytes ? { fixedFile: { name: fixedFile.name, bytes } } : {}) })
    if (!value) return
    setRequeued(value.requeued)
    setResult({
      text: `${plural(value.requeued, 'order')} queued to be sent again${value.stillInvalid ? `; ${plural(value.stillInvalid, 'order')} still ${value.stillInvalid === 1 ? 'has problems and stays' : 'have problems and stay'} failed` : ''}.${value.requeued ? ' Press Resume to send them.' : ''}`,
      details: value.messages
    })
    onChanged()
  }

  const exportResults = async () => {
    setResult(null)
    const value = await action.run('runs.export', { runId, format, only })
    if (!value) return
    downloadBytes(value.name, value.bytes)
    setResult({ text: `Exported to "${value.name}" (see your downloads).`, details: [] })
  }

  const undo = async () => {
    setConfirmUndo(false)
    setResult(null)
    const value = await action.run('runs.undo', { runId })
    if (!value) return
    setResult({
      text: `${plural(value.deleted, 'order')} deleted in the shop${value.failed ? `; ${plural(value.failed, 'order')} could not be deleted` : ''}.`,
      details: value.messages
    })
    onChanged()
  }

  const resumable = canResume(run) || requeued > 0
  return (
    <div className="run-actions">
      <div className="form-actions">
        {live ? (
          <button type="button" className="primary" onClick={onWatch}>Watch progress</button>
        ) : (
          resumable && <button type="button" className="primary" data-testid={TID.history.resume} disabled={action.busy} onClick={resume}>Resume</button>
        )}
        {run.counts.failed > 0 && (
          <>
            <button type="button" data-testid={TID.history.retryFailed} disabled={action.busy || live} onClick={() => retry()}>Send failed orders again</button>
            <label className="button-like" htmlFor={ids.file}>Load a corrected file…</label>
            <input
              id={ids.file}
              type="file"
              className="visually-hidden"
              accept={SHEET_FILE_ACCEPT}
              aria-label="Corrected file for the failed orders"
              data-testid={TID.history.fixedFile}
              disabled={action.busy || live}
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (file) void retry(file)
              }}
            />
          </>
        )}
      </div>

      <div className="inline-controls">
        <label htmlFor={ids.format}>Export</label>
        <select id={ids.only} aria-label="Which orders to export" data-testid={TID.history.exportOnly} value={only} onChange={(e) => setOnly(e.target.value as ExportOnly)}>
          <option value="all">all orders</option>
          <option value="failed">failed orders</option>
          <option value="unknown">orders with unknown outcome</option>
          <option value="succeeded">created orders</option>
        </select>
        <select id={ids.format} aria-label="File format" data-testid={TID.history.exportFormat} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          <option value="csv">as CSV</option>
          <option value="xlsx">as Excel (XLSX)</option>
        </select>
        <button type="button" data-testid={TID.history.export} disabled={action.busy} onClick={exportResults}>Export</button>
        {run.counts.succeeded > 0 && (
          <button type="button" className="danger push-right" data-testid={TID.history.undo} disabled={action.busy || live} onClick={() => setConfirmUndo(true)}>Undo this run…</button>
        )}
      </div>

      <ErrorMessage message={action.error} testId="run-action-error" />
      <StatusMessage message={result?.text ?? null} testId="run-action-result" />
      {result && result.details.length > 0 && <ul className="details">{result.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}

      {confirmUndo && (
        <ConfirmDialog title={`Undo run #${runId}?`} confirmLabel="Delete these orders" onCancel={() => setConfirmUndo(false)} onConfirm={undo}>
          <p>
            The app will ask the shop at {run.apiBase} to delete the {plural(run.counts.succeeded, 'order')} this run created (for the account {run.login}).
            Orders the shop already had before this run, failed orders and orders with an unknown outcome are left alone.
          </p>
          <p>The shop may only hide deleted orders, and this cannot be taken back from here.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
