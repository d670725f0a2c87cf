// Which problems belong to which cell of a row: issues name their column by header text.
import type { GridRow } from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'

export interface RowIssues {
  byColumn: ReadonlyMap<number, Issue[]>
  /** Issues about the row or order as a whole (or a column this sheet does not show). */
  general: Issue[]
  worst: 'error' | 'warning' | null
}

export function rowIssues(row: GridRow, headers: readonly string[]): RowIssues {
  const byColumn = new Map<number, Issue[]>()
  const general: Issue[] = []
  let worst: RowIssues['worst'] = null
  for (const issue of row.issues) {
    if (issue.severity === 'error') worst = 'error'
    else if (!worst) worst = 'warning'
    const index = issue.column === null ? -1 : headers.findIndex((h) => h.trim() === issue.column?.trim())
    if (index < 0) {
      general.push(issue)
      continue
    }
    const list = byColumn.get(index) ?? []
    list.push(issue)
    byColumn.set(index, list)
  }
  return { byColumn, general, worst }
}

export function worstOf(issues: readonly Issue[] | undefined): 'error' | 'warning' | null {
  if (!issues || issues.length === 0) return null
  return issues.some((i) => i.severity === 'error') ? 'error' : 'warning'
}
