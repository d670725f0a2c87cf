// What main reports about runs, kept at the app level so leaving the Send screen loses nothing.
import { useCallback, useState } from 'react'
import type { SendLogEvent, SendProgressEvent } from '#shared/ipc/contract'
import { useEvent } from './use-event'

/** The live log keeps only the newest answers: enough to see what is happening, bounded in memory. */
export const LOG_CAP = 500

export interface RunFeed {
  progress: ReadonlyMap<number, SendProgressEvent>
  /** Newest first. */
  log: readonly SendLogEvent[]
}

export function useRunFeed(): RunFeed {
  const [progress, setProgress] = useState<ReadonlyMap<number, SendProgressEvent>>(new Map())
  const [log, setLog] = useState<readonly SendLogEvent[]>([])

  useEvent('run.progress', useCallback((event: SendProgressEvent) => {
    setProgress((old) => new Map(old).set(event.runId, event))
  }, []))
  useEvent('run.log', useCallback((entry: SendLogEvent) => {
    setLog((old) => [entry, ...old].slice(0, LOG_CAP))
  }, []))

  return { progress, log }
}
