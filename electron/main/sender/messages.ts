// The one-sentence results of a run, as messages (worded by each front-end in its language).
import { msg, messageOf, type Message } from '#shared/i18n/message'
import { isJournalError } from '../journal'
import type { OrderState } from '../journal'

export function finishedMessage(runId: number, counts: Record<OrderState, number>): Message {
  const parts = [msg('sendEnd.created', { count: counts.succeeded })]
  if (counts.failed > 0) parts.push(msg('sendEnd.failed', { count: counts.failed }))
  if (counts.unknown > 0) parts.push(msg('sendEnd.unclear', { count: counts.unknown }))
  if (counts.skipped > 0) parts.push(msg('sendEnd.skipped', { count: counts.skipped }))
  return msg('sendEnd.finished', { runId, parts: list(parts) })
}

export function cancelledMessage(runId: number, counts: Record<OrderState, number>): Message {
  // An order still 'sending' was on its way and may have been created: unclear, not "to send".
  const unclearCount = counts.unknown + counts.sending
  const unclear = unclearCount > 0 ? msg('sendEnd.pausedUnclear', { count: unclearCount }) : ''
  return msg('sendEnd.paused', { runId, count: counts.pending, unclear })
}

export function limitGiveUpMessage(runId: number, minutes: number): Message {
  return msg('sendEnd.limitGiveUp', { runId, count: minutes })
}

export function networkGiveUpMessage(runId: number, minutes: number, lastReason: string | Message): Message {
  return msg('sendEnd.networkGiveUp', { runId, count: minutes, reason: typeof lastReason === 'string' ? lastReason.replace(/\.$/, '') : lastReason })
}

export function unexpectedMessage(runId: number, error: unknown): Message {
  // The journal's own errors already say what failed, why and what to do (e.g. a full disk).
  if (isJournalError(error)) return msg('sendEnd.journal', { runId, detail: messageOf(error) })
  const detail = error instanceof Error ? error.message : String(error)
  return msg('sendEnd.unexpected', { runId, detail: detail.replace(/\.$/, '') })
}

export function minutesOf(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000))
}

/** "a, b and c" in the reader's language. */
function list(parts: Message[]): Message | string {
  if (parts.length === 0) return ''
  let joined: Message = parts[0]!
  for (let i = 1; i < parts.length; i++) joined = msg(i === parts.length - 1 ? 'sendEnd.and' : 'sendEnd.comma', { a: joined, b: parts[i]! })
  return joined
}
