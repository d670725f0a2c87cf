// Why a journal is not opened, in plain words, and the safe next step. One rule for all of them:
// never suggest a fresh or different journal for the same sheet. The journal is the only record
// of which orders were already created; a new one knows none of them, and the sheet imported
// into it would create every order a second time.
import { englishOf, msg, type Message } from '#shared/i18n/message'
import type { LockHolder } from './errors'

/** Said wherever a refusal might tempt someone to start over. */
export const KEEP_THIS_JOURNAL =
  'Do not import the same sheet with another journal meanwhile: only this one records which orders were already created, and a new one would send them again.'

const KEEP: Message = msg('journal.keep')

export interface LockedContext {
  path: string
  /** What the side file says about the holder; null when it says nothing readable. */
  holder: LockHolder | null
  /** The holder ran on this computer. */
  here: boolean
  /** Whether that pid runs now (only when here). */
  alive: boolean | null
  /** The holder is this very process (the journal is already open in it). */
  thisProcess: boolean
}

// Each refusal is a message (catalog key and values, worded in the user's language by the
// front-end); the ...Message functions give its English sentence.

export function lockedRefusal(c: LockedContext): Message {
  const { path, holder } = c
  if (holder === null) return msg('journal.locked.noHolder', { path, keep: KEEP })
  const since = formatSince(holder.startedAt)
  const who = holder.command ? msg('journal.locked.whoCommand', { pid: holder.pid, since, command: holder.command }) : msg('journal.locked.who', { pid: holder.pid, since })
  if (c.thisProcess) return msg('journal.locked.thisProcess', { path, since })
  if (!c.here) return msg('journal.locked.elsewhere', { host: holder.host, who, path, keep: KEEP })
  if (c.alive === false) return msg('journal.locked.holderGone', { path, who, keep: KEEP })
  return msg('journal.locked.live', { who, path, keep: KEEP })
}

export function lockedMessage(c: LockedContext): string {
  return englishOf(lockedRefusal(c))
}

export function hardLinkedRefusal(path: string, links: number): Message {
  return msg('journal.hardLinked', { path, links, keep: KEEP })
}

export function hardLinkedMessage(path: string, links: number): string {
  return englishOf(hardLinkedRefusal(path, links))
}

/** `detail`: what was found, in the user's language when it is a message. */
export function damagedRefusal(path: string, detail: string | Message | null): Message {
  return msg('journal.damaged', { path, detail: detail === null ? '' : msg('journal.damaged.detail', { detail }), keep: KEEP })
}

export function damagedMessage(path: string, detail: string | Message | null): string {
  return englishOf(damagedRefusal(path, detail))
}

export function newerVersionRefusal(path: string, fileVersion: number, knownVersion: number): Message {
  return msg('journal.newerVersion', { path, fileVersion, knownVersion, keep: KEEP })
}

export function newerVersionMessage(path: string, fileVersion: number, knownVersion: number): string {
  return englishOf(newerVersionRefusal(path, fileVersion, knownVersion))
}

export function replacedRefusal(path: string, what: 'missing' | 'other-file'): Message {
  return msg(what === 'missing' ? 'journal.replaced.missing' : 'journal.replaced.otherFile', { path })
}

export function replacedMessage(path: string, what: 'missing' | 'other-file'): string {
  return englishOf(replacedRefusal(path, what))
}

/** "14:02" today, "2026-03-01 14:02" on another day (local time). */
export function formatSince(epochMs: number, today: Date = new Date()): string {
  const at = new Date(epochMs)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  const sameDay = at.toDateString() === today.toDateString()
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`
}
