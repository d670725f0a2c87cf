// Writing all the orders of a run. The whole sheet is one transaction: a failure at order
// 70 000 leaves nothing staged, so the import can simply be started again.
import type { JournalContext } from './context'
import { JournalError, JournalStateError } from './errors'
import type { RunRow } from './records'
import { checkStagedOrder, insertOrderRows } from './staged-order'
import { insertStatusStep } from './status-steps'
import type { DuplicateSkip, StageOptions, StageOrderInput, StageResult } from './types'
import { msg, storedMessage } from '#shared/i18n/message'
import { journalStep } from './journal-step'

export function stageOrders(
  ctx: JournalContext,
  runId: number,
  orders: readonly StageOrderInput[],
  options: StageOptions = {}
): StageResult {
  return ctx.write(journalStep('journal.step.stageOrders', { runId }), () => {
    const destination = requireFreshRun(ctx, runId)
    const now = ctx.now()
    const ordinals = new Set<number>()
    const skippedAsDuplicates: DuplicateSkip[] = []
    const openIn = new Map<number, number>()
    for (const order of orders) {
      checkStagedOrder(ctx.path, order)
      if (ordinals.has(order.ordinal)) {
        throw new JournalError('invalid-input', ctx.path, msg('journal.stage.twice', { ordinal: order.ordinal, runId }))
      }
      ordinals.add(order.ordinal)
      const rejected = order.rejected
      const earlier = options.force === true || rejected !== undefined ? undefined : createdBefore(ctx, order.fingerprint, destination)
      const skipReason = earlier === undefined ? null : storedMessage(msg('journal.skip.alreadyCreated', { runId: earlier.run_id, bill: earlier.bill_id ?? '?' }))
      const state = rejected !== undefined ? 'failed' : skipReason === null ? 'pending' : 'skipped'
      if (state === 'pending' && options.refuseOpenElsewhere === true) {
        const holder = ctx.st.openElsewhere.get({ fingerprint: order.fingerprint, runId, destination }) as number | undefined
        if (holder !== undefined) openIn.set(holder, (openIn.get(holder) ?? 0) + 1)
      }
      const finishedAt = state === 'pending' ? null : now
      const orderId = Number(
        ctx.st.insertOrder.run(runId, order.ordinal, order.groupKey, order.fingerprint, JSON.stringify(order.payload), order.email, state, skipReason, finishedAt)
          .lastInsertRowid
      )
      if (rejected !== undefined) ctx.st.markRejected.run(rejected.code, rejected.text, orderId)
      insertOrderRows(ctx.path, ctx.st, orderId, order.rows)
      // An order skipped as created earlier had its status step in that earlier run.
      if (order.status !== undefined && state !== 'skipped') insertStatusStep(ctx, orderId, order.status)
      if (earlier !== undefined) {
        skippedAsDuplicates.push({
          ordinal: order.ordinal,
          fingerprint: order.fingerprint,
          earlierRunId: earlier.run_id,
          billId: earlier.bill_id
        })
      }
    }
    refuseOpenElsewhere(ctx, openIn)
    const rejected = orders.filter((order) => order.rejected !== undefined).length
    return { staged: orders.length - skippedAsDuplicates.length - rejected, skippedAsDuplicates }
  })
}

/** An order still waiting, in flight or unclear in another run would be sent twice: whatever the
 * front-end and even with force, it is not staged again until that run settles it. Throwing rolls
 * the whole staging back. */
function refuseOpenElsewhere(ctx: JournalContext, openIn: ReadonlyMap<number, number>): void {
  const [first] = [...openIn].sort(([a], [b]) => a - b)
  if (!first) return
  const [runId, count] = first
  throw new JournalError(
    'open-elsewhere',
    ctx.path,
    msg('journal.openElsewhere', { runId, count })
  )
}

function createdBefore(ctx: JournalContext, fingerprint: string, destination: string): { run_id: number; bill_id: number | null } | undefined {
  return ctx.st.createdByFingerprint.get({ fingerprint, destination }) as { run_id: number; bill_id: number | null } | undefined
}

/** Orders are staged once, into a run that has not started: a started run's queue is the
 * record of what was sent and is never rewritten. */
function requireFreshRun(ctx: JournalContext, runId: number): string {
  const row = ctx.st.getRun.get(runId) as RunRow | undefined
  if (row === undefined) {
    throw new JournalError('not-found', ctx.path, msg('journal.stage.noRun', { path: ctx.path, runId }))
  }
  if (row.status !== 'staged') {
    throw new JournalStateError(
      ctx.path,
      msg('journal.stage.notFresh', { runId, status: row.status }),
      null
    )
  }
  if (Number(ctx.st.countRunOrders.get(runId)) > 0) {
    throw new JournalStateError(
      ctx.path,
      msg('journal.stage.stagedAlready', { runId }),
      null
    )
  }
  return row.destination
}
