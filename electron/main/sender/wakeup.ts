// An interruptible wait: the send loop sleeps until its next timed work, and anything that may
// change what it should do (an answer, pause, resume, cancel) wakes it early.
import type { Clock } from './clock'

export class Wakeup {
  private readonly waiters = new Set<() => void>()
  /** A notify() with nobody waiting is kept for the next wait, so it is never lost. */
  private signaled = false

  constructor(private readonly clock: Clock) {}

  /** Resolves after `ms` (null: only when notified) or at the next notify(), whichever is first. */
  wait(ms: number | null): Promise<void> {
    if (this.signaled) {
      this.signaled = false
      return Promise.resolve()
    }
    return new Promise<void>((resolve) => {
      const timer = new AbortController()
      const wake = (): void => {
        this.waiters.delete(wake)
        timer.abort()
        resolve()
      }
      this.waiters.add(wake)
      if (ms !== null) this.clock.sleep(Math.max(0, ms), timer.signal).then(wake, () => undefined)
    })
  }

  notify(): void {
    if (this.waiters.size === 0) {
      this.signaled = true
      return
    }
    for (const wake of [...this.waiters]) wake()
  }
}
