// A problem in the user's language: the engine gives each issue a catalog key and parameters
// (row, column, field, value, counts), and shared/plan/issue-text.ts words it, as the CLI does.
import type { Issue } from '#shared/plan/issue'
import { issueText } from '#shared/plan/issue-text'
import type { Translate } from './i18n'

export function issueWords(issue: Issue, t: Translate): string {
  return issueText(issue, t)
}
