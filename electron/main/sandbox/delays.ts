// The answer delays (latency and jitter), tracked so close() can cancel every one of them and
// leave no timer running.
export class Delays {
  private readonly timers = new Set<NodeJS.Timeout>()

  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }

  /** The waits never settle: their requests are being torn down with the server. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
