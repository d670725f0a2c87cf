// At most `limit` requests in flight. A slot is released only when the request's socket is done,
// so a timed-out request still counts until it is really gone.
export class Semaphore {
  private active = 0
  private readonly waiting: Array<() => void> = []
  private readonly drainWaiters: Array<() => void> = []

  constructor(private limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Concurrency must be a whole number of at least 1, not ${limit}.`)
  }

  get inFlight(): number {
    return this.active
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    if (this.active < this.limit) {
      this.active += 1
      return
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        this.active += 1
        resolve()
      }
      const onAbort = () => {
        const i = this.waiting.indexOf(grant)
        if (i >= 0) this.waiting.splice(i, 1)
        reject(signal!.reason)
      }
      this.waiting.push(grant)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  release(): void {
    this.active -= 1
    this.waiting.shift()?.()
    if (this.active === 0) for (const wake of this.drainWaiters.splice(0)) wake()
  }

  /** Resolves when nothing is in flight. */
  drained(): Promise<void> {
    if (this.active === 0) return Promise.resolve()
    return new Promise<void>((resolve) => this.drainWaiters.push(resolve))
  }
}
