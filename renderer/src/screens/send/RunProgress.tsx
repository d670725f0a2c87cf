// How far a run is: orders per state, speed, time left, and any pause the shop asked for.
import type { SendProgressEvent } from '#shared/ipc/contract'
import { StateBar, finishedCount } from '../../components/StateBar'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'

/** "about 3 min", or "about 3 min (12 orders, 20 calls)" when statuses add calls (issue 12). */
function etaText(progress: SendProgressEvent, duration: string, t: ReturnType<typeof useT>, count: (n: number) => string): string {
  const orders = progress.ordersLeft ?? progress.counts.pending + progress.counts.sending
  if (progress.calls === undefined || progress.calls <= orders) return t('send.about', { duration })
  return t('send.aboutCalls', { duration, orders: count(orders), calls: count(progress.calls) })
}

export function RunProgress({ progress }: { progress: SendProgressEvent }) {
  const t = useT()
  const f = useFormats()
  const done = finishedCount(progress.counts)
  return (
    <div className="run-progress">
      <StateBar counts={progress.counts} total={progress.total} testId={TID.send.progress} />
      <dl className="stats">
        <div><dt>{t('send.handled')}</dt><dd>{t('send.handledValue', { done: f.count(done), total: f.count(progress.total) })}</dd></div>
        <div><dt>{t('send.speed')}</dt><dd>{progress.perMinute === null ? t('send.measuring') : t('send.perMinute', { rate: f.rate(progress.perMinute) })}</dd></div>
        <div>
          <dt>{t('send.timeLeft')}</dt>
          <dd data-testid={TID.send.eta}>{progress.etaSeconds === null ? t('send.estimating') : etaText(progress, f.duration(progress.etaSeconds), t, f.count)}</dd>
        </div>
        <div><dt>{t('send.inFlight')}</dt><dd>{f.count(progress.inFlight)}</dd></div>
        <div><dt>{t('send.pace')}</dt><dd>{t('send.paceValue', { rate: f.rate(progress.rate) })}</dd></div>
      </dl>
      {progress.backoffUntil !== null && progress.backoffUntil > Date.now() && (
        <p className="note" role="status">{t('send.backoff', { time: f.clock(progress.backoffUntil) })}</p>
      )}
    </div>
  )
}
