// Requests per second and requests at once.
import { useId } from 'react'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import { MAX_CONCURRENCY, MAX_RATE } from './send-settings'

interface PaceFieldsProps {
  rate: string
  concurrency: string
  disabled: boolean
  sandbox: boolean
  onRate: (text: string) => void
  onConcurrency: (text: string) => void
}

export function PaceFields({ rate, concurrency, disabled, sandbox, onRate, onConcurrency }: PaceFieldsProps) {
  const t = useT()
  const ids = { rate: useId(), concurrency: useId(), help: useId() }
  return (
    <div className="form-grid">
      <label htmlFor={ids.rate}>{t('send.rate')}</label>
      <input id={ids.rate} type="number" className="narrow" min={0.1} max={MAX_RATE} step={0.1} inputMode="decimal" data-testid={TID.send.rate} value={rate} disabled={disabled} aria-describedby={ids.help} onChange={(e) => onRate(e.target.value)} />
      <label htmlFor={ids.concurrency}>{t('send.concurrency')}</label>
      <input id={ids.concurrency} type="number" className="narrow" min={1} max={MAX_CONCURRENCY} step={1} data-testid={TID.send.concurrency} value={concurrency} disabled={disabled} aria-describedby={ids.help} onChange={(e) => onConcurrency(e.target.value)} />
      <p id={ids.help} className="field-help span-2">{sandbox ? t('send.paceHelpSandbox') : t('send.paceHelpShop')}</p>
    </div>
  )
}
