// How sure a detector or matcher is, in words first and the number second.
import { useFormats, useT } from '../lib/i18n'

export type ConfidenceTone = 'high' | 'medium' | 'low'

export function confidenceTone(confidence: number): ConfidenceTone {
  if (confidence >= 0.9) return 'high'
  if (confidence >= 0.6) return 'medium'
  return 'low'
}

export function Confidence({ confidence, testId }: { confidence: number; testId?: string }) {
  const t = useT()
  const f = useFormats()
  const tone = confidenceTone(confidence)
  const percent = f.percent(confidence)
  return (
    <span className={`badge badge-${tone}`} data-testid={testId} title={t('confidence.title', { percent })}>
      {t(`confidence.${tone}`)} · {percent}
    </span>
  )
}
