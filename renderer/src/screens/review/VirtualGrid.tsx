// The review grid: only the rows in view are in the DOM, at fixed heights inside a spacer as tall
// as all rows. Keyboard: arrows move the selected cell, Enter or F2 edits, Escape cancels, Space
// includes or excludes the row; double click edits too.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { GridRow } from '#shared/ipc/contract'
import { useT } from '../../lib/i18n'
import { issueWords } from '../../lib/issue-words'
import { TID } from '../../test-ids'
import { CellEditor } from './CellEditor'
import {
  COLUMN_WIDTH, FALLBACK_HEIGHT, HEAD_HEIGHT, LEAD_WIDTH, LEAD_WIDTHS, ROW_HEIGHT, STICKY_LEFT,
  scrollToShowColumn, scrollToShowRow, visibleRows
} from './grid-geometry'
import { rowIssues, worstOf } from './row-issues'

export interface CellPosition {
  index: number
  column: number
}

interface VirtualGridProps {
  headers: readonly string[]
  rowCount: number
  rowAt: (index: number) => GridRow | undefined
  onRange: (first: number, last: number) => void
  selected: CellPosition | null
  onSelect: (position: CellPosition) => void
  onEdit: (row: GridRow, column: number, value: string) => void
  onToggleInclude: (row: GridRow) => void
  label: string
}

export function VirtualGrid(props: VirtualGridProps) {
  const { headers, rowCount, rowAt, onRange, selected, onSelect, onEdit, onToggleInclude, label } = props
  const t = useT()
  const viewport = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [size, setSize] = useState({ height: FALLBACK_HEIGHT, width: 1200 })
  const [editing, setEditing] = useState<CellPosition | null>(null)
  const { first, last } = visibleRows(scrollTop, size.height, rowCount)

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const measure = () => setSize({ height: element.clientHeight || FALLBACK_HEIGHT, width: element.clientWidth || 1200 })
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (last >= first) onRange(first, last)
  }, [first, last, onRange])

  const moveTo = (position: CellPosition) => {
    const index = Math.min(Math.max(0, position.index), Math.max(0, rowCount - 1))
    const column = Math.min(Math.max(0, position.column), Math.max(0, headers.length - 1))
    onSelect({ index, column })
    const element = viewport.current
    if (!element) return
    const top = scrollToShowRow(index, element.scrollTop, size.height)
    if (top !== null) {
      element.scrollTop = top
      setScrollTop(top)
    }
    const left = scrollToShowColumn(column, element.scrollLeft, size.width)
    if (left !== null) element.scrollLeft = left
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || rowCount === 0) return
    const at = selected ?? { index: 0, column: 0 }
    const page = Math.max(1, Math.floor((size.height - HEAD_HEIGHT) / ROW_HEIGHT) - 1)
    const moves: Record<string, CellPosition | undefined> = {
      ArrowDown: { index: at.index + 1, column: at.column },
      ArrowUp: { index: at.index - 1, column: at.column },
      ArrowRight: { index: at.index, column: at.column + 1 },
      ArrowLeft: { index: at.index, column: at.column - 1 },
      PageDown: { index: at.index + page, column: at.column },
      PageUp: { index: at.index - page, column: at.column },
      Home: event.ctrlKey ? { index: 0, column: 0 } : { index: at.index, column: 0 },
      End: event.ctrlKey ? { index: rowCount - 1, column: headers.length - 1 } : { index: at.index, column: headers.length - 1 }
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      moveTo(move)
      return
    }
    const row = selected ? rowAt(selected.index) : undefined
    if ((event.key === 'Enter' || event.key === 'F2') && selected && row) {
      event.preventDefault()
      setEditing(selected)
    } else if (event.key === ' ' && row) {
      event.preventDefault()
      onToggleInclude(row)
    }
  }

  const finishEdit = (value: string | null) => {
    const at = editing
    setEditing(null)
    viewport.current?.focus()
    if (!at || value === null) return
    const row = rowAt(at.index)
    if (row && value !== (row.cells[at.column] ?? '')) onEdit(row, at.column, value)
  }

  const width = LEAD_WIDTH + headers.length * COLUMN_WIDTH
  const activeId = selected ? cellId(selected.index, selected.column) : undefined
  const rows: number[] = []
  for (let i = first; i <= last; i++) rows.push(i)

  return (
    <div
      ref={viewport}
      className="grid-viewport"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={headers.length + LEAD_WIDTHS.length}
      aria-activedescendant={activeId}
      tabIndex={0}
      data-testid={TID.review.grid}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head" style={{ width, height: HEAD_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="grid-row">
          <div role="columnheader" className="lead lead-0" style={LEAD_STYLES[0]}>{t('review.col.send')}</div>
          <div role="columnheader" className="lead lead-1" style={LEAD_STYLES[1]}>{t('review.col.row')}</div>
          <div role="columnheader" className="lead lead-2" style={LEAD_STYLES[2]}>{t('review.col.order')}</div>
          <div role="columnheader" className="lead lead-3" style={LEAD_STYLES[3]}>{t('review.col.status')}</div>
          {headers.map((header, c) => (
            <div key={c} role="columnheader" className="cell" style={CELL_STYLE} title={header}>{header || t('column.numberLower', { number: c + 1 })}</div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: rowCount * ROW_HEIGHT, width }}>
        {rows.map((index) => (
          <GridRowView
            key={index}
            index={index}
            row={rowAt(index)}
            headers={headers}
            selected={selected}
            editing={editing}
            onSelect={(column) => {
              onSelect({ index, column })
              viewport.current?.focus()
            }}
            onStartEdit={(column) => {
              onSelect({ index, column })
              setEditing({ index, column })
            }}
            onFinishEdit={finishEdit}
            onToggleInclude={onToggleInclude}
          />
        ))}
      </div>
    </div>
  )
}

