// Orders already created in the shop by earlier runs, by fingerprint, so a sheet loaded again
// shows them as "already created" and a new run skips them. Built from the journal on demand and
// rebuilt after anything that creates, resolves or deletes orders.
import type { Journal } from '../journal'

const PAGE = 5_000

export class CreatedIndex {
  private byFingerprint: Map<string, number> | null = null

  constructor(private readonly journal: () => Journal) {}

  /** The bill id of an earlier created order with this fingerprint, or null. When the journal
   * cannot be read (held by another Orderbatch), nothing counts as created: sheets can still be
   * reviewed, and staging (which needs the journal) says what is wrong. */
  billFor(fingerprint: string): number | null {
    if (!this.byFingerprint) {
      try {
        this.byFingerprint = this.build()
      } catch {
        this.byFingerprint = new Map()
      }
    }
    return this.byFingerprint.get(fingerprint) ?? null
  }

  invalidate(): void {
    this.byFingerprint = null
  }

  private build(): Map<string, number> {
    const journal = this.journal()
    const map = new Map<string, number>()
    // Oldest first, like the journal's own duplicate check: the first creation names the bill.
    for (const run of journal.listRuns().reverse()) {
      if (journal.runCounts(run.id).succeeded === 0) continue
      // Deleted again by undo: no longer in the shop, so sending it again is right.
      const deleted = journal.deletions(run.id)
      for (let offset = 0; ; offset += PAGE) {
        const orders = journal.ordersByState(run.id, ['succeeded'], { offset, limit: PAGE })
        for (const order of orders) {
          if (order.billId === null || deleted.has(order.id) || map.has(order.fingerprint)) continue
          map.set(order.fingerprint, order.billId)
        }
        if (orders.length < PAGE) break
      }
    }
    return map
  }
}
