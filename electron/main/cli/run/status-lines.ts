// What became of a run's status steps (UpdateOrderStatus after CreateOrder), for status and the
// end of a send: counts, the created orders whose status is not set, and the command that sends
// those statuses again alone.
import type { Journal, RunRecord } from '../../journal'
import type { Translate } from '#shared/i18n/translate'
import { storedText } from '#shared/i18n/message'
import { statusStepSummary } from '../../ops/status-steps'
import { ENGLISH } from '../lang'

const LIMIT = 20

export function statusStepLines(journal: Journal, run: RunRecord, hint: string, t: Translate = ENGLISH): string[] {
  const { counts, notMarked } = statusStepSummary(journal, run, LIMIT)
  const total = counts.pending + counts.sending + counts.done + counts.failed + counts.unknown
  if (total === 0) return []
  const lines = [t('cli.steps.counts', { done: counts.done, waiting: counts.pending + counts.sending, failed: counts.failed, unknown: counts.unknown })]
  if (notMarked.length === 0) return lines
  lines.push(t('cli.steps.notMarked', { count: counts.failed + counts.unknown }))
  for (const step of notMarked) {
    const label = t(`cli.steps.label.${step.status}` as 'cli.steps.label.paid')
    lines.push(`  ${t('cli.steps.line', { ordinal: step.ordinal, bill: step.billId ?? '?', label })}${step.errorText ? `: ${storedText(t, step.errorText)}` : ''}`)
  }
  if (counts.failed > 0) lines.push(t('cli.steps.retry', { run: run.id, hint }))
  if (counts.unknown > 0) lines.push(t('cli.steps.resume', { run: run.id, hint }))
  return lines
}
