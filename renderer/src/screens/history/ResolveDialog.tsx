// An order whose outcome is unknown: the request left, no answer came back. Only the user can
// look in the shop and say whether it was created.
import { useId, useState } from 'react'
import { Trans } from 'react-i18next'
import type { RunOrder } from '#shared/ipc/contract'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/Messages'
import { useT } from '../../lib/i18n'
import { storedText } from '#shared/i18n/message'

export type Decision = { kind: 'created'; billId: number } | { kind: 'absent' }

interface ResolveDialogProps {
  order: RunOrder
  busy: boolean
  error: string | null
  onDecide: (decision: Decision) => void
  onClose: () => void
}

export function ResolveDialog({ order, busy, error, onDecide, onClose }: ResolveDialogProps) {
  const t = useT()
  const [choice, setChoice] = useState<'created' | 'absent' | null>(null)
  const [billText, setBillText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const ids = { created: useId(), absent: useId(), bill: useId() }

  const decide = () => {
    if (choice === 'absent') return onDecide({ kind: 'absent' })
    const billId = Number(billText.trim())
    if (choice !== 'created') return setProblem(t('resolve.chooseFirst'))
    if (!Number.isInteger(billId) || billId <= 0) return setProblem(t('resolve.needBill'))
    setProblem(null)
    onDecide({ kind: 'created', billId })
  }

  return (
    <Dialog
      title={t('resolve.title', { order: order.ordinal })}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>{t('resolve.later')}</button>
          <button type="button" className="primary" disabled={busy} onClick={decide}>{t('resolve.save')}</button>
        </>
      }
    >
      <p>
        <Trans
          i18nKey="resolve.text"
          values={{ detail: order.errorText ? ` (${storedText(t, order.errorText)})` : '', who: order.email || t('resolve.thisCustomer') }}
          components={{ strong: <strong /> }}
        />
      </p>
      <fieldset className="choices">
        <legend className="visually-hidden">{t('resolve.found')}</legend>
        <div>
          <input id={ids.created} type="radio" name="decision" checked={choice === 'created'} onChange={() => setChoice('created')} data-autofocus />
          <label htmlFor={ids.created}>{t('resolve.created')}</label>{' '}
          <input
            id={ids.bill}
            className="narrow"
            inputMode="numeric"
            aria-label={t('resolve.bill')}
            value={billText}
            onChange={(e) => {
              setBillText(e.target.value)
              setChoice('created')
            }}
          />
        </div>
        <div>
          <input id={ids.absent} type="radio" name="decision" checked={choice === 'absent'} onChange={() => setChoice('absent')} />
          <label htmlFor={ids.absent}>{t('resolve.absent')}</label>
        </div>
      </fieldset>
      <ErrorMessage message={problem ?? error} testId="resolve-error" />
    </Dialog>
  )
}
