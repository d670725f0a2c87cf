// What earlier runs already did with an order, by fingerprint: created in the shop (a sheet loaded
// again shows it as "already created" and a new run skips it), or still open in another run
// (waiting, being sent, or unclear), where sending it from a new run could create it twice.
// Only runs to the current destination count (the connection chosen now: the sandbox, or one
// account at one API address): an order tried in the sandbox is not "already created" in a shop.
// Built from the journal on demand and rebuilt after anything that stages, creates, resolves or
// deletes orders, and when the destination changes.
import { UNKNOWN_DESTINATION } from '../../../shared/destination'
import { fingerprintOf, type PlannedOrder } from '../../../shared/import-plan'
import type { Journal, OrderState } from '../journal'

const PAGE = 5_000

interface Index {
  destination: string
  created: Map<string, number>
  /** Fingerprint -> the run that still holds it open. */
  open: Map<string, number>
}

export class CreatedIndex {
  private index: Index | null = null

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

  /** The run holding an order with this fingerprint that is not settled yet, or null. */
  openRunFor(fingerprint: string): number | null {
    return this.get().open.get(fingerprint) ?? null
  }

  invalidate(): void {
    this.index = null
  }

  private get(): Index {
    const destination = this.destination()
    if (!this.index || this.index.destination !== destination) {
      try {
        this.index = this.build(destination)
      } catch {
        this.index = { destination, created: new Map(), open: new Map() }
      }
    }
    return this.index
  }

  private build(destination: string): Index {
    const journal = this.journal()
    const created = new Map<string, number>()
    const open = new Map<string, number>()
    // Oldest first, like the journal's own duplicate check: the first creation names the bill.
    for (const run of journal.listRuns().reverse()) {
      // A run of unknown destination counts everywhere: skipping is safe, sending twice is not.
      if (run.destination !== destination && run.destination !== UNKNOWN_DESTINATION) continue
      const counts = journal.runCounts(run.id)
      if (counts.succeeded > 0) {
        // Deleted again by undo: no longer in the shop, so sending it again is right.
        const deleted = journal.deletions(run.id)
        for (const order of pages(journal, run.id, ['succeeded'])) {
          if (order.billId === null || deleted.has(order.id) || created.has(order.fingerprint)) continue
          created.set(order.fingerprint, order.billId)
        }
      }
      // A cancelled run sends nothing more, but what it left unclear may still be in the shop.
      const states: OrderState[] = run.status === 'cancelled' ? ['sending', 'unknown'] : ['pending', 'sending', 'unknown']
      if (states.some((state) => counts[state] > 0)) {
        for (const order of pages(journal, run.id, states)) if (!open.has(order.fingerprint)) open.set(order.fingerprint, run.id)
      }
    }
    return { destination, created, open }
  }
}

function* pages(journal: Journal, runId: number, states: readonly OrderState[]) {
  for (let offset = 0; ; offset += PAGE) {
    const orders = journal.ordersByState(runId, states, { offset, limit: PAGE })
    yield* orders
    if (orders.length < PAGE) return
  }
}
