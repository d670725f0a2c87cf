// The desktop app's main side in plain Node: every IPC handler of the contract, over the engine
// (sheet reader, planner, journal, sender, sandbox). Electron and the browser host both serve it.
import type { SandboxProduct } from '../sandbox/catalog'
import { ProductCatalogs, productsCheck } from './products'
import { msg } from '#shared/i18n/message'
import { requeueStatusSteps } from '../ops/status-steps'
import { sideEffects } from '#shared/run/side-effects'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { ChannelOutputs } from '#shared/ipc/contract'
import { readRunInfo } from '../journal'
import { AppearanceStore } from './appearance'
import { AppStateFile } from './app-state'
import { Connections } from './connection'
import { CreatedIndex } from './created-index'
import { busy, ServiceError } from './errors'
import { EventHub } from './events'
import { exportRun } from './export-results'
import { retryFromFile } from './retry-from-file'
import { startJob } from './jobs'
import { JournalHolder } from './journal-holder'
import { RunControl, type SenderTuning } from './run-control'
import { requireRun, RunOrders } from './run-orders'
import { SandboxHost } from './sandbox-host'
import { SheetSessions } from './sheet-sessions'
import type { CreatedLookup, SheetSession } from './sheet-session'
import { TemplateStore } from './templates'
import type { AppService, SecretStore, ServiceHandlers } from './types'
import { undoRun } from './undo'

export type { AppService, SecretStore } from './types'

export interface AppServiceDeps {
  userDataDir: string
  journalPath: string
  secrets: SecretStore
  host: 'electron' | 'browser'
  /** Where sheet bytes are written for the reader; default the system's temp folder. */
  tempDir?: string
  now?: () => number
  /** The app's version for app.info (Electron passes app.getVersion()). */
  version?: string
  /** Sender timings (tests use short ones). */
  tuning?: SenderTuning
  /** The built-in sandbox sells only these products when set (others answer 604). */
  sandboxProducts?: ReadonlyArray<string | SandboxProduct>
}

