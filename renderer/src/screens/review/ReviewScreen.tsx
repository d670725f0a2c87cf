// Step 3: every row as main validated it, a page at a time. Problems are marked in their cells
// and listed for the selected row; cells can be fixed in place and rows left out.
import { useCallback, useId, useState } from 'react'
import type { GridRow } from '#shared/ipc/contract'
import { CountsBar } from '../../components/CountsBar'
import { ErrorMessage } from '../../components/Messages'
import { SheetIssues } from '../../components/SheetIssues'
import { useFormats, useT } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import type { SessionState } from '../../lib/use-session'
import { TID } from '../../test-ids'
import { RowPanel } from './RowPanel'
import { useRowPages, type RowFilter } from './use-row-pages'
import { VirtualGrid, type CellPosition } from './VirtualGrid'

export function ReviewScreen({ state, onNext }: { state: SessionState; onNext: () => void }) {
  const t = useT()
  const { session, counts } = state
  if (!session || !counts) return <p className="empty">{t('common.loadFirst')}</p>
  return <ReviewBody sessionId={session.sessionId} headers={session.headers} state={state} onNext={onNext} />
}

function ReviewBody({ sessionId, headers, state, onNext }: { sessionId: string; headers: string[]; state: SessionState; onNext: () => void }) {
  const action = useAction()
  const t = useT()
  const f = useFormats()
  const filterId = useId()
  const [filter, setFilter] = useState<RowFilter>('all')
  const [selected, setSelected] = useState<CellPosition | null>(null)
  const pages = useRowPages(sessionId, filter, state.updateCounts)
  const { run } = action
  const { replaceRow } = pages
  const { updateCounts } = state

  const edit = useCallback(async (row: GridRow, column: number, value: string) => {
    const answer = await run('rows.edit', { sessionId, row: row.row, column, value })
    if (!answer) return
    replaceRow(answer.row)
    updateCounts(answer.counts)
  }, [run, sessionId, replaceRow, updateCounts])

  const toggle = useCallback(async (row: GridRow) => {
    const excluded = !row.excluded
    const answer = await run('rows.exclude', { sessionId, rows: [row.row], excluded })
    if (!answer) return
    replaceRow({ ...row, excluded })
    updateCounts(answer.counts)
  }, [run, sessionId, replaceRow, updateCounts])

  const total = pages.total ?? 0
  const selectedRow = selected ? pages.rowAt(selected.index) : undefined
  const counts = state.counts

  return (
    <section className="panel-stack review" aria-labelledby="review-title">
      <div className="screen-head">
        <h1 id="review-title" tabIndex={-1}>{t('review.title')}</h1>
        <label className="toggle" htmlFor={filterId}>
          <input
            id={filterId}
            type="checkbox"
            role="switch"
            data-testid={TID.review.problemsOnly}
            checked={filter === 'problems'}
            onChange={(e) => {
              setSelected(null)
              setFilter(e.target.checked ? 'problems' : 'all')
            }}
          />
          {t('review.problemsOnly')}
        </label>
      </div>
      {counts && <CountsBar counts={counts} />}
      <ErrorMessage message={action.error ?? pages.error} />
      <SheetIssues issues={state.sheetIssues} />
      <div className="review-layout">
        <div className="grid-wrap">
          {pages.total === 0 ? (
            <p className="empty">{filter === 'problems' ? t('review.noProblems') : t('review.noRows')}</p>
          ) : (
            <VirtualGrid
              key={filter}
              label={filter === 'problems' ? t('review.gridProblems', { count: f.count(total) }) : t('review.gridAll', { count: f.count(total) })}
              headers={headers}
              rowCount={total}
              rowAt={pages.rowAt}
              onRange={pages.ensure}
              selected={selected}
              onSelect={setSelected}
              onEdit={edit}
              onToggleInclude={toggle}
            />
          )}
        </div>
        <RowPanel row={selectedRow} position={selected} headers={headers} onToggleInclude={toggle} />
      </div>
      <div className="screen-actions">
        <button type="button" className="primary" data-testid={TID.review.next} onClick={onNext}>{t('review.next')}</button>
      </div>
    </section>
  )
}
