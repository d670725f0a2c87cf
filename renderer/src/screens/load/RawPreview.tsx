// The first rows exactly as read, so the user can see whether the header row and the separator
// are right before mapping anything.
import type { SessionSummary } from '../../../../shared/ipc/contract'
import { columnLetter } from '../../lib/columns'
import { TID } from '../../test-ids'

export function RawPreview({ rows, headerRow }: { rows: SessionSummary['rawPreview']; headerRow: number }) {
  if (rows.length === 0) return <p className="empty">The file has no rows to show.</p>
  const width = Math.max(...rows.map((r) => r.cells.length))
  return (
    <div className="table-scroll raw-preview" tabIndex={0} aria-label="First rows of the file">
      <table data-testid={TID.load.rawPreview}>
        <caption className="visually-hidden">The first {rows.length} rows as read; the header row is marked.</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {Array.from({ length: width }, (_, i) => <th key={i} scope="col">{columnLetter(i)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className={row.row === headerRow ? 'is-header' : row.row < headerRow ? 'is-above' : ''}>
              <th scope="row">{row.row}{row.row === headerRow ? <span className="tag">header</span> : null}</th>
              {Array.from({ length: width }, (_, i) => <td key={i}>{row.cells[i] ?? ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
