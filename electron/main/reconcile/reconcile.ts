// Reconciliation: deciding, from the shop's own records, whether an order whose sending got no
// clear answer ('unknown') was created. The result is applied to the journal HERE:
//   created   -> resolveCreated by 'reconcile' (succeeded, with the shop's bill number);
//   absent    -> resolveAbsent by 'reconcile' (pending again: sending it is safe);
//   undecided -> nothing changes; the order stays unknown for the user to resolve. It is never
//                sent again automatically.
import type { ApiClient } from '../api/api-client'
import { JournalStateError } from '../journal'
import type { Journal, OrderRecord } from '../journal'
import { englishOf, msg, storedMessage } from '#shared/i18n/message'
import { Pacer } from '../sender/pacer'
import { systemClock } from '../sender/clock'
import type { Clock } from '../sender/clock'
import { findOrder } from './find-order'
import type { CallSlot, ReconcileResult } from './find-order'

export type { CallSlot, ReconcileResult } from './find-order'
export { MAX_CANDIDATES } from './find-order'

export interface ReconcileDeps {
  journal: Journal
  client: Pick<ApiClient, 'getBills' | 'getOrderDetails'>
  /** Wraps every lookup call, e.g. to pace it; default: each call at once. */
  callSlot?: CallSlot
}

export interface ReconcileRunOptions {
  signal?: AbortSignal
  /** Lookup calls per second (they count against the API's limit too). Default 1. */
  rate?: number
  clock?: Clock
  /** After each order, e.g. for a live log. */
  onResult?: (order: OrderRecord, result: ReconcileResult) => void
}

export interface ReconcileCounts {
  created: number
  absent: number
  undecided: number
}

export async function reconcileOrder(order: OrderRecord, deps: ReconcileDeps): Promise<ReconcileResult> {
  if (order.state !== 'unknown') {
    const said = msg('reconcile.notUnclear', { ordinal: order.ordinal, runId: order.runId, state: order.state })
    return { result: 'undecided', note: englishOf(said), said }
  }
  const found = await findOrder(order, deps)
  return apply(order, found, deps.journal)
}

/** Every unknown order of the run, one after another. */
export async function reconcileRun(runId: number, deps: ReconcileDeps, options: ReconcileRunOptions = {}): Promise<ReconcileCounts> {
  const { signal } = options
  const counts: ReconcileCounts = { created: 0, absent: 0, undecided: 0 }
  const pacer = new Pacer(options.clock ?? systemClock, options.rate ?? 1)
  const paced: CallSlot = async (call) => {
    await pacer.acquire(signal)
    return call()
  }
  const callSlot: CallSlot = deps.callSlot === undefined ? paced : (call) => paced(() => deps.callSlot!(call))
  for (const order of unknownOrders(deps.journal, runId)) {
    if (signal?.aborted) break
    const result = await reconcileOrder(order, { ...deps, callSlot })
    // A lookup cut short by the cancel proves nothing and is not counted.
    if (signal?.aborted && result.result === 'undecided') break
    counts[result.result] += 1
    options.onResult?.(order, result)
  }
  return counts
}

/** Read up front: resolving orders changes the set, so paging through it would skip some. */
function unknownOrders(journal: Journal, runId: number): OrderRecord[] {
  return [...journal.orders(runId, ['unknown'])]
}

function apply(order: OrderRecord, found: ReconcileResult, journal: Journal): ReconcileResult {
  try {
    if (found.result === 'created') journal.resolveCreated(order.id, { billId: found.billId, by: 'reconcile', note: storedNoteOf(found) })
    if (found.result === 'absent') journal.resolveAbsent(order.id, { by: 'reconcile', note: storedNoteOf(found) })
    return found
  } catch (error) {
    // Someone resolved the order meanwhile, or the bill went to another order: leave it as is.
    if (error instanceof JournalStateError) return { result: 'undecided', note: error.message, ...(error.localized ? { said: error.localized } : {}) }
    throw error
  }
}

/** The note kept on the order: its key and values, worded where it is read (History, the export)
 * in the reader's language; a result without a message keeps its words. */
function storedNoteOf(found: ReconcileResult): string {
  return found.said ? storedMessage(found.said) : found.note
}
