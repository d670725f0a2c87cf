// The CreateOrder parameter names, in the order they are sent (goods first, then the bill_*
// fields, then the utm[...] group kept together, as PHP's parser groups bracket keys).

export const BILL_FIELD_KEYS = [
  'bill_first_name',
  'bill_surname',
  'bill_middle_name',
  'bill_email',
  'bill_phone',
  'bill_country',
  'bill_region',
  'bill_city',
  'bill_address',
  'bill_postal_code',
  'bill_kupon',
  'bill_tag',
  'bill_comment',
  'bill_ip',
  'bill_timer_kill',
  'bill_created',
  'bill_domain'
] as const

export const UTM_FIELD_KEYS = [
  'utm[utm_medium]',
  'utm[utm_source]',
  'utm[utm_campaign]',
  'utm[utm_content]',
  'utm[utm_term]',
  'utm[aff_medium]',
  'utm[aff_source]',
  'utm[aff_campaign]',
  'utm[aff_content]',
  'utm[aff_term]'
] as const

/** Order-level fields: one value per order. */
export const ORDER_FIELD_KEYS = [...BILL_FIELD_KEYS, ...UTM_FIELD_KEYS] as const
export type OrderFieldKey = (typeof ORDER_FIELD_KEYS)[number]

/** Per-good fields: one value per good line (`goods[i][...]`). */
export const GOOD_FIELD_KEYS = ['good_name', 'good_sum'] as const
export type GoodFieldKey = (typeof GOOD_FIELD_KEYS)[number]

/** Fields that must be present when the goods are physically shipped. */
export const DELIVERY_FIELD_KEYS = [
  'bill_first_name',
  'bill_surname',
  'bill_country',
  'bill_city',
  'bill_address'
] as const satisfies readonly OrderFieldKey[]

export function isOrderFieldKey(key: string): key is OrderFieldKey {
  return (ORDER_FIELD_KEYS as readonly string[]).includes(key)
}
