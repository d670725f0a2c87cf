// Fix a failed order in place. With the order's rows at hand (RunOrder.sheet) every cell is an
// input and only changed cells are sent ("<row>:<column>"); otherwise the user names a column and
// its new value for every row of the order. Main plans the order again and either queues it or
// says what is still wrong.
import { useId, useState } from 'react'
import type { RunOrder } from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'
import { Dialog } from '../../components/Dialog'
import { IssueList } from '../../components/IssueList'
import { ErrorMessage } from '../../components/Messages'
import { useT, type Translate } from '../../lib/i18n'
import { storedNote, storedText } from '#shared/i18n/message'
import { TID } from '../../test-ids'

interface EditFailedDialogProps {
  order: RunOrder
  headers: readonly string[]
  busy: boolean
  error: string | null
  /** Null until the first save; then main's verdict on the corrected order. */
  issues: readonly Issue[] | null
  onSave: (cells: Record<string, string>) => void
  onClose: () => void
}

export function EditFailedDialog({ order, headers, busy, error, issues, onSave, onClose }: EditFailedDialogProps) {
  const t = useT()
  const [changes, setChanges] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)

  const save = () => {
    if (Object.keys(changes).length === 0) return setProblem(t('fix.changeOne'))
    setProblem(null)
    onSave(changes)
  }

  const queued = issues !== null && order.state !== 'failed'
  return (
    <Dialog
      title={t('fix.title', { order: order.ordinal })}
      wide
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>{t('common.close')}</button>
          {!queued && <button type="button" className="primary" disabled={busy} onClick={save}>{t('fix.save')}</button>}
        </>
      }
    >
      {/* Once queued the order is no longer failed and main no longer sends its rows: only the
          outcome is left to show, not an empty editor. */}
      {!queued && (
        <>
          <p>
            {t('fix.refused', { code: codeNote(order, t), reason: asSentence(order.errorText === null ? t('fix.noReason') : storedText(t, order.errorText)) })}
            {' '}{t('fix.fromRows', { count: order.rows.length, rows: order.rows.join(', ') })}
          </p>
          {order.sheet ? (
            <CellTable sheet={order.sheet} changes={changes} onChange={setChanges} />
          ) : (
            <ColumnPairs headers={headers} onChange={setChanges} />
          )}
        </>
      )}
      {queued && <p className="ok-note" role="status">{t('fix.queued', { order: order.ordinal })}</p>}
      {issues !== null && !queued && <IssueList issues={issues} />}
      <ErrorMessage message={problem ?? error} testId="edit-failed-error" />
    </Dialog>
  )
}

/** The answer text often names its code already ("… (code 604). …"): say it once. */
function codeNote(order: RunOrder, t: Translate): string {
  if (order.errorCode === null) return ''
  const text = order.errorText ?? ''
  // A note kept as a key names its code among its values; an older one in its words.
  if (storedNote(text).params?.['code'] === order.errorCode || text.includes(`code ${order.errorCode}`)) return ''
  return t('fix.code', { code: order.errorCode })
}

function asSentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

type Sheet = NonNullable<RunOrder['sheet']>

/** Columns down, rows across: an order has few rows and many columns. */
function CellTable({ sheet, changes, onChange }: { sheet: Sheet; changes: Record<string, string>; onChange: (next: Record<string, string>) => void }) {
  const t = useT()
  const set = (row: number, column: number, original: string, value: string) => {
    const key = `${row}:${column}`
    const next = { ...changes }
    if (value === original) delete next[key]
    else next[key] = value
    onChange(next)
  }
  return (
    <div className="table-scroll edit-table">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('fix.column')}</th>
            {sheet.rows.map((r) => <th key={r.row} scope="col">{t('fix.row', { row: r.row })}</th>)}
          </tr>
        </thead>
        <tbody>
          {sheet.headers.map((header, c) => (
            <tr key={c}>
              <th scope="row">{header || t('column.number', { number: c + 1 })}</th>
              {sheet.rows.map((r) => {
                const original = r.cells[c] ?? ''
                const key = `${r.row}:${c}`
                return (
                  <td key={r.row}>
                    <input
                      aria-label={t('review.cellLabel', { row: r.row, column: header || t('column.number', { number: c + 1 }) })}
                      data-testid={TID.history.editCell(r.row, c)}
                      className={key in changes ? 'changed' : ''}
                      value={changes[key] ?? original}
                      onChange={(e) => set(r.row, c, original, e.target.value)}
                    />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface Pair {
  column: string
  value: string
}

/** Without the order's rows: name a column, type its value for every row of the order. */
function ColumnPairs({ headers, onChange }: { headers: readonly string[]; onChange: (next: Record<string, string>) => void }) {
  const t = useT()
  const [pairs, setPairs] = useState<Pair[]>([{ column: '', value: '' }])
  const listId = useId()
  const update = (next: Pair[]) => {
    setPairs(next)
    onChange(Object.fromEntries(next.filter((p) => p.column.trim()).map((p) => [p.column.trim(), p.value])))
  }
  const set = (index: number, change: Partial<Pair>) => update(pairs.map((p, i) => (i === index ? { ...p, ...change } : p)))
  return (
    <>
      <datalist id={listId}>{headers.map((h) => <option key={h} value={h} />)}</datalist>
      {pairs.map((pair, i) => (
        <div key={i} className="inline-controls">
          <input aria-label={t('fix.columnN', { number: i + 1 })} placeholder={t('fix.column')} list={listId} value={pair.column} onChange={(e) => set(i, { column: e.target.value })} data-autofocus={i === 0 ? true : undefined} />
          <input aria-label={t('fix.newValueN', { number: i + 1 })} placeholder={t('fix.newValue')} value={pair.value} onChange={(e) => set(i, { value: e.target.value })} />
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => setPairs([...pairs, { column: '', value: '' }])}>{t('fix.another')}</button>
    </>
  )
}
