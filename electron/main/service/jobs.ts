// Long work (reading, planning, staging, exporting) reports 'job.progress' events: at most about
// ten a second, and the last one always.
import { randomUUID } from 'node:crypto'
import type { JobProgressEvent } from '#shared/ipc/contract'
import { throttle } from './events'
import type { EventHub } from './events'

export const PROGRESS_INTERVAL_MS = 100

export interface Job {
  readonly id: string
  report(stage: JobProgressEvent['stage'], done: number, total: number | null): void
  /** Sends the final event (finished: true). */
  finish(): void
}

export function startJob(events: EventHub, stage: JobProgressEvent['stage'], total: number | null = null): Job {
  const id = randomUUID()
  let last: JobProgressEvent = { jobId: id, stage, done: 0, total, finished: false }
  const send = throttle<JobProgressEvent>(PROGRESS_INTERVAL_MS, (event) => events.emit('job.progress', event))
  send.push(last)
  return {
    id,
    report(nextStage, done, nextTotal) {
      last = { jobId: id, stage: nextStage, done, total: nextTotal, finished: false }
      send.push(last)
    },
    finish() {
      send.push({ ...last, done: last.total ?? last.done, finished: true })
      send.flush()
    }
  }
}
