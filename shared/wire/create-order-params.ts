// The parameters of one CreateOrder call, in the order the vendor's sample sends them: goods,
// then the bill_* fields, then the utm[...] group kept together (PHP's parser groups bracket
// keys at their first position, so a split group would not rebuild to the signed bytes).
import { BILL_FIELD_KEYS, UTM_FIELD_KEYS } from '../mapping/field-keys'
import type { OrderDraft } from '../plan/order'
import { httpBuildQuery } from './php-query'

/** Flat [key, value] pairs; keys like 'goods[0][good_name]' encode to the same bytes as nested
 * arrays. Unset fields are left out, and so is an empty good_sum: without it the shop price
 * applies, while an empty value could be read as a price of zero. */
export function createOrderParams(order: OrderDraft): Array<[string, string]> {
  const params: Array<[string, string]> = []
  order.goods.forEach((good, index) => {
    params.push([`goods[${index}][good_name]`, good.good_name])
    if (good.good_sum !== undefined && good.good_sum.trim() !== '') params.push([`goods[${index}][good_sum]`, good.good_sum])
  })
  for (const key of [...BILL_FIELD_KEYS, ...UTM_FIELD_KEYS]) {
    const value = order.fields[key]
    if (value !== undefined) params.push([key, value])
  }
  return params
}

/** The exact query string (without hash) of one CreateOrder call. */
export function createOrderQuery(order: OrderDraft): string {
  return httpBuildQuery(new Map(createOrderParams(order)))
}
