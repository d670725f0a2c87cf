// Orders by journal state as one segmented bar plus a legend with the numbers.
import type { OrderStateName, StateCounts } from '#shared/ipc/contract'
import { formatCount } from '../lib/format'

export const STATE_WORDS: Record<OrderStateName, string> = {
  pending: 'waiting',
  sending: 'sending',
  succeeded: 'created',
  failed: 'failed',
  unknown: 'unknown outcome',
  skipped: 'skipped'
}

const ORDER: readonly OrderStateName[] = ['succeeded', 'skipped', 'failed', 'unknown', 'sending', 'pending']

export function finishedCount(counts: StateCounts): number {
  return counts.succeeded + counts.failed + counts.unknown + counts.skipped
}

export function StateBar({ counts, total, testId }: { counts: StateCounts; total: number; testId?: string }) {
  const done = finishedCount(counts)
  const share = (n: number) => (total > 0 ? `${(n / total) * 100}%` : '0%')
  return (
    <div className="state-bar-wrap" data-testid={testId}>
      <div
        className="state-bar"
        role="progressbar"
        aria-label="Orders handled"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)} orders handled`}
      >
        {ORDER.map((state) => (counts[state] > 0 ? <span key={state} className={`seg seg-${state}`} style={{ width: share(counts[state]) }} /> : null))}
      </div>
      <ul className="state-legend">
        {ORDER.map((state) => (
          <li key={state} data-state={state}>
            <span className={`dot seg-${state}`} aria-hidden="true" />
            {STATE_WORDS[state]}: <strong>{formatCount(counts[state])}</strong>
          </li>
        ))}
      </ul>
    </div>
  )
}
