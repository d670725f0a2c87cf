// The one-sentence results of a run, in plain words.
import { isJournalError } from '../journal'
import type { OrderState } from '../journal'

export function finishedMessage(runId: number, counts: Record<OrderState, number>): string {
  const parts = [`${counts.succeeded} created`]
  if (counts.failed > 0) parts.push(`${counts.failed} failed (fix ${them(counts.failed)} and retry)`)
  if (counts.unknown > 0) parts.push(`${counts.unknown} unclear (check ${them(counts.unknown)} in the shop, then resolve ${them(counts.unknown)})`)
  if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`)
  return `Run ${runId} finished: ${list(parts)}.`
}

export function cancelledMessage(runId: number, counts: Record<OrderState, number>): string {
  const left = counts.pending
  // An order still 'sending' was on its way and may have been created: unclear, not "to send".
  const unclearCount = counts.unknown + counts.sending
  const unclear = unclearCount > 0 ? `, ${unclearCount} unclear` : ''
  return `Run ${runId} paused with ${left} ${left === 1 ? 'order' : 'orders'} still to send${unclear}; resume it to continue.`
}

export function limitGiveUpMessage(runId: number, minutes: number): string {
  return (
    `The API kept answering that its request limit is used up (code 8) for ${minutes} minutes, so run ${runId} stopped. ` +
    'Resume it later, and ask InfluencerSoft support whether API access is enabled for your account if this repeats.'
  )
}

export function networkGiveUpMessage(runId: number, minutes: number, lastReason: string): string {
  return `Nothing could be sent for ${minutes} minutes, so run ${runId} stopped (last problem: ${lastReason.replace(/\.$/, '')}); resume it when the connection works.`
}

export function unexpectedMessage(runId: number, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error)
  // The journal's own errors already say what failed, why and what to do (e.g. a full disk).
  if (isJournalError(error)) return `Run ${runId} stopped: ${detail.replace(/\.$/, '')}. Once that is fixed, resume the run to continue.`
  return `Run ${runId} stopped after an unexpected problem: ${detail.replace(/\.$/, '')}. The journal keeps every order's state; resume the run to continue.`
}

export function minutesOf(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000))
}

function them(n: number): string {
  return n === 1 ? 'it' : 'them'
}

function list(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`
}
