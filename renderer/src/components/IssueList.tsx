// Problems in the user's language (from each issue's catalog key and params), errors first.
import type { Issue } from '#shared/plan/issue'
import { useT } from '../lib/i18n'
import { issueWords } from '../lib/issue-words'

export function IssueList({ issues, empty }: { issues: readonly Issue[]; empty?: string }) {
  const t = useT()
  if (issues.length === 0) return empty ? <p className="ok-note">{empty}</p> : null
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
  return (
    <ul className="issues">
      {sorted.map((issue, i) => (
        <IssueItem key={i} issue={issue} kind={issue.severity === 'error' ? t('common.error') : t('common.warning')} text={issueWords(issue, t)} />
      ))}
    </ul>
  )
}

function IssueItem({ issue, kind, text }: { issue: Issue; kind: string; text: string }) {
  return (
    <li className={`issue issue-${issue.severity}`}>
      <span className="issue-kind">{kind}</span> {text}
    </li>
  )
}
