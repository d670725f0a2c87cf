// Everything about the selected row: its problems in full, whether it will be sent, and why not.
import type { GridRow } from '#shared/ipc/contract'
import { IssueList } from '../../components/IssueList'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import type { CellPosition } from './VirtualGrid'

interface RowPanelProps {
  row: GridRow | undefined
  position: CellPosition | null
  headers: readonly string[]
  onToggleInclude: (row: GridRow) => void
}

export function RowPanel({ row, position, headers, onToggleInclude }: RowPanelProps) {
  const t = useT()
  if (!row || !position) {
    return (
      <aside className="card row-panel" data-testid={TID.review.panel} aria-label={t('review.panel.label')}>
        <p className="empty">{t('review.panel.empty')}</p>
      </aside>
    )
  }
  const header = headers[position.column] ?? ''
  return (
    <aside className="card row-panel" data-testid={TID.review.panel} aria-label={t('review.panel.row', { row: row.row })}>
      <h2>{row.order !== null ? t('review.panel.rowOrder', { row: row.row, order: row.order }) : t('review.panel.row', { row: row.row })}</h2>
      {row.alreadyCreated !== null && (
        <p className="note">{t('review.panel.created', { bill: row.alreadyCreated })}</p>
      )}
      {row.excluded && <p className="note">{t('review.panel.excluded')}</p>}
      {row.edited && <p className="hint">{t('review.panel.edited')}</p>}
      <div className="selected-cell">
        <span className="hint">{header || t('column.number', { number: position.column + 1 })}</span>
        <p className="cell-value">{row.cells[position.column] || <em>{t('review.panel.emptyCell')}</em>}</p>
      </div>
      <IssueList issues={row.issues} empty={t('review.panel.noProblems')} />
      <button type="button" onClick={() => onToggleInclude(row)}>{row.excluded ? t('review.panel.include') : t('review.panel.exclude')}</button>
    </aside>
  )
}
