// How far a run is: orders per state, speed, time left, and any pause the shop asked for.
import type { SendProgressEvent } from '#shared/ipc/contract'
import { StateBar, finishedCount } from '../../components/StateBar'
import { formatClock, formatCount, formatDuration, formatRate } from '../../lib/format'
import { TID } from '../../test-ids'

export function RunProgress({ progress }: { progress: SendProgressEvent }) {
  const done = finishedCount(progress.counts)
  return (
    <div className="run-progress">
      <StateBar counts={progress.counts} total={progress.total} testId={TID.send.progress} />
      <dl className="stats">
        <div><dt>Handled</dt><dd>{formatCount(done)} of {formatCount(progress.total)}</dd></div>
        <div><dt>Speed</dt><dd>{progress.perMinute === null ? 'measuring…' : `${formatRate(progress.perMinute)} orders/min`}</dd></div>
        <div>
          <dt>Time left</dt>
          <dd data-testid={TID.send.eta}>{progress.etaSeconds === null ? 'estimating…' : `about ${formatDuration(progress.etaSeconds)}`}</dd>
        </div>
        <div><dt>In flight</dt><dd>{formatCount(progress.inFlight)}</dd></div>
        <div><dt>Pace</dt><dd>{formatRate(progress.rate)} per second</dd></div>
      </dl>
      {progress.backoffUntil !== null && progress.backoffUntil > Date.now() && (
        <p className="note" role="status">The shop asked the app to slow down. Sending continues at {formatClock(progress.backoffUntil)}.</p>
      )}
    </div>
  )
}
