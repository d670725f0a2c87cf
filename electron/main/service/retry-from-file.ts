// runs.retryFailed with a fixed file (usually the exported failed rows, corrected in Excel): read
// and matched to the run's orders by the same code as "orderbatch retry --from" (the "Run order"
// column, else the order number, else the position); each failed order found and now valid goes
// back in the queue with the corrected data, the others are reported one sentence each.
import type { ChannelOutputs } from '#shared/ipc/contract'
import { planCorrections } from '../ops/corrections'
import { JournalStateError, type Journal, type RunRecord } from '../journal'
import { ServiceError } from './errors'
import { withTempFile } from './temp-file'

const MAX_MESSAGES = 20

export async function retryFromFile(journal: Journal, run: RunRecord, file: { name: string; bytes: Uint8Array }, tempDir: string): Promise<ChannelOutputs['runs.retryFailed']> {
  if (run.status === 'cancelled') throw new ServiceError('invalid-state', `Run ${run.id} was cancelled; its orders cannot be sent again. Load the file as a new import.`)
  const failed = [...journal.orders(run.id, ['failed'])].length
  if (failed === 0) return { requeued: 0, stillInvalid: 0, messages: [`Run ${run.id} has no failed orders to retry.`] }
  const plan = await withTempFile(tempDir, file.name, file.bytes, (path) => planCorrections(path, journal, run, {}))
  const messages = [...plan.problems]
  let requeued = 0
  for (const { order, corrected } of plan.corrected) {
    try {
      journal.requeueFailed(order.id, corrected)
      requeued++
    } catch (error) {
      if (!(error instanceof JournalStateError)) throw error
      messages.push(error.message)
    }
  }
  const stillInvalid = failed - requeued
  if (stillInvalid > 0) {
    messages.push(`${stillInvalid} failed ${stillInvalid === 1 ? 'order was' : 'orders were'} not corrected by ${plan.file} and stay${stillInvalid === 1 ? 's' : ''} failed.`)
  }
  if (requeued > 0 && run.status === 'finished') journal.setRunStatus(run.id, 'paused', 'Resume to send: corrected orders wait to be sent.')
  return { requeued, stillInvalid, messages: messages.length > MAX_MESSAGES ? [...messages.slice(0, MAX_MESSAGES), `…and ${messages.length - MAX_MESSAGES} more.`] : messages }
}
