// Where orders would go, always in view: the sandbox must never be mistaken for a real shop.
import type { ConnectionInfo } from '#shared/ipc/contract'
import { useT } from '../lib/i18n'
import { TID } from '../test-ids'

export function ConnectionBadge({ connection }: { connection: ConnectionInfo | null }) {
  const t = useT()
  if (!connection) return <span className="badge badge-muted" data-testid={TID.connectionBadge}>{t('badge.unknown')}</span>
  if (connection.kind === 'sandbox') {
    return <span className="badge badge-sandbox" data-testid={TID.sandboxBadge}>{t('badge.sandbox')}</span>
  }
  return (
    <span className="badge badge-live" data-testid={TID.connectionBadge} title={t('badge.liveTitle')}>
      {t('badge.live', { login: connection.login, domain: connection.domain })}
    </span>
  )
}
