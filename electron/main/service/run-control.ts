// Starting, pausing, resuming and cancelling runs. A run is staged from a session in one journal
// transaction and sent by the sender; its progress and every answer become events. Only runs
// started in this process are "live"; any other unfinished run waits in the journal for resume.
import type { RunSummary, SendProgressEvent } from '#shared/ipc/contract'
import type { PreparedImport } from '../pipeline/prepare-import'
import { readRunInfo, type RunRecord, type RunSettings } from '../journal'
import { OpError } from '../ops/op-error'
import { checkResumable, nothingToSend, resumePace, stageImport, startSending } from '../ops/run'
import type { RunHandle, SendOptions, SendResult } from '../sender/send-run'
import type { Connections, Target } from './connection'
import type { CreatedIndex } from './created-index'
import { notFound, ServiceError } from './errors'
import { englishOf, msg } from '#shared/i18n/message'
import type { EventHub } from './events'
import { startJob } from './jobs'
import type { JournalHolder } from './journal-holder'
import { countsAsShown, runSummary, sendLogEvent } from './run-view'
import type { SheetSession } from './sheet-session'

/** What a run is staged from: a session, or its plan checked against the shop's catalog
 * (service/products.ts). */
export type RunSource = Pick<SheetSession, 'read' | 'mapping' | 'source' | 'sendable'> & { plan: Pick<SheetSession['plan'], 'table' | 'plan'> }

/** How long shutdown waits for requests in flight before closing the journal anyway (an order
 * cut off there is 'unknown' at the next start and checked in the shop before anything else). */
const SHUTDOWN_WAIT_MS = 15_000

export type SenderTuning = Pick<SendOptions, 'settleMs' | 'limitGiveUpMs' | 'networkGiveUpMs'>

export interface RunControlDeps {
  journal: JournalHolder
  connections: Connections
  events: EventHub
  created: CreatedIndex
  now: () => number
  tuning?: SenderTuning
}

interface LiveRun {
  handle: RunHandle
  rate: number
  concurrency: number
  /** Settles when the sender is done and the run is no longer live. */
  finished: Promise<SendResult | null>
}

export class RunControl {
  private readonly live = new Map<number, LiveRun>()
  private readonly sendingListeners = new Set<(runIds: number[]) => void>()

  constructor(private readonly deps: RunControlDeps) {}

  async start(session: RunSource, rate: number, concurrency: number): Promise<{ runId: number; staged: number; skipped: number }> {
    const { plan } = session
    const file = session.read.meta.file
    const index = this.deps.created
    const { orders, alreadyCreated } = session.sendable((order) => index.billForOrder(order))
    const nothing = nothingToSend(orders.length, alreadyCreated)
    if (nothing !== null) {
      throw new ServiceError(
        'nothing-to-send',
        nothing === 'all-created'
          ? msg('service.allCreated', { file, count: alreadyCreated })
          : msg('service.nothingSendable', { file })
      )
    }
    const target = await this.deps.connections.current()
    const journal = this.deps.journal.get()
    const job = startJob(this.deps.events, 'staging', orders.length)
    let staged
    try {
      const prepared: PreparedImport = {
        file,
        read: { meta: session.read.meta, table: plan.table },
        mapping: session.mapping,
        auto: null,
        plan: { ...plan.plan, orders }
      }
      // Orders created before were left out above, by the same journal's records minus the ones
      // undo deleted from the shop since (the journal's own duplicate check does not know about
      // deletions, hence force: what is staged here is exactly what should be sent).
      staged = stageImport(journal, prepared, {
        digest: { sha256: session.source.sha256, size: session.source.size },
        settings: { rate, concurrency, apiBase: target.apiBase, login: target.login },
        sandbox: target.kind === 'sandbox',
        force: true
      })
    } finally {
      job.finish()
    }
    const { run } = staged
    index.invalidate()
    this.launch(run, target, run.settings)
    return { runId: run.id, staged: staged.staged, skipped: alreadyCreated + staged.skipped }
  }

  pause(runId: number): RunSummary {
    const entry = this.live.get(runId)
    if (!entry) throw new ServiceError('not-running', msg('service.notSending', { runId }))
    entry.handle.pause()
    this.notifySending()
    return this.summary(runId)
  }

  async resume(runId: number, rate?: number, concurrency?: number): Promise<RunSummary> {
    const entry = this.live.get(runId)
    if (entry) {
      const changed = (rate !== undefined && rate !== entry.rate) || (concurrency !== undefined && concurrency !== entry.concurrency)
      if (!changed) {
        entry.handle.resume()
        this.notifySending()
        return this.summary(runId)
      }
      // The sender's pace is fixed at start: stop it cleanly and start again with the new one.
      entry.handle.cancel()
      await entry.finished
    }
    await this.continueRun(runId, rate, concurrency)
    return this.summary(runId)
  }

