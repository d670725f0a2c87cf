// Orders by journal state as one segmented bar plus a legend with the numbers.
import type { OrderStateName, StateCounts } from '#shared/ipc/contract'
import { useFormats, useT } from '../lib/i18n'

const ORDER: readonly OrderStateName[] = ['succeeded', 'skipped', 'failed', 'unknown', 'sending', 'pending']

export function finishedCount(counts: StateCounts): number {
  return counts.succeeded + counts.failed + counts.unknown + counts.skipped
}

export function StateBar({ counts, total, testId }: { counts: StateCounts; total: number; testId?: string }) {
  const t = useT()
  const f = useFormats()
  const done = finishedCount(counts)
  const share = (n: number) => (total > 0 ? `${(n / total) * 100}%` : '0%')
  return (
    <div className="state-bar-wrap" data-testid={testId}>
      <div
        className="state-bar"
        role="progressbar"
        aria-label={t('stateBar.label')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('stateBar.value', { done: f.count(done), count: total })}
      >
        {ORDER.map((state) => (counts[state] > 0 ? <span key={state} className={`seg seg-${state}`} style={{ width: share(counts[state]) }} /> : null))}
      </div>
      <ul className="state-legend">
        {ORDER.map((state) => (
          <li key={state} data-state={state}>
            <span className={`dot seg-${state}`} aria-hidden="true" />
            {t(`state.${state}`)}: <strong>{f.count(counts[state])}</strong>
          </li>
        ))}
      </ul>
    </div>
  )
}
