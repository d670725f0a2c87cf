// What earlier runs already did with an order, by fingerprint: created in the shop (a sheet loaded
// What earlier runs already did with an order, by fingerprint: created in the shop (a sheet loaded
// again shows it as "already created" and a new run skips it). Orders still open in another run
// are refused by the journal itself when a run is staged (journal/staging.ts).
// Only runs to the current destination count (the connection chosen now: the sandbox, or one
// account at one API address): an order tried in the sandbox is not "already created" in a shop.
// Built from the journal on demand and rebuilt after anything that stages, creates, resolves or
// deletes orders, and when the destination changes.
import { UNKNOWN_DESTINATION } from '#shared/run/destination'
import { fingerprintOf, type PlannedOrder } from '#shared/plan/import-plan'
import type { Journal } from '../journal'


interface Index {
  destination: string
  created: Map<string, number>
}

export class CreatedIndex {
  private index: Index | null = null
  private built = 0

  constructor(
    private readonly journal: () => Journal,
    /** The destination new runs go to now (shared/destination.ts). */
    private readonly destination: () => string
  ) {}

  /** The bill id of an earlier created order with this order's fingerprint, or null. When the
   * journal cannot be read (held by another Orderbatch), nothing counts as created: sheets can
   * still be reviewed, and staging (which needs the journal) says what is wrong. While no earlier
   * run has created anything the fingerprint is not even worked out. */
  billForOrder(order: PlannedOrder): number | null {
    const { created } = this.get()
    return created.size === 0 ? null : (created.get(fingerprintOf(order)) ?? null)
  }

  /** Changes whenever the index is made again, so a count made with it can be kept until then. */
  generation(): number {
    this.get()
    return this.built
  }

  invalidate(): void {
    this.index = null
  }

  private get(): Index {
    const destination = this.destination()
    if (!this.index || this.index.destination !== destination) {
      this.built++
      try {
        this.index = this.build(destination)
      } catch {
        this.index = { destination, created: new Map() }
      }
    }
    return this.index
  }

  private build(destination: string): Index {
    const journal = this.journal()
    const created = new Map<string, number>()
    // Oldest first, like the journal's own duplicate check: the first creation names the bill.
    for (const run of journal.listRuns().reverse()) {
      // A run of unknown destination counts everywhere: skipping is safe, sending twice is not.
      if (run.destination !== destination && run.destination !== UNKNOWN_DESTINATION) continue
      if (journal.runCounts(run.id).succeeded > 0) {
        // Deleted again by undo: no longer in the shop, so sending it again is right.
        const deleted = journal.deletions(run.id)
        for (const order of journal.orders(run.id, ['succeeded'])) {
          if (order.billId === null || deleted.has(order.id) || created.has(order.fingerprint)) continue
          created.set(order.fingerprint, order.billId)
        }
      }
    }
    return { destination, created }
  }
}
