// Every run in the journal and, for the chosen one, its orders and what can be done about them.
import { useCallback, useEffect, useState } from 'react'
import type { RunSummary } from '#shared/ipc/contract'
import { ErrorMessage } from '../../components/Messages'
import { StateBar } from '../../components/StateBar'
import { useFormats, useT } from '../../lib/i18n'
import { renderMessage } from '#shared/i18n/message'
import type { RunFeed } from '../../lib/run-feed'
import { useAction } from '../../lib/use-action'
import { RunActions } from './RunActions'
import { RunList } from './RunList'
import { RunOrders } from './RunOrders'
import { destinationWords, statusWords } from './run-words'

interface HistoryScreenProps {
  feed: RunFeed
  activeRunId: number | null
  headers: readonly string[]
  onWatchRun: (runId: number) => void
}

export function HistoryScreen({ feed, activeRunId, headers, onWatchRun }: HistoryScreenProps) {
  const action = useAction()
  const t = useT()
  const f = useFormats()
  const [runs, setRuns] = useState<RunSummary[] | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const { run } = action

  const refresh = useCallback(async () => {
    const value = await run('runs.list', {})
    if (value) setRuns(value)
  }, [run])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // Live counts of a running run come from its progress events, not from a stale list.
  const withLive = (summary: RunSummary): RunSummary => {
    const live = feed.progress.get(summary.runId)
    return live ? { ...summary, counts: live.counts, total: live.total } : summary
  }
  const shown = (runs ?? []).map(withLive)
  const current = shown.find((r) => r.runId === selected) ?? null

  return (
    <section className="panel-stack" aria-labelledby="history-title">
      <div className="screen-head">
        <h1 id="history-title" tabIndex={-1}>{t('history.title')}</h1>
        <button type="button" onClick={() => void refresh()} disabled={action.busy}>{t('history.refresh')}</button>
      </div>
      <ErrorMessage message={action.error} />
      {runs === null ? (
        !action.error && <p className="hint">{t('history.loading')}</p>
      ) : (
        <RunList runs={shown} selected={selected} onSelect={setSelected} />
      )}
      {current && (
        <section className="card run-detail" aria-labelledby="run-title">
          <h2 id="run-title">{t('history.run', { run: current.runId, source: current.sourceName })}</h2>
          <p className="hint">
            {t('history.started', { time: f.dateTime(current.createdAt), status: statusWords(current.status, t), destination: destinationWords(current, t) })}
            {current.note ? ` · ${renderMessage(t, current.note)}` : ''}
          </p>
          <StateBar counts={current.counts} total={current.total} />
          <RunActions
            key={current.runId}
            run={current}
            live={current.runId === activeRunId && current.status === 'running'}
            onWatch={() => onWatchRun(current.runId)}
            onChanged={() => void refresh()}
          />
          <RunOrders key={`orders-${current.runId}`} run={current} headers={headers} onChanged={() => void refresh()} />
        </section>
      )}
    </section>
  )
}
