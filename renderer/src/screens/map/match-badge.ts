// The badge next to each field: how it got its column and how sure the match is, or that a
// required field is still missing.
import type { FieldMatch } from '#shared/mapping/auto-map'
import type { FieldMapping } from '#shared/mapping/mapping'
import { columnIndexOf } from '../../lib/columns'
import { formatPercent } from '../../lib/format'
import { confidenceWords } from '../../components/Confidence'

export interface Badge {
  text: string
  tone: 'high' | 'medium' | 'low' | 'error' | 'muted' | 'neutral'
  title: string
}

interface BadgeInput {
  id: string
  field: FieldMapping | undefined
  required: boolean
  headers: readonly string[]
  matches: readonly FieldMatch[]
  template: string | null
}

export function badgeFor({ id, field, required, headers, matches, template }: BadgeInput): Badge {
  const source = field?.source
  if (!source || source.kind === 'none') {
    return required
      ? { text: 'Required — not mapped', tone: 'error', title: 'Choose a column or a constant: orders cannot be sent without it.' }
      : { text: 'Not mapped', tone: 'muted', title: 'Not sent.' }
  }
  if (source.kind === 'constant') {
    return { text: 'Same for every order', tone: 'neutral', title: `Every order gets "${source.value}".` }
  }
  const index = columnIndexOf(headers, source)
  if (index < 0) return { text: 'Column missing', tone: 'error', title: `This file has no column "${source.column}". Choose another.` }
  const match = matches.find((m) => m.field === id && m.columnIndex === index)
  if (match) {
    const { tone } = confidenceWords(match.confidence)
    return { text: `Matched · ${formatPercent(match.confidence)}`, tone, title: `Matched automatically: ${match.reason}.` }
  }
  if (template) return { text: 'From template', tone: 'neutral', title: `Taken from your saved template "${template}".` }
  return { text: 'Chosen by you', tone: 'neutral', title: 'You chose this column.' }
}
