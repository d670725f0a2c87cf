// An order whose outcome is unknown: the request left, no answer came back. Only the user can
// look in the shop and say whether it was created.
import { useId, useState } from 'react'
import type { RunOrder } from '#shared/ipc/contract'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/Messages'

export type Decision = { kind: 'created'; billId: number } | { kind: 'absent' }

interface ResolveDialogProps {
  order: RunOrder
  busy: boolean
  error: string | null
  onDecide: (decision: Decision) => void
  onClose: () => void
}

export function ResolveDialog({ order, busy, error, onDecide, onClose }: ResolveDialogProps) {
  const [choice, setChoice] = useState<'created' | 'absent' | null>(null)
  const [billText, setBillText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const ids = { created: useId(), absent: useId(), bill: useId() }

  const decide = () => {
    if (choice === 'absent') return onDecide({ kind: 'absent' })
    const billId = Number(billText.trim())
    if (choice !== 'created') return setProblem('Choose one of the two answers first.')
    if (!Number.isInteger(billId) || billId <= 0) return setProblem('Enter the bill number the shop shows for this order: a whole number such as 1234.')
    setProblem(null)
    onDecide({ kind: 'created', billId })
  }

  return (
    <Dialog
      title={`Order #${order.ordinal}: was it created?`}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Decide later</button>
          <button type="button" className="primary" disabled={busy} onClick={decide}>Save the answer</button>
        </>
      }
    >
      <p>
        The app sent this order but got no answer{order.errorText ? ` (${order.errorText})` : ''}, so it cannot tell whether the shop created it.
        Look for an order from <strong>{order.email || 'this customer'}</strong> in your shop, then say what you found.
      </p>
      <fieldset className="choices">
        <legend className="visually-hidden">What you found in the shop</legend>
        <div>
          <input id={ids.created} type="radio" name="decision" checked={choice === 'created'} onChange={() => setChoice('created')} data-autofocus />
          <label htmlFor={ids.created}>It was created. Its bill number is</label>{' '}
          <input
            id={ids.bill}
            className="narrow"
            inputMode="numeric"
            aria-label="Bill number"
            value={billText}
            onChange={(e) => {
              setBillText(e.target.value)
              setChoice('created')
            }}
          />
        </div>
        <div>
          <input id={ids.absent} type="radio" name="decision" checked={choice === 'absent'} onChange={() => setChoice('absent')} />
          <label htmlFor={ids.absent}>It was not created — send it again</label>
        </div>
      </fieldset>
      <ErrorMessage message={problem ?? error} testId="resolve-error" />
    </Dialog>
  )
}
