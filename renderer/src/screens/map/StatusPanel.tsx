// The order's status (issue 12 §2): none (every order a new, unpaid invoice), one status for the
// whole file, or a column read through a value table that is stored with the mapping; the payment
// date; and whether orders created in the past may be auto-cancelled by the shop.
import { useId } from 'react'
import type { Mapping } from '#shared/mapping/mapping'
import { ORDER_STATUSES, STATUS_CHOICES, statusForFile, statusFromColumn, statusKey, withStatusValue, type StatusChoice, type StatusMapping } from '#shared/mapping/order-status'
import { columnIndexOf } from '../../lib/columns'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import type { MapEditor } from './map-editor'

const NONE = 'none'
const FILE = 'file:'
const CREATED = 'created'

export const STATUS_WORDS = {
  none: 'status.none',
  paid: 'status.paid',
  cancel: 'status.cancel',
  return: 'status.return'
} as const

/** Distinct values of a column in the raw preview rows (below the header row), in order. */
export function previewValues(rows: ReadonlyArray<{ row: number; cells: string[] }>, headerRow: number, column: number): string[] {
  const seen = new Map<string, string>()
  for (const { row, cells } of rows) {
    if (row <= headerRow) continue
    const text = (cells[column] ?? '').trim()
    if (text !== '' && !seen.has(statusKey(text))) seen.set(statusKey(text), text)
  }
  return [...seen.values()]
}

function setStatus(mapping: Mapping, status: StatusMapping | undefined): Mapping {
  const next = { ...mapping }
  if (status === undefined) delete next.status
  else next.status = status
  return next
}

export function StatusPanel({ editor, values }: { editor: MapEditor; values: readonly string[] }) {
  const t = useT()
  const { mapping, headers, choices } = editor
  const status = mapping.status
  const ids = { source: useId(), otherwise: useId(), paidAt: useId(), backlog: useId() }
  const columnIndex = status?.source.kind === 'column' ? columnIndexOf(headers, status.source) : -1
  const sourceValue = status === undefined ? NONE : status.source.kind === 'constant' ? `${FILE}${status.source.value}` : columnIndex >= 0 ? `c${columnIndex}` : NONE
  const paidAtIndex = status?.paidAt?.kind === 'column' ? columnIndexOf(headers, status.paidAt.column) : -1
  const word = (choice: StatusChoice) => t(STATUS_WORDS[choice])

  // The table: its stored rows, then the values of the preview it does not list yet.
  const listed = new Set((status?.values ?? []).map((v) => statusKey(v.value)))
  const rows = status?.source.kind === 'column' ? [...status.values.map((v) => ({ value: v.value, status: v.status, inTable: true })), ...values.filter((v) => !listed.has(statusKey(v))).map((v) => ({ value: v, status: status.otherwise, inTable: false }))] : []
  const seenInSheet = new Set(values.map(statusKey))

  return (
    <fieldset className="card field-group" data-testid={TID.map.statusPanel}>
      <legend>{t('map.status.title')}</legend>
      <p className="hint">{t('map.status.hint')}</p>
      <div className="form-grid">
        <label htmlFor={ids.source}>{t('map.status.source')}</label>
        <select
          id={ids.source}
          data-testid={TID.map.statusSource}
          value={sourceValue}
          onChange={(e) => {
            const value = e.target.value
            if (value === NONE) editor.update(setStatus(mapping, undefined))
            else if (value.startsWith(FILE)) editor.update(setStatus(mapping, statusForFile(value.slice(FILE.length) as StatusChoice)))
            else {
              const ref = choices[Number(value.slice(1))]?.ref
              if (ref) editor.update(setStatus(mapping, { ...statusFromColumn(ref.column, status?.otherwise ?? 'none'), source: { kind: 'column', ...ref } }))
            }
          }}
        >
          <option value={NONE}>{t('map.status.none')}</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={`${FILE}${s}`}>{t('map.status.forFile', { status: word(s) })}</option>)}
          {choices.map((choice) => <option key={choice.index} value={`c${choice.index}`} disabled={!choice.ref}>{choice.label}</option>)}
        </select>

        {status?.source.kind === 'column' && (
          <>
            <label htmlFor={ids.otherwise}>{t('map.status.otherwise')}</label>
            <select
              id={ids.otherwise}
              data-testid={TID.map.statusOtherwise}
              value={status.otherwise}
              onChange={(e) => editor.update(setStatus(mapping, { ...status, otherwise: e.target.value as StatusChoice }))}
            >
              {STATUS_CHOICES.map((s) => <option key={s} value={s}>{word(s)}</option>)}
            </select>
          </>
        )}

        {status !== undefined && !(status.source.kind === 'constant' && status.source.value === 'none') && (
          <>
            <label htmlFor={ids.paidAt}>{t('map.status.paidAt')}</label>
            <select
              id={ids.paidAt}
              data-testid={TID.map.statusPaidAt}
              value={paidAtIndex >= 0 ? `c${paidAtIndex}` : CREATED}
              onChange={(e) => {
                const ref = e.target.value === CREATED ? null : choices[Number(e.target.value.slice(1))]?.ref ?? null
                editor.update(setStatus(mapping, { ...status, paidAt: ref ? { kind: 'column', column: ref } : { kind: 'created' } }))
              }}
            >
              <option value={CREATED}>{t('map.status.paidAtCreated')}</option>
              {choices.map((choice) => <option key={choice.index} value={`c${choice.index}`} disabled={!choice.ref}>{choice.label}</option>)}
            </select>
          </>
        )}
      </div>

      {rows.length > 0 && status !== undefined && (
        <table className="status-table" data-testid={TID.map.statusTable}>
          <caption>{t('map.status.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.status.value')}</th>
              <th scope="col">{t('map.status.means')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={statusKey(row.value)} className={seenInSheet.has(statusKey(row.value)) ? 'in-sheet' : undefined}>
                <th scope="row">
                  {row.value}
                  {!row.inTable && <span className="note"> {t('map.status.notInTable')}</span>}
                </th>
                <td>
                  <select
                    aria-label={t('map.status.meansFor', { value: row.value })}
                    data-testid={TID.map.statusValue(row.value)}
                    value={row.status}
                    onChange={(e) => editor.update(setStatus(mapping, withStatusValue(status, row.value, e.target.value as StatusChoice)))}
                  >
                    {STATUS_CHOICES.map((s) => <option key={s} value={s}>{word(s)}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="form-grid">
        <label htmlFor={ids.backlog}>{t('map.status.backlog')}</label>
        <div>
          <input
            id={ids.backlog}
            type="checkbox"
            role="switch"
            className="switch"
            data-testid={TID.map.backlogNoCancel}
            checked={(mapping.backlogTimerKill ?? 'never') === 'never'}
            aria-checked={(mapping.backlogTimerKill ?? 'never') === 'never'}
            onChange={(e) => editor.update({ ...mapping, backlogTimerKill: e.target.checked ? 'never' : 'shop' })}
          />
          <p className="field-help">{(mapping.backlogTimerKill ?? 'never') === 'never' ? t('map.status.backlogOn') : t('map.status.backlogOff')}</p>
        </div>
      </div>
    </fieldset>
  )
}
