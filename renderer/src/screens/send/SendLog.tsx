// The newest answers from the shop, newest first. Not announced one by one: the progress bar
// carries the summary for screen readers.
import type { SendLogEvent } from '#shared/ipc/contract'
import { keyedText } from '#shared/i18n/message'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'

function tone(kind: string): string {
  if (/fail|error|unknown|stop/i.test(kind)) return 'log-bad'
  if (/succe|creat|ok/i.test(kind)) return 'log-ok'
  if (/retry|backoff|slow|wait/i.test(kind)) return 'log-wait'
  return ''
}

export function SendLog({ entries }: { entries: readonly SendLogEvent[] }) {
  const t = useT()
  const f = useFormats()
  return (
    <section className="card" aria-labelledby="send-log-title">
      <h2 id="send-log-title">{t('send.log')}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t('send.logEmpty')}</p>
      ) : (
        // The log role goes on a wrapper: on the list itself it would hide the list from
        // assistive technology and leave its items orphaned.
        <div className="send-log" role="log" aria-live="off" aria-labelledby="send-log-title" data-testid={TID.send.log} tabIndex={0}>
          <ol className="send-log-list">
            {entries.map((entry, i) => (
              <li key={`${entry.at}-${i}`} className={tone(entry.kind)}>
                <time dateTime={new Date(entry.at).toISOString()}>{f.clock(entry.at)}</time>
                <span className="log-order">{entry.ordinal !== null ? `#${entry.ordinal}` : ''}</span>
                <span className="log-text">{keyedText(t, { message: entry.text, key: entry.key, params: entry.params })}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
