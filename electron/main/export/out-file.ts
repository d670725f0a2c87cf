// Where an export may be written. An export never replaces a file the user did not ask to
// replace (an existing file needs --force), and never, even with --force, the run's own source
// sheet or the journal: the sheet is the user's original, the journal the only record of what
// the shop already holds.
//
// The export is written to a temporary file beside the target and put in place at the end, so
// a failed or interrupted export leaves no half-written file and never a damaged old one. Without
// --force it is put in place with link(), which fails if the name was taken meanwhile.
import { createHash } from 'node:crypto'
import { createReadStream, linkSync, realpathSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { englishOf, msg, type Localized, type Message } from '#shared/i18n/message'

/** What the run recorded of its source sheet. */
export interface RecordedSource {
  name: string
  sha256: string
  size: number
}

export interface OutFileRules {
  /** Replace an existing file (never the source sheet or the journal). */
  force: boolean
  /** The journal the run is read from: neither it nor any file beside it whose name starts with
   * its name (-wal, -shm, .lock) may be written. */
  journalPath: string
  source: RecordedSource
  /** How the user named the target in messages (the path as typed). */
  shown?: string
}

export class OutFileRefused extends Error implements Localized {
  readonly localized: Message

  constructor(message: Message) {
    super(englishOf(message))
    this.name = 'OutFileRefused'
    this.localized = message
  }
}

/** The real path of `path` if it exists, else the real path of its folder joined with its name. */
function realTarget(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path))
    } catch {
      return resolve(path)
    }
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Uint8Array)
  return hash.digest('hex')
}

/** Throws OutFileRefused with a message naming the file when `out` may not be written. */
export async function checkOutFile(out: string, rules: OutFileRules): Promise<void> {
  const shown = rules.shown ?? out
  const target = realTarget(out)
  const journal = realTarget(rules.journalPath)
  if (target === journal || target.startsWith(journal)) {
    throw new OutFileRefused(msg('out.isJournal', { file: shown }))
  }
  const stats = statOrNull(out)
  if (stats === null) return
  if (!stats.isFile()) throw new OutFileRefused(msg('out.notAFile', { file: shown }))
  if (stats.size === rules.source.size && (await sha256Of(out)) === rules.source.sha256) {
    throw new OutFileRefused(msg('out.isSource', { file: shown, source: rules.source.name }))
  }
  if (!rules.force) throw new OutFileRefused(msg('out.exists', { file: shown }))
}

/** A temporary name beside `out`, so the final rename stays on one file system. */
export function partialPathFor(out: string): string {
  return join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now().toString(36)}.partial`)
}

/** Puts the finished temporary file in place. Without `force`, a file that appeared at `out`
 * meanwhile is never replaced. */
export function commitOutFile(partial: string, out: string, force: boolean, shown = out): void {
  if (force) {
    renameSync(partial, out)
    return
  }
  try {
    linkSync(partial, out)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') {
      discardPartial(partial)
      throw new OutFileRefused(msg('out.exists', { file: shown }))
    }
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (statOrNull(out) !== null) {
      discardPartial(partial)
      throw new OutFileRefused(msg('out.exists', { file: shown }))
    }
    renameSync(partial, out)
    return
  }
  discardPartial(partial)
}

export function discardPartial(partial: string): void {
  try {
    unlinkSync(partial)
  } catch {
    // already gone
  }
}
