// Requests per second and requests at once.
import { useId } from 'react'
import { TID } from '../../test-ids'
import { MAX_CONCURRENCY, MAX_RATE } from './send-settings'

interface PaceFieldsProps {
  rate: string
  concurrency: string
  disabled: boolean
  onRate: (text: string) => void
  onConcurrency: (text: string) => void
}

export function PaceFields({ rate, concurrency, disabled, onRate, onConcurrency }: PaceFieldsProps) {
  const ids = { rate: useId(), concurrency: useId(), help: useId() }
  return (
    <div className="form-grid">
      <label htmlFor={ids.rate}>Requests per second</label>
      <input id={ids.rate} type="number" className="narrow" min={0.1} max={MAX_RATE} step={0.1} inputMode="decimal" data-testid={TID.send.rate} value={rate} disabled={disabled} aria-describedby={ids.help} onChange={(e) => onRate(e.target.value)} />
      <label htmlFor={ids.concurrency}>Requests at the same time</label>
      <input id={ids.concurrency} type="number" className="narrow" min={1} max={MAX_CONCURRENCY} step={1} data-testid={TID.send.concurrency} value={concurrency} disabled={disabled} aria-describedby={ids.help} onChange={(e) => onConcurrency(e.target.value)} />
      <p id={ids.help} className="field-help span-2">One request per second, one at a time, is gentle on the shop. The app slows down by itself when the shop asks it to.</p>
    </div>
  )
}
