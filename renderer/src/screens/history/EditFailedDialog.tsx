// Fix the cells of a failed order in place: name a column, type its new value. Main checks the
// order again and says whether it is ready to be sent again.
import { useId, useState } from 'react'
import type { RunOrder } from '../../../../shared/ipc/contract'
import type { Issue } from '../../../../shared/issue'
import { Dialog } from '../../components/Dialog'
import { IssueList } from '../../components/IssueList'
import { ErrorMessage } from '../../components/Messages'

interface EditFailedDialogProps {
  order: RunOrder
  headers: readonly string[]
  busy: boolean
  error: string | null
  issues: readonly Issue[] | null
  onSave: (cells: Record<string, string>) => void
  onClose: () => void
}

interface Pair {
  column: string
  value: string
}

export function EditFailedDialog({ order, headers, busy, error, issues, onSave, onClose }: EditFailedDialogProps) {
  const [pairs, setPairs] = useState<Pair[]>([{ column: '', value: '' }])
  const [problem, setProblem] = useState<string | null>(null)
  const listId = useId()

  const set = (index: number, change: Partial<Pair>) => setPairs(pairs.map((p, i) => (i === index ? { ...p, ...change } : p)))

  const save = () => {
    const filled = pairs.filter((p) => p.column.trim())
    if (filled.length === 0) return setProblem('Name at least one column to change, for example "Email".')
    setProblem(null)
    onSave(Object.fromEntries(filled.map((p) => [p.column.trim(), p.value])))
  }

  return (
    <Dialog
      title={`Fix order #${order.ordinal}`}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Close</button>
          <button type="button" className="primary" disabled={busy} onClick={save}>Save changes</button>
        </>
      }
    >
      <p>
        The shop refused this order{order.errorCode !== null ? ` (code ${order.errorCode})` : ''}: {order.errorText ?? 'no reason given'}.
        It came from sheet row{order.rows.length > 1 ? 's' : ''} {order.rows.join(', ')}.
      </p>
      <datalist id={listId}>{headers.map((h) => <option key={h} value={h} />)}</datalist>
      {pairs.map((pair, i) => (
        <div key={i} className="inline-controls">
          <input aria-label={`Column ${i + 1}`} placeholder="Column" list={listId} value={pair.column} onChange={(e) => set(i, { column: e.target.value })} data-autofocus={i === 0 ? true : undefined} />
          <input aria-label={`New value ${i + 1}`} placeholder="New value" value={pair.value} onChange={(e) => set(i, { value: e.target.value })} />
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => setPairs([...pairs, { column: '', value: '' }])}>Change another column</button>
      {issues && <IssueList issues={issues} empty="Saved. The order has no problems now; use “Send failed orders again” to queue it." />}
      <ErrorMessage message={problem ?? error} testId="edit-failed-error" />
    </Dialog>
  )
}
