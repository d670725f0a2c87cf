// Step 4: what will be sent and where, at what pace; then start, pause, resume or cancel, with
// the run's progress and the shop's answers as they come.
import { useEffect, useRef, useState } from 'react'
import type { ConnectionInfo, PlanCounts, RunSummary, SendProgressEvent } from '#shared/ipc/contract'
import { noticeWords } from '#shared/run/notice-words'
import type { SideEffect } from '#shared/run/side-effects'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { ErrorMessage } from '../../components/Messages'
import { useApi } from '../../lib/api-context'
import { SheetIssues } from '../../components/SheetIssues'
import { useFormats, useT } from '../../lib/i18n'
import type { RunFeed } from '../../lib/run-feed'
import { useAction } from '../../lib/use-action'
import type { SessionState } from '../../lib/use-session'
import { TID } from '../../test-ids'
import { PaceFields } from './PaceFields'
import { RunProgress } from './RunProgress'
import { DEFAULT_PACE, paceText, readPace, type Pace } from './send-settings'
import { SendLog } from './SendLog'
import { ShopNotice } from './ShopNotice'

interface SendScreenProps {
  state: SessionState
  connection: ConnectionInfo | null
  feed: RunFeed
  activeRunId: number | null
  onRunStarted: (runId: number) => void
  onOpenHistory: () => void
}

type Phase = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'cancelled'

