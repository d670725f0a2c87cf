// The badge next to each field: how it got its column and how sure the match is, or that a
// required field is still missing.
import type { FieldMatch } from '#shared/mapping/auto-map'
import { matchReasonText } from '#shared/mapping/auto-map-reasons'
import type { FieldMapping } from '#shared/mapping/mapping'
import { columnIndexOf } from '../../lib/columns'
import { confidenceTone } from '../../components/Confidence'
import type { Translate } from '../../lib/i18n'

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
  t: Translate
  percent: (share: number) => string
}

export function badgeFor({ id, field, required, headers, matches, template, t, percent }: BadgeInput): Badge {
  const source = field?.source
  if (!source || source.kind === 'none') {
    return required
      ? { text: t('map.badge.requiredMissing'), tone: 'error', title: t('map.badge.requiredMissingTitle') }
      : { text: t('map.badge.notMapped'), tone: 'muted', title: t('map.badge.notMappedTitle') }
  }
  if (source.kind === 'constant') {
    return { text: t('map.badge.constant'), tone: 'neutral', title: t('map.badge.constantTitle', { value: source.value }) }
  }
  const index = columnIndexOf(headers, source)
  if (index < 0) return { text: t('map.badge.missing'), tone: 'error', title: t('map.badge.missingTitle', { column: source.column }) }
  const match = matches.find((m) => m.field === id && m.columnIndex === index)
  if (match) {
    const tone = confidenceTone(match.confidence)
    return { text: t('map.badge.matched', { percent: percent(match.confidence) }), tone, title: t('map.badge.matchedTitle', { reason: matchReasonText(match.why, t) }) }
  }
  if (template) return { text: t('map.badge.template'), tone: 'neutral', title: t('map.badge.templateTitle', { name: template }) }
  return { text: t('map.badge.chosen'), tone: 'neutral', title: t('map.badge.chosenTitle') }
}
