// The plan in numbers, as main counts it; shown on Map, Review and Send so every change is visible.
import type { PlanCounts } from '#shared/ipc/contract'
import { useFormats, useT } from '../lib/i18n'
import { TID } from '../test-ids'

interface Item {
  key: keyof PlanCounts
  tone?: 'error' | 'warning' | 'muted'
}

/** Each count's name is the catalog's `counts.<key>`, in the plural form its number takes. */
const ITEMS: readonly Item[] = [
  { key: 'rows' },
  { key: 'orders' },
  { key: 'validOrders' },
  { key: 'errors', tone: 'error' },
  { key: 'warnings', tone: 'warning' },
  { key: 'excludedRows', tone: 'muted' },
  { key: 'alreadyCreated', tone: 'muted' }
]

export function CountsBar({ counts }: { counts: PlanCounts }) {
  const t = useT()
  const f = useFormats()
  return (
    <dl className="counts" data-testid={TID.counts} aria-label={t('counts.label')}>
      {ITEMS.map((item) => (
        <div key={item.key} className={`count ${item.tone && counts[item.key] > 0 ? `count-${item.tone}` : ''}`} data-count={item.key}>
          <dt>{t(`counts.${item.key}`, { count: counts[item.key] })}</dt>
          <dd>{f.count(counts[item.key])}</dd>
        </div>
      ))}
    </dl>
  )
}
