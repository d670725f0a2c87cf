// "Are you sure?" for actions that cannot be taken back. Focus starts on the safe choice.
import type { ReactNode } from 'react'
import { TID } from '../test-ids'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel?: string
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Keep things as they are', onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId={TID.confirmDialog}
      actions={
        <>
          <button type="button" data-autofocus data-testid={TID.confirmCancel} onClick={onCancel}>{cancelLabel}</button>
          <button type="button" className="danger" data-testid={TID.confirmOk} onClick={onConfirm}>{confirmLabel}</button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