export function SendScreen({ state, connection, feed, activeRunId, onRunStarted, onOpenHistory }: SendScreenProps) {
  const action = useAction()
  const api = useApi()
  const t = useT()
  const f = useFormats()
  const sandbox = connection?.kind === 'sandbox'
  const [rate, setRate] = useState(String(DEFAULT_PACE[sandbox ? 'sandbox' : 'shop'].rate))
  const [concurrency, setConcurrency] = useState(String(DEFAULT_PACE[sandbox ? 'sandbox' : 'shop'].concurrency))
  // The session this screen started the active run from: once that run is over, the screen shows
  // its result, not the same sheet as still to be sent.
  const [runSession, setRunSession] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [started, setStarted] = useState<{ staged: number; skipped: number } | null>(null)
  const [commanded, setCommanded] = useState<RunSummary['status'] | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  // A run to a real shop is started only after the user has gone ahead with what the shop is
  // likely to do (issue 12 §3): asked of main again at Start, for the pace chosen then.
  const [confirmStart, setConfirmStart] = useState<{ pace: Pace; effects: SideEffect[] } | null>(null)
  const progress = activeRunId !== null ? feed.progress.get(activeRunId) : undefined
  const log = activeRunId !== null ? feed.log.filter((entry) => entry.runId === activeRunId) : []

  // A newer progress event says more than the answer to the last button press, except that a
  // cancelled run stays cancelled.
  useEffect(() => {
    setCommanded((old) => (old === 'cancelled' ? old : null))
  }, [progress])

  // A run opened from History (or this screen shown again) keeps its own pace: show that pace, not
  // the defaults, so Resume does not silently change it. The run's stored pace comes from
  // runs.list; until it answers (or if main cannot say), the rate of its first progress event.
  const pacedRun = useRef<number | null>(null)
  const guessedRun = useRef<number | null>(null)
  const typed = useRef(false)
  // The connection arrives after the first render: until the user types a pace or a run has its
  // own, the defaults follow it (the sandbox is quick, a real shop gentle).
  useEffect(() => {
    if (typed.current || activeRunId !== null) return
    const defaults = DEFAULT_PACE[sandbox ? 'sandbox' : 'shop']
    setRate(String(defaults.rate))
    setConcurrency(String(defaults.concurrency))
  }, [sandbox, activeRunId])
  useEffect(() => {
    if (activeRunId === null || pacedRun.current === activeRunId) return
    let current = true
    api.invoke('runs.list', {}).then((result) => {
      const summary = result.ok ? result.value.find((r) => r.runId === activeRunId) : undefined
      if (!current || pacedRun.current === activeRunId || summary?.rate === undefined) return
      pacedRun.current = activeRunId
      setRate(paceText(summary.rate))
      if (summary.concurrency !== undefined) setConcurrency(String(summary.concurrency))
    }, () => undefined)
    return () => {
      current = false
    }
  }, [api, activeRunId])
  useEffect(() => {
    if (!progress || activeRunId === null || pacedRun.current === activeRunId || guessedRun.current === activeRunId) return
    guessedRun.current = activeRunId
    setRate(paceText(progress.rate))
  }, [progress, activeRunId])

  const phase = phaseOf(activeRunId, progress, commanded, action.busy)
  const { run } = action

  const pace = () => {
    const read = readPace(rate, concurrency, t)
    setProblem(typeof read === 'string' ? read : null)
    return typeof read === 'string' ? null : read
  }

  const start = async () => {
    const chosen = pace()
    if (!chosen || !state.session) return
    if (connection?.kind === 'account') {
      const notice = await api.invoke('run.notice', { sessionId: state.session.sessionId, ...chosen })
      if (notice.ok && notice.value.effects.length > 0) {
        setConfirmStart({ pace: chosen, effects: notice.value.effects })
        return
      }
    }
    await begin(chosen)
  }

  const begin = async (chosen: Pace) => {
    if (!state.session) return
    const answer = await run('run.start', { sessionId: state.session.sessionId, ...chosen })
    if (!answer) return
    pacedRun.current = answer.runId
    setRunSession(state.session.sessionId)
    setStarted({ staged: answer.staged, skipped: answer.skipped })
    setCommanded('running')
    onRunStarted(answer.runId)
  }

  const command = async (channel: 'run.pause' | 'run.resume' | 'run.cancel') => {
    if (activeRunId === null) return
    let answer: RunSummary | undefined
    if (channel === 'run.resume') {
      const chosen = pace()
      if (!chosen) return
      answer = await run('run.resume', { runId: activeRunId, ...chosen })
    } else {
      answer = await run(channel, { runId: activeRunId })
    }
    if (answer) setCommanded(answer.status)
  }

  const over = phase === 'finished' || phase === 'cancelled'
  const sameSheetAsRun = state.session !== null && state.session.sessionId === runSession
  const canStart = state.session !== null && (phase === 'idle' || (over && !sameSheetAsRun))
  const counts = state.counts

  return (
    <section className="panel-stack" aria-labelledby="send-title">
      <h1 id="send-title" tabIndex={-1}>{t('send.title')}</h1>

      <div className="card">
        <h2>{t('send.destination')}</h2>
        <ConnectionBadge connection={connection} />
        {connection?.kind === 'account' && <p className="hint">{t('send.liveHint', { login: connection.login })}</p>}
      </div>

      {counts && canStart && <WhatWillBeSent counts={counts} />}
      {canStart && <SheetIssues issues={state.sheetIssues} />}
      {counts && canStart && state.session && connection?.kind === 'account' && (
        <ShopNotice sessionId={state.session.sessionId} rate={rate} concurrency={concurrency} version={`${connection.login}:${ordersToSend(counts)}`} />
      )}

      {(canStart || !over) && (
      <div className="card">
        <h2>{t('send.pace')}</h2>
        <PaceFields
          rate={rate}
          concurrency={concurrency}
          sandbox={sandbox}
          disabled={phase === 'running' || phase === 'starting'}
          onRate={(text) => {
            typed.current = true
            setRate(text)
          }}
          onConcurrency={(text) => {
            typed.current = true
            setConcurrency(text)
          }}
        />
        {phase === 'running' && <p className="hint">{t('send.changePace')}</p>}
        <div className="form-actions">
          {canStart && (
            <button type="button" className="primary" data-testid={TID.send.start} disabled={action.busy || !counts || ordersToSend(counts) === 0} onClick={start}>
              {t('send.start')}
            </button>
          )}
          {phase === 'running' && <button type="button" data-testid={TID.send.pause} disabled={action.busy} onClick={() => command('run.pause')}>{t('send.pause')}</button>}
          {phase === 'paused' && <button type="button" className="primary" data-testid={TID.send.resume} disabled={action.busy} onClick={() => command('run.resume')}>{t('send.resume')}</button>}
          {(phase === 'running' || phase === 'paused') && (
            <button type="button" className="danger" data-testid={TID.send.cancel} disabled={action.busy} onClick={() => setConfirmCancel(true)}>{t('send.cancel')}</button>
          )}
        </div>
        {counts && ordersToSend(counts) === 0 && canStart && <p className="hint">{t('send.nothing')}</p>}
        <ErrorMessage message={problem ?? action.error} />
      </div>
      )}

      {activeRunId !== null && (
        <div className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">{t('send.run', { run: activeRunId, phase: t(`send.phase.${phase}`) })}</h2>
          {started && (
            <p className="hint">
              {started.skipped
                ? t('send.queuedSkipped', { queued: t('send.queued', { count: started.staged }), skipped: f.count(started.skipped) })
                : t('send.queuedOnly', { queued: t('send.queued', { count: started.staged }) })}
            </p>
          )}
          {progress ? <RunProgress progress={progress} /> : <p className="hint">{t('send.waitingFirst')}</p>}
          {over && (
            <p className="note" data-testid={TID.send.result}>
              {phase === 'cancelled' ? t('send.cancelled') : t('send.over')} {t('send.fixInHistory')}{' '}
              <button type="button" className="link-button" onClick={onOpenHistory}>{t('send.openHistory')}</button>
            </p>
          )}
        </div>
      )}

      {activeRunId !== null && <SendLog entries={log} />}

      {confirmStart && connection?.kind === 'account' && (
        <ConfirmDialog
          title={t('notice.confirmTitle', { login: connection.login })}
          confirmLabel={t('notice.confirmOk')}
          cancelLabel={t('notice.confirmKeep')}
          onCancel={() => setConfirmStart(null)}
          onConfirm={() => {
            const chosen = confirmStart.pace
            setConfirmStart(null)
            void begin(chosen)
          }}
        >
          <p>{t('notice.confirmText')}</p>
          <ul data-testid={TID.send.noticeConfirm}>
            {confirmStart.effects.map((effect) => (
              <li key={effect.code}>{noticeWords(effect, t, f.duration)}</li>
            ))}
          </ul>
        </ConfirmDialog>
      )}

      {confirmCancel && activeRunId !== null && (
        <ConfirmDialog
          title={t('send.cancelTitle', { run: activeRunId })}
          confirmLabel={t('send.cancelConfirm')}
          cancelLabel={t('send.keepSending')}
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false)
            void command('run.cancel')
          }}
        >
          <p>
            {t('send.cancelText')}
            {progress ? ` ${t('send.cancelWaiting', { count: progress.counts.pending })}` : ''}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function phaseOf(runId: number | null, progress: SendProgressEvent | undefined, commanded: RunSummary['status'] | null, busy: boolean): Phase {
  if (runId === null) return busy ? 'starting' : 'idle'
  if (commanded === 'cancelled') return 'cancelled'
  if (commanded === 'finished') return 'finished'
  if (commanded === 'paused' || commanded === 'stopped') return 'paused'
  if (commanded === 'running') return 'running'
  if (!progress) return 'running'
  if (progress.counts.pending === 0 && progress.counts.sending === 0 && progress.inFlight === 0) return 'finished'
  return progress.paused ? 'paused' : 'running'
}

/** Valid orders include those an earlier run created: main skips them when the run starts. */
export function ordersToSend(counts: PlanCounts): number {
  return Math.max(0, counts.validOrders - counts.alreadyCreated)
}

function WhatWillBeSent({ counts }: { counts: PlanCounts }) {
  const t = useT()
  const f = useFormats()
  return (
    <div className="card">
      <h2>{t('send.what')}</h2>
      <dl className="stats">
        <div><dt>{t('send.toSend')}</dt><dd>{f.count(ordersToSend(counts))}</dd></div>
        <div><dt>{t('send.skipped')}</dt><dd>{f.count(counts.alreadyCreated)}</dd></div>
        <div><dt>{t('send.heldBack')}</dt><dd>{f.count(Math.max(0, counts.orders - counts.validOrders))}</dd></div>
        <div><dt>{t('send.excluded')}</dt><dd>{f.count(counts.excludedRows)}</dd></div>
      </dl>
    </div>
  )
}
