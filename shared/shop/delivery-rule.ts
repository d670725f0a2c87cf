// When an order needs delivery data (answer 605 "not having any data for delivery products").
// One rule for the preview and the sandbox, so they cannot disagree:
// - an order with a physical product (by the catalog's type) needs every delivery field;
// - an order whose product types are unknown (no catalog, or a numeric good_type) is treated as a
//   delivery order when it carries an address, and then needs the other delivery fields too.
// The real shop decides by the product's settings; where the catalog does not tell, this rule
// catches the half-filled address the shop is known to refuse.
import { DELIVERY_FIELD_KEYS } from '../mapping/field-keys'
import type { ProductKind } from './shop-catalog'

export type DeliveryFieldKey = (typeof DELIVERY_FIELD_KEYS)[number]

/** The delivery fields the order lacks, in the API's order; [] when it needs none or has all. */
export function missingDeliveryFields(
  kinds: readonly ProductKind[],
  value: (key: DeliveryFieldKey) => string | undefined
): DeliveryFieldKey[] {
  const filled = (key: DeliveryFieldKey): boolean => (value(key) ?? '').trim() !== ''
  const physical = kinds.includes('physical')
  const allKnownDigital = kinds.length > 0 && kinds.every((kind) => kind === 'digital')
  const delivery = physical || (!allKnownDigital && filled('bill_address'))
  return delivery ? DELIVERY_FIELD_KEYS.filter((key) => !filled(key)) : []
}
