// The sender's public surface: sendRun drives one run of the journal to its end (or until it is
// paused, cancelled or stopped), with throttled, signed CreateOrder calls and automatic
// reconciliation of unclear outcomes. See run-sender.ts for how it works and why it is safe.
//
// Run status in the journal: 'running' while sending; 'paused' while paused and after a cancel
// (resumable); 'stopped' after a stop answer (codes 1-7), a request limit or a connection that
// does not recover, or a journal that cannot be written; 'finished' when no order is pending or
// sending (failed, unknown and skipped ones may remain).
import { RunSender } from './run-sender'
import type { RunHandle, SenderDeps, SendOptions } from './types'

export type { FailpointName } from './failpoints'
export { FAILPOINT_NAMES, failpointFromEnv, failpointHooks } from './failpoints'
export type { RunHandle, SendEvent, SenderDeps, SendOptions, SendProgress, SendResult } from './types'
export { batchSizeFor } from './run-sender'

/** Starts sending at once. Throws only for options that are not valid (a bad rate or
 * concurrency); everything else ends in `done`, which never rejects. */
export function sendRun(runId: number, deps: SenderDeps, options: SendOptions): RunHandle {
  const sender = new RunSender(runId, deps, options)
  const done = sender.run()
  return {
    pause: () => sender.pause(),
    resume: () => sender.resume(),
    cancel: () => sender.cancel(),
    get paused() {
      return sender.paused
    },
    done
  }
}
