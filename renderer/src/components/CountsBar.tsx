// The plan in numbers, as main counts it; shown on Map, Review and Send so every change is visible.
import type { PlanCounts } from '#shared/ipc/contract'
import { formatCount } from '../lib/format'
import { TID } from '../test-ids'

interface Item {
  key: keyof PlanCounts
  label: string
  tone?: 'error' | 'warning' | 'muted'
}

const ITEMS: readonly Item[] = [
  { key: 'rows', label: 'rows' },
  { key: 'orders', label: 'orders' },
  { key: 'validOrders', label: 'ready to send' },
  { key: 'errors', label: 'errors', tone: 'error' },
  { key: 'warnings', label: 'warnings', tone: 'warning' },
  { key: 'excludedRows', label: 'excluded rows', tone: 'muted' },
  { key: 'alreadyCreated', label: 'created earlier', tone: 'muted' }
]

export function CountsBar({ counts }: { counts: PlanCounts }) {
  return (
    <dl className="counts" data-testid={TID.counts} aria-label="Import counts">
      {ITEMS.map((item) => (
        <div key={item.key} className={`count ${item.tone && counts[item.key] > 0 ? `count-${item.tone}` : ''}`} data-count={item.key}>
          <dt>{item.label}</dt>
          <dd>{formatCount(counts[item.key])}</dd>
        </div>
      ))}
    </dl>
  )
}
