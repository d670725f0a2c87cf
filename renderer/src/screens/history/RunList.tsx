// Every run in the journal, newest first as main lists them.
import type { RunSummary } from '#shared/ipc/contract'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import { destinationWords, statusWords } from './run-words'

interface RunListProps {
  runs: readonly RunSummary[]
  selected: number | null
  onSelect: (runId: number) => void
}

export function RunList({ runs, selected, onSelect }: RunListProps) {
  const t = useT()
  const f = useFormats()
  if (runs.length === 0) {
    return <p className="empty" data-testid={TID.history.runs}>{t('history.empty')}</p>
  }
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={TID.history.runs}>
        <caption className="visually-hidden">{t('history.runs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.col.run')}</th>
            <th scope="col">{t('history.col.started')}</th>
            <th scope="col">{t('history.col.file')}</th>
            <th scope="col">{t('history.col.status')}</th>
            <th scope="col" className="num">{t('history.col.created')}</th>
            <th scope="col" className="num">{t('history.col.failed')}</th>
            <th scope="col" className="num">{t('history.col.unknown')}</th>
            <th scope="col" className="num">{t('history.col.waiting')}</th>
            <th scope="col" className="num">{t('history.col.total')}</th>
            <th scope="col">{t('history.col.shop')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} className={run.runId === selected ? 'is-selected' : ''} data-testid={TID.history.run(run.runId)} aria-selected={run.runId === selected}>
              <th scope="row">
                <button type="button" className="link-button" aria-pressed={run.runId === selected} onClick={() => onSelect(run.runId)}>{t('history.runLink', { run: run.runId })}</button>
              </th>
              <td>{f.dateTime(run.createdAt)}</td>
              <td>{run.sourceName}</td>
              <td><span className={`status status-run-${run.status}`}>{statusWords(run.status, t)}</span></td>
              <td className="num">{f.count(run.counts.succeeded)}</td>
              <td className="num">{f.count(run.counts.failed)}</td>
              <td className="num">{f.count(run.counts.unknown)}</td>
              <td className="num">{f.count(run.counts.pending + run.counts.sending)}</td>
              <td className="num">{f.count(run.total)}</td>
              <td>{destinationWords(run, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
