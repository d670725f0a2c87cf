// The note of the user's decision for an unclear order (resolve: found in the shop, or not there),
// shown where the order is read (History, the export) while it is the last thing that happened to
// the order: an order sent again after "not there" has its own outcome to show instead.
import type { Journal, OrderRecord } from '../journal'

export function userDecisionNote(journal: Pick<Journal, 'attempts'>, order: Pick<OrderRecord, 'id' | 'resolvedBy'>): string | null {
  if (order.resolvedBy !== 'user') return null
  const last = journal.attempts(order.id).at(-1)
  return last !== undefined && (last.outcome === 'user-created' || last.outcome === 'user-absent') ? last.note : null
}
