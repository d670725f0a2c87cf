// What can be done with a whole run: resume it, send its failed orders again (as fixed in place or
// from a corrected file), export the results, or undo it.
import { useId, useState } from 'react'
import type { RunSummary } from '#shared/ipc/contract'
import { renderMessage } from '#shared/i18n/message'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { downloadBytes } from '../../lib/download'
import { useFormats, useLanguage, useT } from '../../lib/i18n'
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
  const t = useT()
  const [result, setResult] = useState<{ text: string; details: string[] } | null>(null)
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [only, setOnly] = useState<ExportOnly>('all')
  const f = useFormats()
  const { language } = useLanguage()
  // Where numbers have decimal commas, Excel splits CSV on ';': that is the default there, and said.
  const [delimiter, setDelimiter] = useState<',' | ';'>(f.csvDelimiter)
  const [confirmUndo, setConfirmUndo] = useState(false)
  const [requeued, setRequeued] = useState(0)
  const ids = { format: useId(), only: useId(), file: useId(), delimiter: useId(), note: useId() }
  const { runId } = run

  const resume = async () => {
    const value = await action.run('run.resume', { runId })
    if (value) onWatch()
  }

  const retry = async (fixedFile?: File) => {
    setResult(null)
    const bytes = fixedFile ? await readFileBytes(fixedFile).catch(() => null) : null
    if (fixedFile && !bytes) return action.setError(t('error.fileUnreadable', { name: fixedFile.name }))
    const value = await action.run('runs.retryFailed', { runId, ...(fixedFile && bytes ? { fixedFile: { name: fixedFile.name, bytes } } : {}) })
    if (!value) return
    setRequeued(value.requeued)
    setResult({
      text: `${t('history.retried', { count: value.requeued })}${value.stillInvalid ? t('history.stillInvalid', { count: value.stillInvalid }) : ''}.${value.requeued ? t('history.pressResume') : ''}`,
      details: value.messages.map((m) => renderMessage(t, m))
    })
    onChanged()
  }

  const retryStatus = async () => {
    setResult(null)
    const value = await action.run('runs.retryStatus', { runId })
    if (!value) return
    setResult({ text: t('history.retriedStatus', { count: value.requeued }), details: value.messages.map((m) => renderMessage(t, m)) })
    onChanged()
  }

  const exportResults = async () => {
    setResult(null)
    const value = await action.run('runs.export', { runId, format, only, language, ...(format === 'csv' ? { delimiter } : {}) })
    if (!value) return
    downloadBytes(value.name, value.bytes)
    setResult({ text: t('history.exported', { name: value.name }), details: [] })
  }

  const undo = async () => {
    setConfirmUndo(false)
    setResult(null)
    const value = await action.run('runs.undo', { runId })
    if (!value) return
    setResult({
      text: `${t('history.deleted', { count: value.deleted })}${value.failed ? t('history.notDeleted', { count: value.failed }) : ''}.`,
      details: value.messages.map((m) => renderMessage(t, m))
    })
    onChanged()
  }

  const resumable = canResume(run) || requeued > 0
  return (
    <div className="run-actions">
      <div className="form-actions">
        {live ? (
          <button type="button" className="primary" onClick={onWatch}>{t('history.watch')}</button>
        ) : (
          resumable && <button type="button" className="primary" data-testid={TID.history.resume} disabled={action.busy} onClick={resume}>{t('history.resume')}</button>
        )}
        {(run.statuses?.failed ?? 0) > 0 && (
          <button type="button" data-testid={TID.history.retryStatus} disabled={action.busy || live} onClick={() => void retryStatus()}>{t('history.retryStatus')}</button>
        )}
        {run.counts.failed > 0 && (
          <>
            <button type="button" data-testid={TID.history.retryFailed} disabled={action.busy || live} onClick={() => retry()}>{t('history.retry')}</button>
            <label className="button-like" htmlFor={ids.file}>{t('history.fixedFile')}</label>
            <input
              id={ids.file}
              type="file"
              className="visually-hidden"
              accept={SHEET_FILE_ACCEPT}
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
        <label htmlFor={ids.format}>{t('history.exportLabel')}</label>
        <select id={ids.only} aria-label={t('history.exportWhich')} data-testid={TID.history.exportOnly} value={only} onChange={(e) => setOnly(e.target.value as ExportOnly)}>
          <option value="all">{t('history.export.all')}</option>
          <option value="failed">{t('history.export.failed')}</option>
          <option value="unknown">{t('history.export.unknown')}</option>
          <option value="succeeded">{t('history.export.succeeded')}</option>
        </select>
        <select id={ids.format} aria-label={t('history.exportFormat')} data-testid={TID.history.exportFormat} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          <option value="csv">{t('history.export.csv')}</option>
          <option value="xlsx">{t('history.export.xlsx')}</option>
        </select>
        {format === 'csv' && (
          <select id={ids.delimiter} aria-label={t('history.csvDelimiter')} aria-describedby={ids.note} data-testid={TID.history.exportDelimiter} value={delimiter} onChange={(e) => setDelimiter(e.target.value === ';' ? ';' : ',')}>
            <option value=";">{t('history.csv.semicolon')}</option>
            <option value=",">{t('history.csv.comma')}</option>
          </select>
        )}
        <button type="button" data-testid={TID.history.export} disabled={action.busy} onClick={exportResults}>{t('history.export')}</button>
        {run.counts.succeeded > 0 && (
          <button type="button" className="danger push-right" data-testid={TID.history.undo} disabled={action.busy || live} onClick={() => setConfirmUndo(true)}>{t('history.undo')}</button>
        )}
      </div>

      {run.statuses && (
        <p className="hint" data-testid={TID.history.statuses}>
          {t('history.statuses', { done: run.statuses.done, notSet: run.statuses.failed + run.statuses.unknown, waiting: run.statuses.pending + run.statuses.sending })}
        </p>
      )}
      <p id={ids.note} className="hint">{t('history.csvNote', { language: t(`app.language.${language}`) })}</p>
      <ErrorMessage message={action.error} testId="run-action-error" />
      <StatusMessage message={result?.text ?? null} testId="run-action-result" />
      {result && result.details.length > 0 && <ul className="details">{result.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}

      {confirmUndo && (
        <ConfirmDialog title={t('history.undoTitle', { run: runId })} confirmLabel={t('history.undoConfirm')} onCancel={() => setConfirmUndo(false)} onConfirm={undo}>
          <p>
            {t('history.undoText', { count: run.counts.succeeded, address: run.sandbox ? t('history.sandbox') : run.apiBase, login: run.login })}
          </p>
          <p>{t('history.undoWarning')}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
