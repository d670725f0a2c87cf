// Every run in the journal, newest first as main lists them.
import type { RunSummary } from '#shared/ipc/contract'
import { formatCount, formatDateTime } from '../../lib/format'
import { TID } from '../../test-ids'
import { STATUS_WORDS } from './run-words'

interface RunListProps {
  runs: readonly RunSummary[]
  selected: number | null
  onSelect: (runId: number) => void
}

export function RunList({ runs, selected, onSelect }: RunListProps) {
  if (runs.length === 0) {
    return <p className="empty" data-testid={TID.history.runs}>No runs yet. A run appears here as soon as you start sending orders.</p>
  }
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={TID.history.runs}>
        <caption className="visually-hidden">Runs</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Started</th>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Created</th>
            <th scope="col" className="num">Failed</th>
            <th scope="col" className="num">Unknown</th>
            <th scope="col" className="num">Waiting</th>
            <th scope="col" className="num">Total</th>
            <th scope="col">Shop</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} className={run.runId === selected ? 'is-selected' : ''} data-testid={TID.history.run(run.runId)} aria-selected={run.runId === selected}>
              <th scope="row">
                <button type="button" className="link-button" aria-pressed={run.runId === selected} onClick={() => onSelect(run.runId)}>Run #{run.runId}</button>
              </th>
              <td>{formatDateTime(run.createdAt)}</td>
              <td>{run.sourceName}</td>
              <td><span className={`status status-run-${run.status}`}>{STATUS_WORDS[run.status]}</span></td>
              <td className="num">{formatCount(run.counts.succeeded)}</td>
              <td className="num">{formatCount(run.counts.failed)}</td>
              <td className="num">{formatCount(run.counts.unknown)}</td>
              <td className="num">{formatCount(run.counts.pending + run.counts.sending)}</td>
              <td className="num">{formatCount(run.total)}</td>
              <td>{run.login} · {run.apiBase}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
