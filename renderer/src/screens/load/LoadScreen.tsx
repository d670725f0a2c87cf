// Step 1: pick a file, let main read it, and check what it detected. Main gets the bytes and does
// all reading; the renderer only shows the answer.
import { useEffect, useRef, useState } from 'react'
import type { JobProgressEvent, ReadOverrides } from '#shared/ipc/contract'
import { ErrorMessage } from '../../components/Messages'
import { useFormats, useT } from '../../lib/i18n'
import { readFileBytes } from '../../lib/read-file'
import { useAction } from '../../lib/use-action'
import { useEvent } from '../../lib/use-event'
import type { SessionState } from '../../lib/use-session'
import { TID } from '../../test-ids'
import { DetectionPanel } from './DetectionPanel'
import { FileDrop } from './FileDrop'
import { RawPreview } from './RawPreview'

export interface LoadScreenProps {
  state: SessionState
  onNext: () => void
  /** A file the desktop app opened from outside the page, read as if it had been dropped. */
  openedFile?: File | null
  onOpenedFileTaken?: () => void
}

export function LoadScreen({ state, onNext, openedFile = null, onOpenedFileTaken }: LoadScreenProps) {
  const action = useAction()
  const t = useT()
  const [reading, setReading] = useState<string | null>(null)
  const [job, setJob] = useState<JobProgressEvent | null>(null)
  const [overrides, setOverrides] = useState<ReadOverrides>({})
  const [maxFileMb, setMaxFileMb] = useState<number | undefined>(undefined)
  const { session } = state

  useEvent('job.progress', (event) => {
    if (reading !== null) setJob(event)
  })

  const load = async (file: File) => {
    action.setError(null)
    setReading(file.name)
    setJob(null)
    try {
      const bytes = await readFileBytes(file).catch(() => null)
      if (!bytes) {
        action.setError(t('error.fileUnreadable', { name: file.name }))
        return
      }
      const first: ReadOverrides = maxFileMb === undefined ? {} : { maxFileMb }
      const value = await action.run('sheet.load', { name: file.name, bytes, options: first })
      if (value) {
        setOverrides(first)
        state.open(value)
      }
    } finally {
      setReading(null)
    }
  }

  const taken = useRef<File | null>(null)
  useEffect(() => {
    if (!openedFile || taken.current === openedFile) return
    taken.current = openedFile
    onOpenedFileTaken?.()
    void load(openedFile)
    // load is recreated each render; the file is what matters, and it is taken once (the ref
    // keeps React's development double-run from reading it twice).
  }, [openedFile])

  const reload = async (change: ReadOverrides) => {
    if (!session) return
    // Another sheet has its own header row: detect it again rather than carry the old one over.
    const next: ReadOverrides = change.sheet !== undefined ? { ...withoutHeaderRow(overrides), ...change } : { ...overrides, ...change }
    const value = await action.run('sheet.reload', { sessionId: session.sessionId, options: next })
    if (value) {
      setOverrides(next)
      state.open(value)
    }
  }

  return (
    <section className="panel-stack" aria-labelledby="load-title">
      <h1 id="load-title" tabIndex={-1}>{t('load.title')}</h1>
      <FileDrop compact={session !== null} disabled={reading !== null} onFile={load} />
      {reading !== null && <ReadingProgress name={reading} job={job} />}
      <ErrorMessage message={action.error} />
      <FileSizeLimit value={maxFileMb} onChange={setMaxFileMb} />
      {session && (
        <>
          <div className="card summary" data-testid={TID.load.summary}>
            <h2>{session.meta.file}</h2>
            <p>
              {t('load.summary', {
                format: session.meta.format.toUpperCase(),
                rows: t('load.dataRows', { count: session.meta.rowCount }),
                columns: t('load.columns', { count: session.meta.columnCount })
              })}
              {session.meta.sheetNames.length > 1 ? t('load.sheetName', { sheet: session.meta.sheet }) : ''}
            </p>
            {session.template && <p className="note">{t('load.templateApplied', { name: session.template })}</p>}
            {session.auto && (
              <p className="note">
                {t('load.autoMatched', { count: session.auto.matches.length })}
                {session.auto.ambiguities.length > 0 ? t('load.autoChoices', { count: session.auto.ambiguities.length }) : ''}
                {session.auto.missingRequired.length > 0 ? t('load.autoMissing', { count: session.auto.missingRequired.length }) : ''}.
              </p>
            )}
          </div>
          <DetectionPanel meta={session.meta} disabled={action.busy} onOverride={reload} />
          <div className="card">
            <h2>{t('load.firstRows')}</h2>
            <RawPreview headers={session.headers} headerRow={session.meta.headerRow.value} rows={session.rawPreview} />
          </div>
          <div className="screen-actions">
            <button type="button" className="primary" data-testid={TID.load.next} onClick={onNext}>{t('load.next')}</button>
          </div>
        </>
      )}
    </section>
  )
}

function ReadingProgress({ name, job }: { name: string; job: JobProgressEvent | null }) {
  const t = useT()
  const f = useFormats()
  const total = job?.total ?? null
  return (
    <div className="card" data-testid={TID.load.progress}>
      <p>{t('load.reading', { name })}</p>
      <progress
        aria-label={t('load.readingLabel', { name })}
        max={total ?? undefined}
        value={total !== null && job ? job.done : undefined}
      />
      {job && <p className="hint">{total ? t('load.progressOf', { done: f.count(job.done), total: f.count(total), stage: job.stage }) : t('load.progressDone', { done: f.count(job.done), stage: job.stage })}</p>}
    </div>
  )
}

/** The largest file the app reads; by default a quarter of the memory the reader may use. */
function FileSizeLimit({ value, onChange }: { value: number | undefined; onChange: (mb: number | undefined) => void }) {
  const t = useT()
  return (
    <details className="card">
      <summary>{t('load.limit.title')}</summary>
      <label>
        {t('load.limit.before')}{' '}
        <input
          type="number"
          min={1}
          step={1}
          placeholder={t('load.limit.default')}
          data-testid={TID.load.maxFileMb}
          value={value ?? ''}
          onChange={(event) => {
            const mb = Number(event.target.value)
            onChange(event.target.value === '' || !Number.isFinite(mb) || mb <= 0 ? undefined : mb)
          }}
        />{' '}
        {t('load.limit.unit')}
      </label>
      <p className="hint">{t('load.limit.hint')}</p>
    </details>
  )
}

function withoutHeaderRow(options: ReadOverrides): ReadOverrides {
  const copy = { ...options }
  delete copy.headerRow
  return copy
}
