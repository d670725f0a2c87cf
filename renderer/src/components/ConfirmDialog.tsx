// "Are you sure?" for actions that cannot be taken back. Focus starts on the safe choice.
import type { ReactNode } from 'react'
import { TID } from '../test-ids'
import { Dialog } from './Dialog'
import { useT } from '../lib/i18n'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel?: string
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT()
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId={TID.confirmDialog}
      actions={
        <>
          <button type="button" data-autofocus data-testid={TID.confirmCancel} onClick={onCancel}>{cancelLabel ?? t('confirm.keep')}</button>
          <button type="button" className="danger" data-testid={TID.confirmOk} onClick={onConfirm}>{confirmLabel}</button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
