// How sure a detector or matcher is, in words first and the number second.
import { formatPercent } from '../lib/format'

export function confidenceWords(confidence: number): { words: string; tone: 'high' | 'medium' | 'low' } {
  if (confidence >= 0.9) return { words: 'sure', tone: 'high' }
  if (confidence >= 0.6) return { words: 'likely', tone: 'medium' }
  return { words: 'a guess — please check', tone: 'low' }
}

export function Confidence({ confidence, testId }: { confidence: number; testId?: string }) {
  const { words, tone } = confidenceWords(confidence)
  return (
    <span className={`badge badge-${tone}`} data-testid={testId} title={`Confidence ${formatPercent(confidence)}`}>
      {words} · {formatPercent(confidence)}
    </span>
  )
}