  /** Starts sending a run that is not live, with its stored settings unless given new ones. */
  async continueRun(runId: number, rate?: number, concurrency?: number): Promise<void> {
    if (this.live.has(runId)) return
    const journal = this.deps.journal.get()
    const run = journal.getRun(runId)
    if (!run) throw notFound(msg('service.noRun', { runId }))
    inAppWords(() => checkResumable(run))
    const target = await this.deps.connections.forRun(run, readRunInfo(run).sandbox)
    const settings = { ...run.settings, ...resumePace(run, { rate, concurrency }), apiBase: target.apiBase }
    this.launch(run, target, settings)
  }

  /** Stops sending for good: requests in flight finish and are recorded; what was not sent stays
   * unsent. Pause is the way to stop for a while. */
  async cancel(runId: number): Promise<RunSummary> {
    const entry = this.live.get(runId)
    if (entry) {
      entry.handle.cancel()
      await entry.finished
    }
    const journal = this.deps.journal.get()
    const run = journal.getRun(runId)
    if (!run) throw notFound(msg('service.noRun', { runId }))
    if (run.status === 'finished') throw new ServiceError('invalid-state', msg('service.alreadyFinished', { runId }))
    if (run.status !== 'cancelled') {
      const left = journal.runCounts(runId).pending
      journal.setRunStatus(runId, 'cancelled', msg('runNote.cancelled', { count: left }))
    }
    return this.summary(runId)
  }

  list(): RunSummary[] {
    const journal = this.deps.journal.get()
    return journal.listRuns().map((run) => runSummary(journal, run, this.liveState(run.id)))
  }

  summary(runId: number): RunSummary {
    const journal = this.deps.journal.get()
    const run = journal.getRun(runId)
    if (!run) throw notFound(msg('service.noRun', { runId }))
    return runSummary(journal, run, this.liveState(runId))
  }

  isLive(runId: number): boolean {
    return this.live.has(runId)
  }

  sendingRuns(): number[] {
    return [...this.live].filter(([, entry]) => !entry.handle.paused).map(([runId]) => runId)
  }

  onSendingChange(listener: (runIds: number[]) => void): () => void {
    this.sendingListeners.add(listener)
    return () => {
      this.sendingListeners.delete(listener)
    }
  }

  /** Shutdown: every live run is paused the sender's way (cancel = resumable 'paused'). */
  async pauseAll(): Promise<void> {
    const entries = [...this.live.values()]
    for (const entry of entries) entry.handle.cancel()
    const all = Promise.all(entries.map((entry) => entry.finished))
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)
    })
    await Promise.race([all, timeout])
    clearTimeout(timer)
  }

  private liveState(runId: number): { sending: boolean; paused: boolean } | null {
    const entry = this.live.get(runId)
    return entry ? { sending: !entry.handle.paused, paused: entry.handle.paused } : null
  }

  private launch(run: RunRecord, target: Target, settings: RunSettings): void {
    const { events, created, now } = this.deps
    const runId = run.id
    const { rate, concurrency } = settings
    let last: SendProgressEvent | null = null
    const { handle } = startSending(this.deps.journal.get(), run, {
      settings,
      deps: { client: target.client, wallNow: now },
      options: {
        ...this.deps.tuning,
        onProgress: (progress) => {
          last = progress
          events.emit('run.progress', progress)
        },
        onEvent: (event) => {
          if (event.kind === 'created' || (event.kind === 'reconciled' && event.result === 'created')) created.invalidate()
          events.emit('run.log', sendLogEvent(runId, now(), event))
        }
      }
    })
    const finished = handle.done
      .then(
        (result): SendResult => {
          // The run is over: what it left in flight is unclear now, not waiting (see countsAsShown).
          if (last !== null && result.counts.sending > 0) {
            events.emit('run.progress', { ...last, counts: countsAsShown(result.counts, false), inFlight: 0, etaSeconds: null })
          }
          events.emit('run.log', { runId, at: now(), kind: result.outcome, ordinal: null, text: result.message, key: result.said.key, params: result.said.params ?? {} })
          return result
        },
        (): null => {
          const stopped = msg('service.stoppedUnexpected', { runId })
          events.emit('run.log', { runId, at: now(), kind: 'stopped', ordinal: null, text: englishOf(stopped), key: stopped.key, params: stopped.params ?? {} })
          return null
        }
      )
      .finally(() => {
        if (this.live.get(runId)?.handle === handle) this.live.delete(runId)
        created.invalidate()
        this.notifySending()
      })
    this.live.set(runId, { handle, rate, concurrency, finished })
    this.notifySending()
  }

  private notifySending(): void {
    const ids = this.sendingRuns()
    for (const listener of [...this.sendingListeners]) {
      try {
        listener(ids)
      } catch (error) {
        console.error('Orderbatch: a sending-state listener failed:', error)
      }
    }
  }
}

/** The History screen's sentence for an operation's refusal, where the app words it its own way. */
function inAppWords<T>(operation: () => T): T {
  try {
    return operation()
  } catch (error) {
    if (error instanceof OpError && error.code === 'invalid-state' && error.params.status === 'cancelled') {
      const runId = error.params.runId
      throw new ServiceError('invalid-state', msg('service.cancelledNoResend', { runId }))
    }
    throw error
  }
}
