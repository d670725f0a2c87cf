// Everything about the selected row: its problems in full, whether it will be sent, and why not.
import type { GridRow } from '#shared/ipc/contract'
import { IssueList } from '../../components/IssueList'
import { TID } from '../../test-ids'
import type { CellPosition } from './VirtualGrid'

interface RowPanelProps {
  row: GridRow | undefined
  position: CellPosition | null
  headers: readonly string[]
  onToggleInclude: (row: GridRow) => void
}

export function RowPanel({ row, position, headers, onToggleInclude }: RowPanelProps) {
  if (!row || !position) {
    return (
      <aside className="card row-panel" data-testid={TID.review.panel} aria-label="Selected row">
        <p className="empty">Select a cell to see its row here. Arrow keys move, Enter edits, Space includes or excludes the row.</p>
      </aside>
    )
  }
  const header = headers[position.column] ?? ''
  return (
    <aside className="card row-panel" data-testid={TID.review.panel} aria-label={`Row ${row.row}`}>
      <h2>Row {row.row}{row.order !== null ? ` · order ${row.order}` : ''}</h2>
      {row.alreadyCreated !== null && (
        <p className="note">An earlier run already created this order (bill {row.alreadyCreated}). It will be skipped, not sent again.</p>
      )}
      {row.excluded && <p className="note">Excluded: this row will not be sent.</p>}
      {row.edited && <p className="hint">You edited this row; the file on disk is unchanged.</p>}
      <div className="selected-cell">
        <span className="hint">{header || `Column ${position.column + 1}`}</span>
        <p className="cell-value">{row.cells[position.column] || <em>empty</em>}</p>
      </div>
      <IssueList issues={row.issues} empty="No problems in this row." />
      <button type="button" onClick={() => onToggleInclude(row)}>{row.excluded ? 'Include this row' : 'Exclude this row'}</button>
    </aside>
  )
}
