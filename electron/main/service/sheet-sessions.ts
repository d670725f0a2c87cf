// The sheets loaded in the app, by session id. Only the newest is kept in memory with its rows
// and plan; the others (a few, the least recently used closed beyond that) are parked: their file
// stays on disk in the data folder's sessions/ folder, with the user's mapping, edits and
// excluded rows, and the file is read again when one of them is used. The file's bytes are never
// kept in memory: the sheet is read again (other options, a parked session) from that file.
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mapSource } from '#shared/mapping/source-map'
import { localTimeZone } from '../pipeline/prepare-import'
import type { ReadOverrides } from '#shared/ipc/contract'
import type { ReadResult } from '#shared/sheet/sheet'
import { limitsForMaxFileMb, readSheetFile } from '../sheets/read-sheet'
import { sheetErrorMessage } from '../sheets/sheet-error'
import type { EventHub } from './events'
import { notFound, ServiceError } from './errors'
import { msg } from '#shared/i18n/message'
import { startJob } from './jobs'
import { SheetSession, type MappingChoice, type SessionSource, type SessionState } from './sheet-session'
import type { TemplateStore } from './templates'
import { safeFileName, withTempFile } from './temp-file'

/** Sessions kept at all (the newest in memory, the others parked on disk). */
export const MAX_SESSIONS = 4

export interface SheetSessionsDeps {
  tempDir: string
  /** Where the loaded files live while their sessions are open: a folder of this service's own
   * is made inside (removed at the end, or by a later start when this process is gone). */
  sessionDir: string
  templates: TemplateStore
  events: EventHub
  now: () => number
}

/** A session out of memory: what it takes to make it again from its file. */
interface ParkedSession {
  parked: true
  id: string
  source: SessionSource
  options: ReadOverrides
  choice: MappingChoice
  state: SessionState
}

export class SheetSessions {
  private readonly sessions = new Map<string, SheetSession | ParkedSession>()
  private readonly folder: string

  constructor(private readonly deps: SheetSessionsDeps) {
    removeStaleFolders(deps.sessionDir)
    this.folder = join(deps.sessionDir, `${process.pid}-${randomUUID().slice(0, 8)}`)
    mkdirSync(this.folder, { recursive: true, mode: 0o700 })
  }

