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
  return missingDeliveryFieldsOf(kinds, deliveryFilled(value))
}

const ADDRESS_BIT = 1 << DELIVERY_FIELD_KEYS.indexOf('bill_address')

/** Which delivery fields have a value (not only spaces): bit i for DELIVERY_FIELD_KEYS[i]. All
 * the rule needs of an order's values, so planning, which reads them anyway, can keep it. */
export function deliveryFilled(value: (key: DeliveryFieldKey) => string | undefined): number {
  let bits = 0
  for (let i = 0; i < DELIVERY_FIELD_KEYS.length; i++) if ((value(DELIVERY_FIELD_KEYS[i]!) ?? '').trim() !== '') bits |= 1 << i
  return bits
}

/** missingDeliveryFields() for an order whose filled delivery fields are `filled` (deliveryFilled). */
export function missingDeliveryFieldsOf(kinds: readonly ProductKind[], filled: number): DeliveryFieldKey[] {
  const physical = kinds.includes('physical')
  const allKnownDigital = kinds.length > 0 && kinds.every((kind) => kind === 'digital')
  const delivery = physical || (!allKnownDigital && (filled & ADDRESS_BIT) !== 0)
  return delivery ? DELIVERY_FIELD_KEYS.filter((_, i) => (filled & (1 << i)) === 0) : []
}
