// Named crash points for the crash tests (reliability.md §5.2): the test makes the process kill
// itself at one step of sending an order, then checks that resuming loses and duplicates nothing.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { ApiClientOptions } from '../api/api-client'

export const FAILPOINT_NAMES = [
  'after-intent-commit',
  'after-request-written',
  'after-answer',
  'before-outcome-commit',
  // The status step (status-step.ts): before its intent, after it, after the shop's answer.
  'before-status-intent',
  'after-status-intent',
  'after-status-answer'
] as const
export type FailpointName = (typeof FAILPOINT_NAMES)[number]
export type Failpoint = (name: FailpointName) => void

// The client's hooks do not say which call they belong to; the sender runs its lookups inside
// this context, so 'after-request-written' counts CreateOrder requests only.
const callKind = new AsyncLocalStorage<'lookup'>()

export function asLookup<T>(call: () => Promise<T>): Promise<T> {
  return callKind.run('lookup', call)
}

/** The ApiClient hooks that fire 'after-request-written' once a CreateOrder request is out. */
export function failpointHooks(failpoint: Failpoint | undefined): ApiClientOptions['hooks'] {
  if (failpoint === undefined) return {}
  return {
    afterWrite: () => {
      if (callKind.getStore() !== 'lookup') failpoint('after-request-written')
    }
  }
}

/** ORDERBATCH_FAILPOINT="name" or "name:N": the process SIGKILLs itself the Nth time (default
 * the first) it reaches that point. Unset or empty: no failpoint. */
export function failpointFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  kill: () => void = () => process.kill(process.pid, 'SIGKILL')
): Failpoint | undefined {
  const spec = env['ORDERBATCH_FAILPOINT']?.trim()
  if (spec === undefined || spec === '') return undefined
  const match = /^([a-z-]+)(?::(\d+))?$/.exec(spec)
  const name = FAILPOINT_NAMES.find((known) => known === match?.[1])
  const nth = match?.[2] === undefined ? 1 : Number(match[2])
  if (name === undefined || !(nth >= 1)) {
    throw new Error(`ORDERBATCH_FAILPOINT="${spec.slice(0, 60)}" is not a failpoint; use one of ${FAILPOINT_NAMES.join(', ')}, optionally with :N (N from 1).`)
  }
  let reached = 0
  return (point) => {
    if (point !== name) return
    reached += 1
    if (reached === nth) kill()
  }
}