export function createAppService(deps: AppServiceDeps): AppService {
  const now = deps.now ?? Date.now
  const events = new EventHub()
  const appearance = new AppearanceStore(deps.userDataDir)
  const sandbox = new SandboxHost(deps.journalPath, deps.sandboxProducts)
  const connections = new Connections(new AppStateFile(join(deps.userDataDir, 'app-state.json')), deps.secrets, sandbox)
  const journal = new JournalHolder(deps.journalPath, now)
  const created = new CreatedIndex(() => journal.get(), () => connections.destination())
  const templates = new TemplateStore(deps.userDataDir)
  const tempDir = deps.tempDir ?? tmpdir()
  const sessions = new SheetSessions({ tempDir, sessionDir: join(deps.userDataDir, 'sessions'), templates, events, now })
  const catalogs = new ProductCatalogs(deps.journalPath)
  const runs = new RunControl({ journal, connections, events, created, now, catalogs, ...(deps.tuning ? { tuning: deps.tuning } : {}) })
  const orders = new RunOrders(journal, created, now)
  const lookup: CreatedLookup = Object.assign((order: PlannedOrder): number | null => created.billForOrder(order), { generation: () => created.generation() })
  const summaryOf = (session: SheetSession) => session.summary(lookup)
  let disposed: Promise<void> | null = null

  const handlers: ServiceHandlers = {
    'app.info': async () => ({ version: deps.version ?? '0.0.0', host: deps.host, journalPath: journal.path }),
    'appearance.get': async () => ({ appearance: appearance.get() }),
    'appearance.set': async (input) => ({ appearance: appearance.set(input.appearance) }),

    'connection.get': async () => connections.info(),
    'connection.set': async (input) => connections.set(input),
    'connection.useSandbox': async () => connections.useSandbox(),
    'connection.test': async () => connections.test(),

    'sheet.load': async ({ name, bytes, options }) => {
      created.invalidate()
      return summaryOf(await sessions.load(name, bytes, options))
    },
    'sheet.reload': async ({ sessionId, options }) => summaryOf(await sessions.reload(await sessions.get(sessionId), options)),
    'sheet.close': async ({ sessionId }) => ({ closed: sessions.close(sessionId) }),

    'mapping.set': async ({ sessionId, mapping }) => {
      const session = await sessions.get(sessionId)
      const job = startJob(events, 'validating', session.read.table.rows.length)
      try {
        session.setMapping(mapping)
      } finally {
        job.finish()
      }
      return { counts: session.counts(lookup), mapping: session.mapping, sheetIssues: session.sheetIssues }
    },
    'mapping.previewOrder': async ({ sessionId, order }) => (await sessions.get(sessionId)).preview(order),
    'templates.list': async () => templates.list().map(({ name, headers, savedAt }) => ({ name, headers, savedAt })),
    'templates.save': async ({ sessionId, name }) => {
      const session = await sessions.get(sessionId)
      const trimmed = name.trim()
      if (trimmed === '') throw new ServiceError('invalid-input', msg('service.templateName'))
      templates.save({ name: trimmed, headers: session.read.table.headers, mapping: session.mapping, savedAt: now() })
      session.choice = { ...session.choice, template: trimmed }
      return { name: trimmed }
    },

    'rows.page': async ({ sessionId, offset, limit, filter }) => {
      const session = await sessions.get(sessionId)
      return { ...session.page(offset, limit, filter, lookup), counts: session.counts(lookup) }
    },
    'rows.edit': async ({ sessionId, row, column, value }) => {
      const session = await sessions.get(sessionId)
      session.edit(row, column, value)
      return { row: session.gridRow(row, lookup), counts: session.counts(lookup) }
    },
    'rows.exclude': async ({ sessionId, rows, excluded }) => {
      const session = await sessions.get(sessionId)
      session.exclude(rows, excluded)
      return { counts: session.counts(lookup) }
    },

    'products.check': async ({ sessionId, refresh }) => {
      const session = await sessions.get(sessionId)
      const target = await connections.current()
      const { catalog, source, reason } = await catalogs.catalog(target, refresh === true)
      return productsCheck(session.plan.plan, catalog, source, reason, target.kind === 'sandbox')
    },
    'run.start': async ({ sessionId, rate, concurrency }) => runs.start(await sessions.get(sessionId), rate, concurrency),
    'run.notice': async ({ sessionId, rate, concurrency }) => {
      const session = await sessions.get(sessionId)
      const counts = session.counts(lookup)
      const toSend = Math.max(0, counts.validOrders - counts.alreadyCreated)
      // One CreateOrder per order, and one UpdateOrderStatus per paid, cancelled or returned one.
      const marks = statusMarks(session.plan.plan.orders)
      return { effects: sideEffects({ sandbox: connections.info().kind === 'sandbox', orders: toSend, paid: marks.paid, calls: toSend + marks.calls, rate, concurrency }) }
    },
    'run.pause': async ({ runId }) => runs.pause(runId),
    'run.resume': async ({ runId, rate, concurrency }) => runs.resume(runId, rate, concurrency),
    'run.cancel': async ({ runId }) => runs.cancel(runId),

    'runs.list': async () => runs.list(),
    'runs.orders': async ({ runId, states, offset, limit }) => orders.page(runId, states, offset, limit),
    'runs.resolve': async ({ runId, ordinal, decision }) => orders.resolve(runId, ordinal, decision),
    'runs.editFailed': async ({ runId, ordinal, cells }) => orders.editFailed(runId, ordinal, cells),
    'runs.retryFailed': async ({ runId, fixedFile }) => {
      const outcome: ChannelOutputs['runs.retryFailed'] = fixedFile
        ? await retryFromFile(journal.get(), requireRun(journal.get(), runId), fixedFile, tempDir)
        : orders.requeueAllFailed(runId)
      if (outcome.requeued > 0) {
        try {
          await runs.continueRun(runId)
        } catch (error) {
          const why = error instanceof ServiceError ? (error.localized ?? msg('error.asIs', { text: error.message })) : msg('service.couldNotStart')
          outcome.messages.push(msg('service.waitInRun', { runId, why }))
        }
      }
      return outcome
    },
    'runs.retryStatus': async ({ runId }) => {
      const j = journal.get()
      const requeued = requeueStatusSteps(j, requireRun(j, runId))
      const messages: string[] = []
      if (requeued > 0) {
        try {
          await runs.continueRun(runId)
        } catch (error) {
          const why = error instanceof ServiceError ? error.message : 'sending could not start.'
          messages.push(`The statuses wait in run ${runId}; resume it to send them. ${why}`)
        }
      }
      return { requeued, messages }
    },
    'runs.export': async ({ runId, format, only, delimiter, language }) => {
      const job = startJob(events, 'exporting')
      try {
        const j = journal.get()
        return await exportRun(j, requireRun(j, runId), format, only, tempDir, { delimiter, language })
      } finally {
        job.finish()
      }
    },
    'runs.undo': async ({ runId }) => {
      if (runs.isLive(runId)) throw busy(msg('service.undoWhileSending', { runId }))
      const j = journal.get()
      const run = requireRun(j, runId)
      const target = await connections.forRun(run, readRunInfo(run).sandbox)
      try {
        return await undoRun(j, run, target.client)
      } finally {
        created.invalidate()
      }
    }
  }

  return {
    handlers,
    onEvent: (listener) => events.on(listener),
    sendingRuns: () => runs.sendingRuns(),
    onSendingChange: (listener) => runs.onSendingChange(listener),
    onAppearanceChange: (listener) => appearance.onChange(listener),
    dispose: () => {
      disposed ??= (async () => {
        sessions.closeAll()
        await runs.pauseAll()
        journal.close()
        await sandbox.close()
      })()
      return disposed
    }
  }
}

/** Valid orders that get a second call (UpdateOrderStatus), and of those the paid ones. */
function statusMarks(orders: ReadonlyArray<{ errors: number; status?: { status: string } }>): { calls: number; paid: number } {
  let calls = 0
  let paid = 0
  for (const order of orders) {
    if (order.errors > 0 || order.status === undefined) continue
    calls++
    if (order.status.status === 'paid') paid++
  }
  return { calls, paid }
}
