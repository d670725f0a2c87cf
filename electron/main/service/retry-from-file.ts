// runs.retryFailed with a fixed file (usually the exported failed rows, corrected in Excel): read
// and matched to the run's orders by the same code as "orderbatch retry --from" (the "Run order"
// column, else the order number, else the position); each failed order found and now valid goes
// back in the queue with the corrected data, the others are reported one sentence each.
import type { ChannelOutputs } from '#shared/ipc/contract'
import { planCorrections } from '../ops/corrections'
import type { Journal, RunRecord } from '../journal'
import { requeueOrders } from '../ops/requeue'
import { ServiceError } from './errors'
import { msg, type Message } from '#shared/i18n/message'
import { capMessages } from './undo'
import { withTempFile } from './temp-file'

const MAX_MESSAGES = 20

export async function retryFromFile(journal: Journal, run: RunRecord, file: { name: string; bytes: Uint8Array }, tempDir: string): Promise<ChannelOutputs['runs.retryFailed']> {
  if (run.status === 'cancelled') throw new ServiceError('invalid-state', msg('service.runCancelledRetry', { runId: run.id }))
  const failed = [...journal.orders(run.id, ['failed'])].length
  if (failed === 0) return { requeued: 0, stillInvalid: 0, messages: [msg('service.noFailed', { runId: run.id })] }
  const plan = await withTempFile(tempDir, file.name, file.bytes, (path) => planCorrections(path, journal, run, {}))
  const { requeued, refused } = requeueOrders(journal, run, plan.corrected)
  const messages: Message[] = [...plan.problems, ...refused]
  const stillInvalid = failed - requeued
  if (stillInvalid > 0) messages.push(msg('service.notCorrected', { count: stillInvalid, file: plan.file }))
  return { requeued, stillInvalid, messages: capMessages(messages, MAX_MESSAGES) }
}
