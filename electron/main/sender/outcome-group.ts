// Group commit of answers: answers that arrive close together are written in one transaction
// (one fsync) instead of one each. An answer waits at most `delayMs`, and is written at once
// when the group is full or nothing else is in flight. What happens after an answer (the event,
// reconciliation) runs only once it is on disk.
import type { OrderRecord, OutcomeEntry } from '../journal'

export interface GroupItem {
  entry: OutcomeEntry
  /** After the commit, with the order as written. */
  after?: (order: OrderRecord) => void
}

export interface OutcomeGroupOptions {
  commit: (entries: OutcomeEntry[]) => OrderRecord[]
  /** Called once per answer just before the commit (the 'before-outcome-commit' failpoint). */
  beforeCommit?: () => void
  /** The commit failed: the answers of the group are not on disk (their orders stay 'sending'). */
  onError: (error: unknown) => void
  delayMs: number
}

export class OutcomeGroup {
  private items: GroupItem[] = []
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly options: OutcomeGroupOptions) {}

  get size(): number {
    return this.items.length
  }

  /** `limit`: commit now when the group holds this many; `now`: commit now anyway. */
  add(item: GroupItem, limit: number, now: boolean): void {
    this.items.push(item)
    if (now || this.items.length >= limit) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.options.delayMs)
  }

  flush(): void {
    this.clearTimer()
    if (this.items.length === 0) return
    const items = this.items
    this.items = []
    let orders: OrderRecord[]
    try {
      for (let i = 0; i < items.length; i++) this.options.beforeCommit?.()
      orders = this.options.commit(items.map((item) => item.entry))
    } catch (error) {
      this.options.onError(error)
      return
    }
    items.forEach((item, i) => item.after?.(orders[i]!))
  }

  dispose(): void {
    this.clearTimer()
    this.items = []
  }

  private clearTimer(): void {
    if (this.timer === null) return
    clearTimeout(this.timer)
    this.timer = null
  }
}
