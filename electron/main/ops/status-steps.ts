// The status step (UpdateOrderStatus after CreateOrder, issue 12 §2) for both front-ends: its
// failed steps sent again alone (the orders stay created and are never sent again), and where
// a run's statuses stand.
import type { Journal, RunRecord, StatusStepRecord, StatusStepState } from '../journal'
import { OpError } from './op-error'
import { msg } from '#shared/i18n/message'

export interface StatusStepSummary {
  /** Steps of created orders, per state. */
  counts: Record<StatusStepState, number>
  /** Created orders whose status is not set: failed or unclear steps, in file order. */
  notMarked: StatusStepRecord[]
}

export function statusStepSummary(journal: Journal, run: RunRecord, limit = Infinity): StatusStepSummary {
  const counts = journal.statusStepCounts(run.id)
  const notMarked = counts.failed + counts.unknown === 0 ? [] : journal.statusStepsIn(run.id, ['failed', 'unknown']).filter((s) => s.orderState === 'succeeded').slice(0, limit)
  return { counts, notMarked }
}

/** Every failed status step of the run back in the queue; a finished run is reopened (paused)
 * so it is resumed like any other. Returns how many were queued. */
export function requeueStatusSteps(journal: Journal, run: RunRecord): number {
  if (run.status === 'cancelled') {
    throw new OpError('invalid-state', 'op.statusCancelled', { runId: run.id })
  }
  let queued = 0
  for (const step of journal.statusStepsIn(run.id, ['failed'])) {
    if (step.orderState !== 'succeeded') continue
    journal.requeueStatus(step.orderId)
    queued++
  }
  const current = journal.getRun(run.id) ?? run
  if (queued > 0 && current.status === 'finished') journal.setRunStatus(run.id, 'paused', msg('runNote.resume', { why: msg('runNote.why.statuses') }))
  return queued
}
