// A real app service in a temp folder (journal, templates, sandbox shop), called through the same
// door as both hosts (callChannel), with every answer and event kept for inspection.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll } from 'vitest'
import type { Channel, ChannelInput, ChannelOutputs, EventName, EventPayloads, IpcResult, RunSummary } from '#shared/ipc/contract'
import { sandboxShopPath } from '../../../electron/main/ops/paths'
import { createAppService, type AppService, type AppServiceDeps } from '../../../electron/main/service/app-service'
import { callChannel } from '../../../electron/main/service/dispatch'
import { createMemorySecretStore } from '../../../electron/main/service/secret-store'
import type { SecretStore } from '../../../electron/main/service/types'

export const SAMPLE = resolve(import.meta.dirname, '../../../resources/samples/orders.csv')
export const GROUPED_SAMPLE = resolve(import.meta.dirname, '../../../resources/samples/orders-grouped.xlsx')

export function sampleBytes(path = SAMPLE): Uint8Array<ArrayBuffer> {
  const file = readFileSync(path)
  const bytes = new Uint8Array(new ArrayBuffer(file.length))
  bytes.set(file)
  return bytes
}

export interface TestApp {
  dir: string
  journalPath: string
  service: AppService
  secrets: SecretStore
  events: Array<{ name: EventName; payload: unknown }>
  /** Every answer, as JSON text, for secret scans. */
  answers: string[]
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutputs[C]>>
  /** The value of an ok answer; fails the test with the error otherwise. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutputs[C]>
  /** A second service on the same folders (an app restart). */
  restart(): Promise<TestApp>
  close(): Promise<void>
}

export interface TestAppOptions {
  dir?: string
  secrets?: SecretStore
  deps?: Partial<AppServiceDeps>
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'orderbatch-service-'))
  const journalPath = join(dir, 'journal.sqlite')
  const secrets = options.secrets ?? createMemorySecretStore()
  const service = createAppService({
    userDataDir: dir,
    journalPath,
    secrets,
    host: 'browser',
    tempDir: dir,
    version: '9.9.9',
    tuning: { settleMs: 20 },
    ...options.deps
  })
  const events: TestApp['events'] = []
  service.onEvent((name, payload) => events.push({ name, payload }))
  const answers: string[] = []
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = (await callChannel(service.handlers, channel, input)) as IpcResult<ChannelOutputs[C]>
    answers.push(JSON.stringify(result, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)))
    return result
  }
  const app: TestApp = {
    dir,
    journalPath,
    service,
    secrets,
    events,
    answers,
    call,
    ok: async (channel, input) => {
      const result = await call(channel, input)
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
      return result.value
    },
    restart: async () => {
      await service.dispose()
      return startTestApp({ ...options, dir, secrets })
    },
    close: async () => {
      await service.dispose()
    }
  }
  return app
}

/** The set-up most service tests share: a test app started before the tests of the file (or of
 * the describe block it is called in) and, after them, closed and its folder removed. The hooks
 * are the caller's own `beforeAll`/`afterAll`, registered where this is called: a caller's own
 * before hooks registered after it run once the app is started, and its own after hooks run
 * before the app is closed (vitest runs after hooks in reverse order).
 *
 * The answer stands for the app that is current: `restart()` replaces it (the restarted app is
 * the one closed at the end) and gives the same object back. */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let held: TestApp | undefined
  const current = (): TestApp => {
    if (held === undefined) throw new Error('useTestApp: the app is started in beforeAll; use it inside a test or a later hook.')
    return held
  }
  beforeAll(async () => {
    held = await startTestApp(options)
  })
  afterAll(async () => {
    if (held === undefined) return
    await held.close()
    removeDir(held.dir)
    held = undefined
  })
  const app: TestApp = {
    get dir() { return current().dir },
    get journalPath() { return current().journalPath },
    get service() { return current().service },
    get secrets() { return current().secrets },
    get events() { return current().events },
    get answers() { return current().answers },
    call: (channel, input) => current().call(channel, input),
    ok: (channel, input) => current().ok(channel, input),
    restart: async () => {
      held = await current().restart()
      return app
    },
    close: () => current().close()
  }
  return app
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Waits until the run is no longer sending (finished, paused, stopped or cancelled). */
export async function waitForRunEnd(app: TestApp, runId: number, statuses: RunSummary['status'][] = ['finished']): Promise<RunSummary> {
  return waitFor(`run ${runId} to end`, async () => {
    const runs = await app.ok('runs.list', {})
    const run = runs.find((r) => r.runId === runId)
    return run && statuses.includes(run.status) && !app.service.sendingRuns().includes(runId) ? run : undefined
  })
}

export function eventsOf<E extends EventName>(app: TestApp, name: E): EventPayloads[E][] {
  return app.events.filter((e) => e.name === name).map((e) => e.payload as EventPayloads[E])
}

/** Live (not deleted) orders in the built-in sandbox's shop, read from its ledger file. */
export function sandboxShopOrders(journalPath: string): Array<{ bill_id: number; email: string }> {
  const db = new Database(sandboxShopPath(journalPath), { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT bill_id, email FROM orders WHERE deleted = 0 ORDER BY bill_id').all() as Array<{ bill_id: number; email: string }>
  } finally {
    db.close()
  }
}
