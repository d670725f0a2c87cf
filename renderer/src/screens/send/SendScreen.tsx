// Step 4: what will be sent and where, at what pace; then start, pause, resume or cancel, with
// the run's progress and the shop's answers as they come.
import { useEffect, useRef, useState } from 'react'
import type { ConnectionInfo, PlanCounts, RunSummary, SendProgressEvent } from '#shared/ipc/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { ErrorMessage } from '../../components/Messages'
import { useApi } from '../../lib/api-context'
import { SheetIssues } from '../../components/SheetIssues'
import { formatCount, plural } from '../../lib/format'
import type { RunFeed } from '../../lib/run-feed'
import { useAction } from '../../lib/use-action'
import type { SessionState } from '../../lib/use-session'
import { TID } from '../../test-ids'
import { PaceFields } from './PaceFields'
import { RunProgress } from './RunProgress'
import { DEFAULT_CONCURRENCY, DEFAULT_RATE, paceText, readPace } from './send-settings'
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
  const [rate, setRate] = useState(String(DEFAULT_RATE))
  const [concurrency, setConcurrency] = useState(String(DEFAULT_CONCURRENCY))
  const [problem, setProblem] = useState<string | null>(null)
  const [started, setStarted] = useState<{ staged: number; skipped: number } | null>(null)
  const [commanded, setCommanded] = useState<RunSummary['status'] | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
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
    const read = readPace(rate, concurrency)
    setProblem(typeof read === 'string' ? read : null)
    return typeof read === 'string' ? null : read
  }

  const start = async () => {
    const chosen = pace()
    if (!chosen || !state.session) return
    const answer = await run('run.start', { sessionId: state.session.sessionId, ...chosen })
    if (!answer) return
    pacedRun.current = answer.runId
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

  const canStart = state.session !== null && (phase === 'idle' || phase === 'finished' || phase === 'cancelled')
  const counts = state.counts

  return (
    <section className="panel-stack" aria-labelledby="send-title">
      <h1 id="send-title" tabIndex={-1}>4 · Send orders</h1>

      <div className="card">
        <h2>Destination</h2>
        <ConnectionBadge connection={connection} />
        {connection?.kind === 'account' && <p className="hint">Orders will be created for real in the shop of {connection.login}.</p>}
      </div>

      {counts && canStart && <WhatWillBeSent counts={counts} />}
      {canStart && <SheetIssues issues={state.sheetIssues} />}
      {counts && canStart && state.session && connection?.kind === 'account' && (
        <ShopNotice sessionId={state.session.sessionId} rate={rate} concurrency={concurrency} version={`${connection.login}:${ordersToSend(counts)}`} />
      )}

      <div className="card">
        <h2>Pace</h2>
        <PaceFields rate={rate} concurrency={concurrency} disabled={phase === 'running' || phase === 'starting'} onRate={setRate} onConcurrency={setConcurrency} />
        {phase === 'running' && <p className="hint">To change the pace, pause, change the numbers, then resume.</p>}
        <div className="form-actions">
          {canStart && (
            <button type="button" className="primary" data-testid={TID.send.start} disabled={action.busy || !counts || ordersToSend(counts) === 0} onClick={start}>
              {phase === 'idle' ? 'Start sending' : 'Send again'}
            </button>
          )}
          {phase === 'running' && <button type="button" data-testid={TID.send.pause} disabled={action.busy} onClick={() => command('run.pause')}>Pause</button>}
          {phase === 'paused' && <button type="button" className="primary" data-testid={TID.send.resume} disabled={action.busy} onClick={() => command('run.resume')}>Resume</button>}
          {(phase === 'running' || phase === 'paused') && (
            <button type="button" className="danger" data-testid={TID.send.cancel} disabled={action.busy} onClick={() => setConfirmCancel(true)}>Cancel run…</button>
          )}
        </div>
        {counts && ordersToSend(counts) === 0 && canStart && <p className="hint">Nothing to send: every order either has errors (fix them in Review or Map) or was created by an earlier run.</p>}
        <ErrorMessage message={problem ?? action.error} />
      </div>

      {activeRunId !== null && (
        <div className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">Run #{activeRunId} · {PHASE_WORDS[phase]}</h2>
          {started && <p className="hint">{plural(started.staged, 'order')} queued{started.skipped ? `, ${formatCount(started.skipped)} skipped (created by an earlier run)` : ''}.</p>}
          {progress ? <RunProgress progress={progress} /> : <p className="hint">Waiting for the first answer…</p>}
          {(phase === 'finished' || phase === 'cancelled') && (
            <p className="note">
              {phase === 'cancelled' ? 'The run was cancelled; orders already created stay created.' : 'The run is over.'} Failed orders and orders with an unknown outcome can be fixed or settled in History.{' '}
              <button type="button" className="link-button" onClick={onOpenHistory}>Open History</button>
            </p>
          )}
        </div>
      )}

      {activeRunId !== null && <SendLog entries={log} />}

      {confirmCancel && activeRunId !== null && (
        <ConfirmDialog
          title={`Cancel run #${activeRunId}?`}
          confirmLabel="Cancel the run"
          cancelLabel="Keep sending"
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false)
            void command('run.cancel')
          }}
        >
          <p>
            No new orders will be sent. Requests already on their way finish first; orders already created stay in the shop.
            {progress ? ` ${plural(progress.counts.pending, 'order')} waiting now will not be sent.` : ''}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

const PHASE_WORDS: Record<Phase, string> = {
  idle: 'not started',
  starting: 'starting',
  running: 'sending',
  paused: 'paused',
  finished: 'finished',
  cancelled: 'cancelled'
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
  return (
    <div className="card">
      <h2>What will be sent</h2>
      <dl className="stats">
        <div><dt>Orders to send</dt><dd>{formatCount(ordersToSend(counts))}</dd></div>
        <div><dt>Created by an earlier run (skipped)</dt><dd>{formatCount(counts.alreadyCreated)}</dd></div>
        <div><dt>Held back by errors</dt><dd>{formatCount(Math.max(0, counts.orders - counts.validOrders))}</dd></div>
        <div><dt>Excluded rows</dt><dd>{formatCount(counts.excludedRows)}</dd></div>
      </dl>
    </div>
  )
}
