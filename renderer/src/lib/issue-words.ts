// A problem in the user's language. The engine words its issues in English (with the values it
// found); for the codes below the words come from the catalog, built from the issue's row, column
// and field, and the engine's sentence stays at hand as the title. English keeps the engine's
// sentence, which says more. TODO(engine): issues with a code and parameters for every message.
import { isCatalogKey } from '#shared/i18n/catalog/index'
import type { Language } from '#shared/i18n/language'
import type { Issue } from '#shared/plan/issue'
import { fieldLabel } from './field-words'
import type { Translate } from './i18n'

export interface IssueWords {
  text: string
  /** The engine's own sentence, when the text is not it. */
  original: string | null
}

function placeOf(issue: Issue, t: Translate): string {
  if (issue.row !== null && issue.column) return t('issue.place.rowColumn', { row: issue.row, column: issue.column })
  if (issue.row !== null) return t('issue.place.row', { row: issue.row })
  if (issue.column) return t('issue.place.column', { column: issue.column })
  return issue.order !== null ? t('issue.place.order', { order: issue.order }) : ''
}

export function issueWords(issue: Issue, language: Language, t: Translate): IssueWords {
  const key = `issue.${issue.code}`
  if (language === 'en' || !isCatalogKey(key)) return { text: issue.message, original: null }
  const field = issue.field ?? ''
  const text = t(key, { place: placeOf(issue, t), field, fieldName: field ? fieldLabel(field.replace(/^goods\[\d+\]\[(\w+)\]$/, '$1'), t) : '' })
  return { text: text.replace(/^: /, ''), original: issue.message }
}
