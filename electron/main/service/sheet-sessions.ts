// The sheets loaded in the app, by session id. A few are kept (the least recently used is closed
// beyond that), each with its file bytes so it can be read again with other options.
import { createHash, randomUUID } from 'node:crypto'
import { mapSource } from '#shared/mapping/source-map'
import { localTimeZone } from '../pipeline/prepare-import'
import type { ReadOverrides } from '#shared/ipc/contract'
import type { ReadResult } from '#shared/sheet/sheet'
import { limitsForMaxFileMb, readSheetFile } from '../sheets/read-sheet'
import type { EventHub } from './events'
import { notFound, ServiceError } from './errors'
import { startJob } from './jobs'
import { SheetSession, type MappingChoice } from './sheet-session'
import type { TemplateStore } from './templates'
import { withTempFile } from './temp-file'

export const MAX_SESSIONS = 4

export interface SheetSessionsDeps {
  tempDir: string
  templates: TemplateStore
  events: EventHub
  now: () => number
}

export class SheetSessions {
  private readonly sessions = new Map<string, SheetSession>()

  constructor(private readonly deps: SheetSessionsDeps) {}

  async load(name: string, bytes: Uint8Array, options: ReadOverrides): Promise<SheetSession> {
    const job = startJob(this.deps.events, 'reading')
    try {
      const read = await readBytes(this.deps.tempDir, name, bytes, options)
      job.report('mapping', 0, null)
      const choice = this.chooseMapping(read)
      job.report('validating', 0, read.table.rows.length)
      const source = { name: read.meta.file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
      const session = new SheetSession(randomUUID(), source, options, read, choice, this.deps.now)
      this.keep(session)
      return session
    } finally {
      job.finish()
    }
  }

  async reload(session: SheetSession, options: ReadOverrides): Promise<SheetSession> {
    const job = startJob(this.deps.events, 'reading')
    try {
      const read = await readBytes(this.deps.tempDir, session.source.name, session.source.bytes, options)
      const sameHeaders = JSON.stringify(read.table.headers) === JSON.stringify(session.read.table.headers)
      job.report('validating', 0, read.table.rows.length)
      session.replaceRead(read, options, sameHeaders ? session.choice : this.chooseMapping(read))
      return session
    } finally {
      job.finish()
    }
  }

  get(id: string): SheetSession {
    const session = this.sessions.get(id)
    if (!session) throw notFound('This file is no longer open (it was closed, or Orderbatch restarted). Load it again.')
    // Most recently used last, so the oldest is the first to go.
    this.sessions.delete(id)
    this.sessions.set(id, session)
    return session
  }

  close(id: string): boolean {
    this.sessions.get(id)?.dispose()
    return this.sessions.delete(id)
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

  private keep(session: SheetSession): void {
    this.sessions.set(session.id, session)
    while (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value
      if (oldest === undefined) break
      this.sessions.get(oldest)?.dispose()
      this.sessions.delete(oldest)
    }
  }
}

/** Reads file bytes with the sheet reader (which works on a path, in a worker). */
export async function readBytes(tempDir: string, name: string, bytes: Uint8Array, options: ReadOverrides): Promise<ReadResult> {
  const { maxFileMb, ...readOptions } = options
  const limits = maxFileMb === undefined ? undefined : limitsForMaxFileMb(maxFileMb)
  const outcome = await withTempFile(tempDir, name, bytes, (path) => readSheetFile(path, { ...readOptions, limits }))
  if (!outcome.ok) throw new ServiceError('sheet', outcome.error.message)
  return outcome.value
}
