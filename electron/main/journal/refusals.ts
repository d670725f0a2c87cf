// Why a journal is not opened, in plain words, and the safe next step. One rule for all of them:
// never suggest a fresh or different journal for the same sheet. The journal is the only record
// of which orders were already created; a new one knows none of them, and the sheet imported
// into it would create every order a second time.
import type { LockHolder } from './errors'

/** Said wherever a refusal might tempt someone to start over. */
export const KEEP_THIS_JOURNAL =
  'Do not import the same sheet with another journal meanwhile: only this one records which orders were already created, and a new one would send them again.'

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

export function lockedMessage(c: LockedContext): string {
  const { path, holder } = c
  if (holder === null) {
    return (
      `The journal ${path} is in use by another program right now (it holds the file's lock, and no Orderbatch recorded itself as the holder). ` +
      `Close the other Orderbatch, or any program that has the file open (a database viewer, a backup or sync tool), then run the same command again. ${KEEP_THIS_JOURNAL}`
    )
  }
  const who = `pid ${holder.pid}, since ${formatSince(holder.startedAt)}${holder.command ? `, "${holder.command}"` : ''}`
  if (c.thisProcess) {
    return `The journal ${path} is already open in this Orderbatch (since ${formatSince(holder.startedAt)}). Finish or close what uses it here, then try again.`
  }
  if (!c.here) {
    return (
      `Orderbatch on the computer "${holder.host}" (${who}) is using the journal ${path}. ` +
      'Let it finish, or close it on that computer, then run the same command again. The lock ends when that process ends, however it ends; ' +
      `if the process is surely gone and the journal is still refused, a program on that computer still has the file open. ${KEEP_THIS_JOURNAL}`
    )
  }
  if (c.alive === false) {
    return (
      `The journal ${path} is in use by another program right now. The last Orderbatch that held it (${who}) is no longer running, ` +
      'so something else has the file open: close any program that has it open (another Orderbatch, a database viewer, a backup or sync tool), ' +
      `then run the same command again. ${KEEP_THIS_JOURNAL}`
    )
  }
  return (
    `Another Orderbatch (${who}) is using the journal ${path}. Let it finish, or stop it (Ctrl+C in its terminal, or quit the app), ` +
    'then run the same command again. If that process is surely gone, nothing needs to be deleted: the lock ends with its process, ' +
    `so run the same command again; if it is still refused, another program has the file open. ${KEEP_THIS_JOURNAL}`
  )
}

export function hardLinkedMessage(path: string, links: number): string {
  return (
    `The journal ${path} has ${links} names on this disk (hard links), so Orderbatch cannot be sure it is the only one using it, and refuses it. ` +
    `Remove the other names so one is left (\`find <folder> -samefile "${path}"\` lists them), then run the same command again with that name; ` +
    `keep the file itself. ${KEEP_THIS_JOURNAL}`
  )
}

export function damagedMessage(path: string, detail: string | null): string {
  return (
    `The journal ${path} is damaged${detail === null ? '' : ` (${detail})`}, so nothing more will be sent from it. ` +
    `Keep the file as it is (copy ${path} and, if they exist, ${path}-wal and ${path}-shm to a safe place) and ask for support. ` +
    'Before sending any order of this sheet again, check in the shop which ones it already has. ' +
    KEEP_THIS_JOURNAL
  )
}

export function newerVersionMessage(path: string, fileVersion: number, knownVersion: number): string {
  return (
    `The journal ${path} was made by a newer Orderbatch (journal version ${fileVersion}; this one knows up to ${knownVersion}). ` +
    'It was left untouched. Update Orderbatch to open it, or use the newer Orderbatch that made it. ' +
    KEEP_THIS_JOURNAL
  )
}

export function replacedMessage(path: string, what: 'missing' | 'other-file'): string {
  const happened = what === 'missing' ? 'was deleted or moved away' : 'was replaced by another file'
  return (
    `The journal ${path} ${happened} while Orderbatch was using it, so it stopped: what it records next would not be where the next command looks. ` +
    `If you moved it, move it back to ${path} and resume the run. ` +
    `If it was deleted or replaced, do not import the sheet again into a new journal: check in the shop which of its orders exist first.`
  )
}

/** "14:02" today, "2026-03-01 14:02" on another day (local time). */
export function formatSince(epochMs: number, today: Date = new Date()): string {
  const at = new Date(epochMs)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  const sameDay = at.toDateString() === today.toDateString()
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`
}