const CELL_STYLE = { width: COLUMN_WIDTH }
const LEAD_STYLES = LEAD_WIDTHS.map((width, i) => ({ width, left: STICKY_LEFT[i] }))

export function cellId(index: number, column: number): string {
  return `grid-cell-${index}-${column}`
}

interface GridRowViewProps {
  index: number
  row: GridRow | undefined
  headers: readonly string[]
  selected: CellPosition | null
  editing: CellPosition | null
  onSelect: (column: number) => void
  onStartEdit: (column: number) => void
  onFinishEdit: (value: string | null) => void
  onToggleInclude: (row: GridRow) => void
}

function GridRowView({ index, row, headers, selected, editing, onSelect, onStartEdit, onFinishEdit, onToggleInclude }: GridRowViewProps) {
  const t = useT()
  const style = { transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} className="grid-row row-loading" style={style}>
        <div role="gridcell" className="lead lead-0" style={LEAD_STYLES[0]} />
        <div role="gridcell" className="lead lead-1" style={LEAD_STYLES[1]}>…</div>
        <div role="gridcell" className="lead lead-2" style={LEAD_STYLES[2]}>{t('common.loading')}</div>
      </div>
    )
  }
  const issues = rowIssues(row, headers)
  const classes = ['grid-row', row.excluded ? 'row-excluded' : '', row.alreadyCreated !== null ? 'row-created' : '', issues.worst ? `row-${issues.worst}` : '']
  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={selected?.index === index} className={classes.join(' ')} style={style} data-testid={TID.review.row(row.row)}>
      <div role="gridcell" className="lead lead-0" style={LEAD_STYLES[0]}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={!row.excluded}
          aria-label={t('review.sendRow', { row: row.row })}
          data-testid={TID.review.include(row.row)}
          onChange={() => onToggleInclude(row)}
        />
      </div>
      <div role="rowheader" className="lead lead-1" style={LEAD_STYLES[1]}>{row.row}</div>
      <div role="gridcell" className="lead lead-2" style={LEAD_STYLES[2]}>{row.order ?? '—'}</div>
      <div role="gridcell" className="lead lead-3" style={LEAD_STYLES[3]}><RowStatus row={row} worst={issues.worst} count={row.issues.length} /></div>
      {headers.map((_, c) => {
        const cellIssues = issues.byColumn.get(c)
        const worst = worstOf(cellIssues)
        const isSelected = selected?.index === index && selected.column === c
        const isEditing = editing?.index === index && editing.column === c
        return (
          <div
            key={c}
            id={cellId(index, c)}
            role="gridcell"
            aria-selected={isSelected}
            aria-invalid={worst === 'error' ? true : undefined}
            className={`cell ${worst ? `cell-${worst}` : ''} ${isSelected ? 'cell-selected' : ''}`}
            style={CELL_STYLE}
            title={cellIssues?.map((i) => issueWords(i, t)).join('\n')}
            data-testid={TID.review.cell(row.row, c)}
            onClick={() => onSelect(c)}
            onDoubleClick={() => onStartEdit(c)}
          >
            {isEditing ? <CellEditor initial={row.cells[c] ?? ''} label={t('review.cellLabel', { row: row.row, column: headers[c] || t('column.number', { number: c + 1 }) })} onDone={onFinishEdit} /> : row.cells[c]}
          </div>
        )
      })}
    </div>
  )
}

function RowStatus({ row, worst, count }: { row: GridRow; worst: 'error' | 'warning' | null; count: number }) {
  const t = useT()
  if (row.alreadyCreated !== null) return <span className="status status-created">{t('review.status.created')}</span>
  if (row.excluded) return <span className="status status-excluded">{t('review.status.excluded')}</span>
  if (worst === 'error') return <span className="status status-error">{t('review.status.problems', { count })}</span>
  if (worst === 'warning') return <span className="status status-warning">{t('review.status.warnings', { count })}</span>
  return <span className="status status-ok">{row.edited ? t('review.status.edited') : t('review.status.ready')}</span>
}
