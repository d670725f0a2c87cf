// Problems of the mapping or the whole sheet (an unmapped required field, a missing column): they
// hold back every order, so they sit above everything else.
import type { Issue } from '#shared/plan/issue'
import { TID } from '../test-ids'
import { IssueList } from './IssueList'

export function SheetIssues({ issues }: { issues: readonly Issue[] }) {
  if (issues.length === 0) return null
  const blocking = issues.some((i) => i.severity === 'error')
  return (
    <section className={`card ${blocking ? 'sheet-issues-error' : 'warnings'}`} aria-label="Problems with the whole sheet" data-testid={TID.sheetIssues}>
      <h2>{blocking ? 'Fix these first: no order can be sent until then' : 'Worth a look'}</h2>
      <IssueList issues={issues} />
    </section>
  )
}
