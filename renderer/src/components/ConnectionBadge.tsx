// Where orders would go, always in view: the sandbox must never be mistaken for a real shop.
import type { ConnectionInfo } from '#shared/ipc/contract'
import { TID } from '../test-ids'

export const SANDBOX_WORDS = 'Sandbox — nothing reaches a real shop'

export function ConnectionBadge({ connection }: { connection: ConnectionInfo | null }) {
  if (!connection) return <span className="badge badge-muted" data-testid={TID.connectionBadge}>Connection unknown</span>
  if (connection.kind === 'sandbox') {
    return <span className="badge badge-sandbox" data-testid={TID.sandboxBadge}>{SANDBOX_WORDS}</span>
  }
  return (
    <span className="badge badge-live" data-testid={TID.connectionBadge} title="Orders are created in this shop">
      Live shop: {connection.login} · {connection.domain}
    </span>
  )
}
