// Progress for the UI and the CLI: at most one report per `intervalMs` (the last change is
// always reported, a little later), and the measured pace over the last minute.
import type { Clock } from './clock'

const PACE_WINDOW_MS = 60_000

export class ProgressThrottle<T> {
  private lastAt = -Infinity
  /** The pending trailing report, on the sender's clock (so it also works on a test clock). */
  private trailing: AbortController | null = null
  private readonly finishedAt: number[] = []

  constructor(
    private readonly clock: Clock,
    private readonly snapshot: () => T,
    private readonly listener: ((progress: T) => void) | undefined,
    private readonly intervalMs = 100
  ) {}

  /** An order left the queue for good (created, failed or unclear). */
  completed(): void {
    const now = this.clock.now()
    this.finishedAt.push(now)
    while (this.finishedAt.length > 0 && this.finishedAt[0]! < now - PACE_WINDOW_MS) this.finishedAt.shift()
  }

  /** Orders per minute over the last minute; null until two orders are done. */
  perMinute(): number | null {
    const now = this.clock.now()
    const recent = this.finishedAt.filter((at) => at >= now - PACE_WINDOW_MS)
    const first = recent[0]
    if (recent.length < 2 || first === undefined || now <= first) return null
    return ((recent.length - 1) * 60_000) / (now - first)
  }

  update(): void {
    if (this.listener === undefined) return
    const wait = this.lastAt + this.intervalMs - this.clock.now()
    if (wait <= 0) {
      this.emit()
      return
    }
    if (this.trailing !== null) return
    const trailing = new AbortController()
    this.trailing = trailing
    this.clock.sleep(Math.ceil(wait), trailing.signal).then(
      () => {
        this.trailing = null
        this.emit()
      },
      () => undefined
    )
  }

  /** The last report, sent at once. */
  final(): void {
    this.trailing?.abort()
    this.trailing = null
    this.emit()
  }

  private emit(): void {
    if (this.listener === undefined) return
    this.lastAt = this.clock.now()
    try {
      this.listener(this.snapshot())
    } catch {
      // A failing progress listener must not stop the sending.
    }
  }
}
