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

export class OutFileRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutFileRefused'
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
    throw new OutFileRefused(`${shown} is the journal (or one of its files). An export never writes there: the journal is the record of what the shop already holds. Choose another file name.`)
  }
  const stats = statOrNull(out)
  if (stats === null) return
  if (!stats.isFile()) throw new OutFileRefused(`${shown} exists and is not a file. Choose another file name.`)
  if (stats.size === rules.source.size && (await sha256Of(out)) === rules.source.sha256) {
    throw new OutFileRefused(
      `${shown} is the run's own source sheet (${rules.source.name}, same size and sha256). An export never replaces it, even with --force. Choose another file name.`
    )
  }
  if (!rules.force) throw new OutFileRefused(`${shown} already exists. Pass --force to replace it, or choose another file name.`)
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
      throw new OutFileRefused(`${shown} already exists. Pass --force to replace it, or choose another file name.`)
    }
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (statOrNull(out) !== null) {
      discardPartial(partial)
      throw new OutFileRefused(`${shown} already exists. Pass --force to replace it, or choose another file name.`)
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
