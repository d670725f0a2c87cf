// Starting and continuing a run, for both front-ends. Starting: the import's orders are staged in
// one journal transaction, and the journal refuses (whatever the front-end, even with force) an
// order still waiting, in flight or unclear in another run: JournalError 'open-elsewhere', nothing
// staged. Then the sender starts, with the settings it uses written back to the run first, so
// status and a later resume show the truth. Continuing: a run that exists and was not cancelled is
// sent again to where it was sent, with its stored pace unless a new one is given; its unclear
// orders are looked up in the shop before anything else (the sender does that). The front-ends
// choose the connection, ask, show progress and word the outcome their own way.
import { fingerprintOf, type PlannedOrder } from '#shared/plan/import-plan'
import { SANDBOX_DESTINATION, UNKNOWN_DESTINATION, describeDestination } from '#shared/run/destination'
import { readRunInfo, type Journal, type OrderState, type RunRecord, type RunSettings } from '../journal'
import type { PreparedImport } from '../pipeline/prepare-import'
import { stageRun, type StageRunOptions } from '../pipeline/stage-run'
import { sendRun, type RunHandle, type SenderDeps, type SendOptions } from '../sender/send-run'
import { OpError } from './op-error'

export interface Pace {
  rate: number
  concurrency: number
}

// ---- starting a run

export interface SendPlan {
  /** Orders without errors: these go, unless an earlier run created them. */
  valid: PlannedOrder[]
  /** Orders with errors: never sent (staged as failed, to be fixed and retried). */
  rejected: PlannedOrder[]
  /** Valid orders an earlier run created at this destination (skipped unless forced). */
  alreadyCreated: Array<{ order: PlannedOrder; runId: number; billId: number | null }>
  /** How many orders will be sent. */
  toSend: number
}

/** What an import of these planned orders would send to `destination`, by the journal's records of
 * orders created there before (with force, none count). */
export function sendPlan(journal: Pick<Journal, 'findCreated'>, orders: readonly PlannedOrder[], options: { force: boolean; destination: string }): SendPlan {
  const valid: PlannedOrder[] = []
  const rejected: PlannedOrder[] = []
  const alreadyCreated: SendPlan['alreadyCreated'] = []
  for (const order of orders) {
    if (order.errors > 0) {
      rejected.push(order)
      continue
    }
    valid.push(order)
    const match = options.force ? null : journal.findCreated(fingerprintOf(order), options.destination)
    if (match) alreadyCreated.push({ order, ...match })
  }
  return { valid, rejected, alreadyCreated, toSend: valid.length - alreadyCreated.length }
}

/** Why an import would send nothing: no order is valid (errors or excluded), or every valid order
 * was created by an earlier run. Null when there is something to send. */
export type NothingToSend = 'all-invalid' | 'all-created'

export function nothingToSend(toSend: number, alreadyCreated: number): NothingToSend | null {
  if (toSend > 0) return null
  return alreadyCreated > 0 ? 'all-created' : 'all-invalid'
}

export interface StagedRun {
  run: RunRecord
  /** Orders staged to be sent. */
  staged: number
  /** Orders the journal skipped as created by an earlier run (not forced). */
  skipped: number
}

/** The run and all its orders in one journal transaction (see stage-run.ts), with the guard against
 * orders open in another run. */
export function stageImport(journal: Journal, prepared: PreparedImport, options: StageRunOptions): StagedRun {
  const { run, result } = stageRun(journal, prepared, options)
  return { run, staged: result.staged, skipped: result.skippedAsDuplicates.length }
}

export interface StartSending {
  /** The settings the sender uses; written back to the run when they differ from the stored ones. */
  settings: RunSettings
  deps: Omit<SenderDeps, 'journal'>
  options: Omit<SendOptions, 'rate' | 'concurrency'>
}

/** Starts the sender on a staged or resumed run: the run as it now stands, and the sender's handle
 * (its `done` never rejects). */
export function startSending(journal: Journal, run: RunRecord, start: StartSending): { run: RunRecord; handle: RunHandle } {
  const current = keepSettings(journal, run, start.settings)
  const handle = sendRun(current.id, { journal, ...start.deps }, { ...start.options, rate: start.settings.rate, concurrency: start.settings.concurrency })
  return { run: current, handle }
}

function keepSettings(journal: Journal, run: RunRecord, settings: RunSettings): RunRecord {
  const same = (Object.keys(settings) as Array<keyof RunSettings>).every((key) => run.settings[key] === settings[key])
  return same ? run : journal.updateRunSettings(run.id, settings)
}

// ---- continuing a run

/** A run can be sent again unless it was cancelled for good. */
export function checkResumable(run: Pick<RunRecord, 'id' | 'status'>): void {
  if (run.status === 'cancelled') {
    throw new OpError('invalid-state', 'op.run.cancelled', { runId: run.id, status: run.status })
  }
}

/** Sent to the built-in sandbox: by its stored source, or by its destination. */
export function sentToSandbox(run: RunRecord): boolean {
  return readRunInfo(run).sandbox || run.destination === SANDBOX_DESTINATION
}

/** A run's created orders count only where it was sent: continuing it at another shop would mix
 * shops. A sandbox run, or one from before destinations were recorded, goes anywhere it is told. */
export function checkSameDestination(run: RunRecord, destination: string): void {
  if (sentToSandbox(run) || run.destination === UNKNOWN_DESTINATION || destination === run.destination) return
  throw new OpError('invalid-input', 'op.run.otherDestination', { runId: run.id, sentTo: run.destination, asked: destination, sentToText: describeDestination(run.destination), askedText: describeDestination(destination) })
}

/** The pace a continued run goes at: the one given, else the run's own. */
export function resumePace(run: Pick<RunRecord, 'settings'>, given: Partial<Pace> = {}): Pace {
  return { rate: given.rate ?? run.settings.rate, concurrency: given.concurrency ?? run.settings.concurrency }
}

export interface WorkLeft {
  /** Waiting or cut off in flight: to be sent (an order cut off in flight is looked up first). */
  toSend: number
  /** Unclear: looked up in the shop first. */
  unclear: number
  /** Everything a resume would deal with. */
  left: number
}

export function workLeft(counts: Record<OrderState, number>): WorkLeft {
  const toSend = counts.pending + counts.sending
  return { toSend, unclear: counts.unknown, left: toSend + counts.unknown }
}
