// The desktop app's main side in plain Node: every IPC handler of the contract, over the engine
// (sheet reader, planner, journal, sender, sandbox). Electron and the browser host both serve it.
import type { SandboxProduct } from '../sandbox/catalog'
import { msg, type Message } from '#shared/i18n/message'
import { requeueStatusSteps } from '../ops/status-steps'
import { sideEffects } from '#shared/run/side-effects'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { ChannelOutputs } from '#shared/ipc/contract'
import { fetchCatalog } from '../api/catalog'
import { readRunInfo } from '../journal'
import { AppearanceStore } from './appearance'
import { AppStateFile } from './app-state'
import { LanguageStore } from './language'
import { Connections } from './connection'
import { CreatedIndex } from './created-index'
import { busy, ServiceError } from './errors'
import { EventHub } from './events'
import { exportRun } from './export-results'
import { retryFromFile } from './retry-from-file'
import { startJob } from './jobs'
import { JournalHolder } from './journal-holder'
import { Products } from './products'
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
  /** The built-in sandbox sells only these products when set (others answer 604); with titles,
   * prices and types GetAllGoods lists them, and the Products step checks against them. */
  sandboxProducts?: ReadonlyArray<string | SandboxProduct>
}

export function createAppService(deps: AppServiceDeps): AppService {
  const now = deps.now ?? Date.now
  const events = new EventHub()
  const appearance = new AppearanceStore(deps.userDataDir)
  const language = new LanguageStore(deps.host === 'electron' ? deps.userDataDir : null)
  const sandbox = new SandboxHost(deps.journalPath, deps.sandboxProducts, join(deps.userDataDir, 'sandbox-products.json'))
  const connections = new Connections(new AppStateFile(join(deps.userDataDir, 'app-state.json')), deps.secrets, sandbox)
  const journal = new JournalHolder(deps.journalPath, now)
  const created = new CreatedIndex(() => journal.get(), () => connections.destination())
  const templates = new TemplateStore(deps.userDataDir)
  const tempDir = deps.tempDir ?? tmpdir()
  const sessions = new SheetSessions({ tempDir, sessionDir: join(deps.userDataDir, 'sessions'), templates, events, now })
  const runs = new RunControl({ journal, connections, events, created, now, ...(deps.tuning ? { tuning: deps.tuning } : {}) })
  const orders = new RunOrders(journal, created, now)
  const products = new Products({ journalPath: deps.journalPath, connections, templates })
  const lookup: CreatedLookup = Object.assign((order: PlannedOrder): number | null => created.billForOrder(order), { generation: () => created.generation() })
  // Counts, rows, previews and runs all come from the plan checked against the shop's catalog.
  const countsOf = (session: SheetSession) => products.counts(session, lookup)
  const summaryOf = (session: SheetSession) => ({ ...session.summary(lookup), counts: countsOf(session) })
  let disposed: Promise<void> | null = null

  const handlers: ServiceHandlers = {
    'app.info': async () => ({ version: deps.version ?? '0.0.0', host: deps.host, journalPath: journal.path }),
    'appearance.get': async () => ({ appearance: appearance.get() }),
    'appearance.set': async (input) => ({ appearance: appearance.set(input.appearance) }),
    'language.get': async () => ({ language: language.get() }),
    'language.set': async (input) => ({ language: language.set(input.language) }),

    'connection.get': async () => connections.info(),
    'connection.set': async (input) => connections.set(input),
    'connection.useSandbox': async ({ shopProducts }) => {
      if (shopProducts === true) {
        // "Use my shop's products": one read-only GetAllGoods call to the shop chosen now, so a
        // rehearsal in the sandbox refuses exactly what the shop would.
        const target = await connections.current()
        if (target.kind !== 'account') throw new ServiceError('invalid-input', msg('connection.error.shopProductsNoShop'))
        if (runs.sendingRuns().length > 0) throw new ServiceError('busy', msg('connection.error.shopProductsBusy'))
        const fetched = await fetchCatalog(() => target.client.getAllGoods())
        if (!fetched.ok) throw new ServiceError('api', msg('connection.error.shopProducts', { login: target.login, reason: fetched.reason }))
        await sandbox.useShopProducts(fetched.catalog, target.login)
      }
      const info = connections.useSandbox()
      if (shopProducts === true) await products.load(true)
      return info
    },
    'connection.test': async () => connections.test(),

    'sheet.load': async ({ name, bytes, options }) => {
      created.invalidate()
      return summaryOf(await sessions.load(name, bytes, options))
    },
    'sheet.reload': async ({ sessionId, options }) => {
      const session = await sessions.reload(await sessions.get(sessionId), options)
      return summaryOf(session)
    },
    'sheet.close': async ({ sessionId }) => {
      products.forget(sessionId)
      return { closed: sessions.close(sessionId) }
    },

    'mapping.set': async ({ sessionId, mapping }) => {
      const session = await sessions.get(sessionId)
      const job = startJob(events, 'validating', session.read.table.rows.length)
      try {
        session.setMapping(mapping)
      } finally {
        job.finish()
      }
      return { counts: countsOf(session), mapping: session.mapping, sheetIssues: session.sheetIssues }
    },
    'mapping.previewOrder': async ({ sessionId, order }) => products.preview(await sessions.get(sessionId), order),
    'templates.list': async () => templates.list().map(({ name, headers, savedAt }) => ({ name, headers, savedAt })),
    'templates.save': async ({ sessionId, name }) => {
      const session = await sessions.get(sessionId)
      const trimmed = name.trim()
      if (trimmed === '') throw new ServiceError('invalid-input', msg('service.templateName'))
      const choices = products.choicesOf(session)
      templates.save({ name: trimmed, headers: session.read.table.headers, mapping: session.mapping, savedAt: now(), ...(Object.keys(choices).length > 0 ? { products: { ...choices } } : {}) })
      session.choice = { ...session.choice, template: trimmed }
      return { name: trimmed }
    },

    'catalog.get': async ({ refresh }) => products.load(refresh),
    'catalog.continueWithout': async () => products.continueWithout(),
    'products.list': async ({ sessionId }) => {
      const session = await sessions.get(sessionId)
      await products.load(false)
      return products.view(session, lookup)
    },
    'products.choose': async ({ sessionId, value, name }) => {
      const session = await sessions.get(sessionId)
      products.choose(session, value, name)
      return products.view(session, lookup)
    },

    'rows.page': async ({ sessionId, offset, limit, filter }) => {
      const session = await sessions.get(sessionId)
      return { ...products.page(session, offset, limit, filter, lookup), counts: countsOf(session) }
    },
    'rows.edit': async ({ sessionId, row, column, value }) => {
      const session = await sessions.get(sessionId)
      session.edit(row, column, value)
      return { row: products.gridRow(session, row, lookup), counts: countsOf(session) }
    },
    'rows.exclude': async ({ sessionId, rows, excluded }) => {
      const session = await sessions.get(sessionId)
      session.exclude(rows, excluded)
      return { counts: countsOf(session) }
    },

    'run.start': async ({ sessionId, rate, concurrency }) => {
      const session = await sessions.get(sessionId)
      await products.readyForRun()
      return runs.start(products.runSource(session), rate, concurrency)
    },
    'run.notice': async ({ sessionId, rate, concurrency }) => {
      const session = await sessions.get(sessionId)
      const counts = countsOf(session)
      const toSend = Math.max(0, counts.validOrders - counts.alreadyCreated)
      // One CreateOrder per order, and one UpdateOrderStatus per paid, cancelled or returned one.
      const marks = statusMarks(products.orders(session))
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
      const messages: Message[] = []
      if (requeued > 0) {
        try {
          await runs.continueRun(runId)
        } catch (error) {
          const why = error instanceof ServiceError ? (error.localized ?? msg('error.asIs', { text: error.message })) : msg('service.couldNotStart')
          messages.push(msg('service.statusesWaitInRun', { runId, why }))
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
    onLanguageChange: (listener) => language.onChange(listener),
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
