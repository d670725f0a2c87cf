// Run statuses in words, and which runs can go on.
import type { RunSummary } from '#shared/ipc/contract'

export const STATUS_WORDS: Record<RunSummary['status'], string> = {
  staged: 'queued, not started',
  running: 'sending (or interrupted)',
  paused: 'paused',
  finished: 'finished',
  stopped: 'stopped',
  cancelled: 'cancelled'
}

/** A run that did not end on purpose can be resumed: its waiting orders are still queued. */
export function canResume(run: RunSummary): boolean {
  return run.status === 'running' || run.status === 'paused' || run.status === 'stopped' || run.status === 'staged'
}
