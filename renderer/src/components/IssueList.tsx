// Problems as main words them, errors first.
import type { Issue } from '#shared/plan/issue'
import { useLanguage, useT } from '../lib/i18n'
import { issueWords } from '../lib/issue-words'

export function IssueList({ issues, empty }: { issues: readonly Issue[]; empty?: string }) {
  const t = useT()
  const { language } = useLanguage()
  if (issues.length === 0) return empty ? <p className="ok-note">{empty}</p> : null
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
  return (
    <ul className="issues">
      {sorted.map((issue, i) => (
        <IssueItem key={i} issue={issue} kind={issue.severity === 'error' ? t('common.error') : t('common.warning')} words={issueWords(issue, language, t)} />
      ))}
    </ul>
  )
}

function IssueItem({ issue, kind, words }: { issue: Issue; kind: string; words: ReturnType<typeof issueWords> }) {
  const t = useT()
  return (
    <li className={`issue issue-${issue.severity}`} title={words.original ? t('issue.original', { message: words.original }) : undefined}>
      <span className="issue-kind">{kind}</span> {words.text}
    </li>
  )
}
