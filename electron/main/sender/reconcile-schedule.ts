// When each unclear order of a run is looked up in the shop. An unclear order waits a settle
// delay first (the shop may still be writing it), gets at most RECONCILE_TRIES lookups per run
// (the last one just before the run ends), and an order that keeps turning unclear is left to
// the user. Times are monotonic ms of the run's clock.
import type { Clock } from './clock'

export const DEFAULT_SETTLE_MS = 5000
/** Lookups per order and run: the second one comes before the run ends, after a settle delay. */
export const RECONCILE_TRIES = 2
/** An order that keeps ending unclear (and proven absent) is left to the user after this many. */
export const MAX_UNKNOWNS_PER_RUN = 3
/** A wait written down by an earlier process (a retry's next_attempt_at, an unclear order's
 * settle delay) is carried over for at most this long: the wall clock may have moved back since
 * (a corrected clock, another computer), and a resume must not sit silently for hours. */
export const MAX_CARRIED_WAIT_MS = 120_000

interface Slot {
  /** Monotonic ms; null when not scheduled. */
  dueAt: number | null
  tries: number
  lastTryAt: number | null
  /** Became unknown during this run (gets the final try before the run ends). */
  duringRun: boolean
}

export interface DueLookup {
  orderId: number
  dueAt: number
}

export class ReconcileSchedule {
  private readonly slots = new Map<number, Slot>()
  private readonly unknownsThisRun = new Map<number, number>()

  constructor(
    private readonly clock: Clock,
    private readonly settleMs: number
  ) {}

  /** An order found unclear when the run starts. `sentAt` and `journalNow` are wall-clock ms:
   * written by this computer's wall clock, maybe by another process, so the wait is capped. */
  carriedOver(orderId: number, sentAt: number | null, journalNow: number): void {
    const settledIn = Math.min(this.settleMs, MAX_CARRIED_WAIT_MS, Math.max(0, (sentAt ?? 0) + this.settleMs - journalNow))
    this.slots.set(orderId, { dueAt: this.clock.now() + settledIn, tries: 0, lastTryAt: null, duringRun: false })
  }

  /** An order turned unclear during this run. False when it is left to the user (unclear too
   * often), true when a lookup is scheduled after the settle delay. */
  turnedUnknown(orderId: number): boolean {
    const unknowns = (this.unknownsThisRun.get(orderId) ?? 0) + 1
    this.unknownsThisRun.set(orderId, unknowns)
    if (unknowns > MAX_UNKNOWNS_PER_RUN) {
      this.slots.delete(orderId)
      return false
    }
    this.slots.set(orderId, { dueAt: this.clock.now() + this.settleMs, tries: 0, lastTryAt: null, duringRun: true })
    return true
  }

  /** Before the run ends, each order that turned unclear during it gets one more lookup.
   * True when any was scheduled. */
  scheduleFinalTries(): boolean {
    let scheduled = false
    const now = this.clock.now()
    for (const slot of this.slots.values()) {
      if (!slot.duringRun || slot.dueAt !== null || slot.tries >= RECONCILE_TRIES) continue
      slot.dueAt = Math.max(now, (slot.lastTryAt ?? now) + this.settleMs)
      scheduled = true
    }
    return scheduled
  }

  earliest(): DueLookup | null {
    let best: DueLookup | null = null
    for (const [orderId, slot] of this.slots) {
      if (slot.dueAt !== null && (best === null || slot.dueAt < best.dueAt)) best = { orderId, dueAt: slot.dueAt }
    }
    return best
  }

  /** The order whose lookup is due now, if any. */
  due(): number | null {
    const next = this.earliest()
    return next !== null && next.dueAt <= this.clock.now() ? next.orderId : null
  }

  /** A lookup of the order starts: false when none is scheduled for it. */
  start(orderId: number): boolean {
    const slot = this.slots.get(orderId)
    if (slot === undefined) return false
    slot.dueAt = null
    return true
  }

  /** The order needs no more lookups (no longer unclear). */
  drop(orderId: number): void {
    this.slots.delete(orderId)
  }

  /** The lookup was cut short by a stop or cancel: not a real try; it is due again at once. */
  interrupted(orderId: number): void {
    const slot = this.slots.get(orderId)
    if (slot !== undefined) slot.dueAt = this.clock.now()
  }

  /** The lookup was made: `decided` when it settled the order. */
  tried(orderId: number, decided: boolean): void {
    const slot = this.slots.get(orderId)
    if (slot === undefined) return
    slot.tries += 1
    slot.lastTryAt = this.clock.now()
    if (decided || slot.tries >= RECONCILE_TRIES) this.slots.delete(orderId)
  }
}