  async load(name: string, bytes: Uint8Array, options: ReadOverrides): Promise<SheetSession> {
    const job = startJob(this.deps.events, 'reading')
    const id = randomUUID()
    const folder = join(this.folder, id)
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 })
      const path = join(folder, safeFileName(name))
      // Hashed while the file is written; then the bytes go to the sheet worker (moved when they
      // can be: not usable here after readPath), which need not read the file again.
      const size = bytes.length
      const writing = writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
      writing.catch(() => undefined)
      const sha256 = await sha256InSlices(bytes)
      await writing
      const read = await readPath(path, options, bytes)
      job.report('mapping', 0, null)
      const choice = this.chooseMapping(read)
      job.report('validating', 0, read.table.rows.length)
      const source: SessionSource = { name: read.meta.file, path, size, sha256 }
      const session = new SheetSession(id, source, options, read, choice, this.deps.now)
      this.keep(session)
      return session
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw error
    } finally {
      job.finish()
    }
  }

  async reload(session: SheetSession, options: ReadOverrides): Promise<SheetSession> {
    const job = startJob(this.deps.events, 'reading')
    try {
      const read = await readPath(session.source.path, options)
      const sameHeaders = JSON.stringify(read.table.headers) === JSON.stringify(session.read.table.headers)
      job.report('validating', 0, read.table.rows.length)
      session.replaceRead(read, options, sameHeaders ? session.choice : this.chooseMapping(read))
      return session
    } finally {
      job.finish()
    }
  }

  /** The session, read again from its file when it was parked. */
  async get(id: string): Promise<SheetSession> {
    const entry = this.sessions.get(id)
    if (!entry) throw notFound(msg('service.fileClosed'))
    if (!('parked' in entry)) {
      // Most recently used last, so the oldest is the first to go.
      this.sessions.delete(id)
      this.sessions.set(id, entry)
      return entry
    }
    const job = startJob(this.deps.events, 'reading')
    try {
      const read = await readPath(entry.source.path, entry.options)
      job.report('validating', 0, read.table.rows.length)
      const session = new SheetSession(id, entry.source, entry.options, read, entry.choice, this.deps.now, entry.state)
      // Closed while it was being read again.
      if (this.sessions.get(id) !== entry) throw notFound(msg('service.fileClosed'))
      this.sessions.delete(id)
      this.keep(session)
      return session
    } finally {
      job.finish()
    }
  }

  close(id: string): boolean {
    const entry = this.sessions.get(id)
    if (!entry) return false
    this.drop(entry)
    return true
  }

  /** Closes every session and removes their files (the app is ending). */
  closeAll(): void {
    for (const entry of [...this.sessions.values()]) this.drop(entry)
    rmSync(this.folder, { recursive: true, force: true })
  }

  /** Whether the session is held in memory (false: parked on disk, or closed). For tests. */
  inMemory(id: string): boolean {
    const entry = this.sessions.get(id)
    return entry !== undefined && !('parked' in entry)
  }

  /** A saved template for exactly these headers, else automatic matching. */
  chooseMapping(read: ReadResult): MappingChoice {
    const template = this.deps.templates.findFor(read.table.headers)
    if (template) return { mapping: template.mapping, auto: null, template: template.name }
    const auto = mapSource(read.table.headers, read.table.rows, {
      timeZone: localTimeZone(),
      timeZoneWhy: "the computer's zone",
      ...(read.meta.sheetsWithEmails ? { sheetsWithEmails: read.meta.sheetsWithEmails } : {})
    })
    return { mapping: auto.mapping, auto, template: null }
  }

  /** Keeps the session as the newest: every other one is parked, the oldest beyond the limit closed. */
  private keep(session: SheetSession): void {
    for (const [id, other] of this.sessions) {
      if ('parked' in other) continue
      other.dispose()
      this.sessions.set(id, { parked: true, id, source: other.source, options: other.options, choice: other.choice, state: other.state() })
    }
    this.sessions.set(session.id, session)
    while (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.values().next().value
      if (oldest === undefined) break
      this.drop(oldest)
    }
  }

  private drop(entry: SheetSession | ParkedSession): void {
    if (!('parked' in entry)) entry.dispose()
    this.sessions.delete(entry.id)
    rmSync(join(this.folder, entry.id), { recursive: true, force: true })
  }
}

/** Removes the folders of services whose process has ended (sessions do not outlive the app;
 * a crash leaves its files behind). */
function removeStaleFolders(root: string): void {
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1] ?? Number.NaN)
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue
    if (pid === process.pid) continue
    rmSync(join(root, name), { recursive: true, force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Bytes hashed at a time by sha256InSlices. */
const HASH_SLICE = 4 << 20

/** The bytes' SHA-256 (hex), a slice at a time with a turn of the event loop between slices (the
 * file is written meanwhile). */
async function sha256InSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let at = 0; at < bytes.length; at += HASH_SLICE) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve))
    hash.update(bytes.subarray(at, at + HASH_SLICE))
  }
  return hash.digest('hex')
}

/** `bytes`: the file's contents, handed over to the reader (see readSheetFile). */
async function readPath(path: string, options: ReadOverrides, bytes?: Uint8Array): Promise<ReadResult> {
  const { maxFileMb, ...readOptions } = options
  const limits = maxFileMb === undefined ? undefined : limitsForMaxFileMb(maxFileMb)
  const outcome = await readSheetFile(path, { ...readOptions, limits, ...(bytes === undefined ? {} : { bytes }) })
  if (!outcome.ok) throw new ServiceError('sheet', sheetErrorMessage(outcome.error))
  return outcome.value
}

/** Reads file bytes with the sheet reader (which works on a path, in a worker). */
export async function readBytes(tempDir: string, name: string, bytes: Uint8Array, options: ReadOverrides): Promise<ReadResult> {
  return withTempFile(tempDir, name, bytes, (path) => readPath(path, options))
}
