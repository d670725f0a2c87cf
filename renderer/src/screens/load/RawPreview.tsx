// The header row and the first data rows exactly as read, so the user can see whether the header
// row and the separator are right before mapping anything.
import type { SessionSummary } from '#shared/ipc/contract'
import { columnLetter } from '../../lib/columns'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'

interface RawPreviewProps {
  headers: readonly string[]
  headerRow: number
  rows: SessionSummary['rawPreview']
}

export function RawPreview({ headers, headerRow, rows }: RawPreviewProps) {
  const t = useT()
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length))
  return (
    <div className="table-scroll raw-preview" tabIndex={0} aria-label={t('load.preview.label')}>
      <table data-testid={TID.load.rawPreview}>
        <caption className="visually-hidden">{t('load.preview.caption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('load.preview.row')}</th>
            {Array.from({ length: width }, (_, i) => <th key={i} scope="col">{columnLetter(i)}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr className="is-header">
            <th scope="row">{headerRow}<span className="tag">{t('load.preview.header')}</span></th>
            {Array.from({ length: width }, (_, i) => <td key={i}>{headers[i] ?? ''}</td>)}
          </tr>
          {rows.map((row) => (
            <tr key={row.row}>
              <th scope="row">{row.row}</th>
              {Array.from({ length: width }, (_, i) => <td key={i}>{row.cells[i] ?? ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">{t('load.preview.empty')}</p>}
    </div>
  )
}
