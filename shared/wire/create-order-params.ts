// The parameters of one CreateOrder call, in the order the vendor's sample sends them: goods,
// then the bill_* fields, then the utm[...] group kept together (PHP's parser groups bracket
// keys at their first position, so a split group would not rebuild to the signed bytes).
import { BILL_FIELD_KEYS, UTM_FIELD_KEYS } from '../mapping/field-keys'
import type { OrderDraft } from '../plan/order'
import { httpBuildQuery } from './php-query'

/** Flat [key, value] pairs; keys like 'goods[0][good_name]' encode to the same bytes as nested
 * arrays. Unset fields are left out, and so is an empty good_sum: without it the shop price
 * applies, while an empty value could be read as a price of zero. */
export function createOrderParams(order: OrderParamsSource): Array<[string, string]> {
  const params: Array<[string, string]> = []
  forEachOrderParam(order, (key, value) => params.push([key, value]))
  return params
}

/** What the parameters are made of: the order's values, and its backlog auto-cancel flag. */
export type OrderParamsSource = Pick<OrderDraft, 'fields' | 'goods'> & Pick<OrderDraft, 'backlogNoCancel'>

const ALL_FIELD_KEYS = [...BILL_FIELD_KEYS, ...UTM_FIELD_KEYS]
const GOOD_KEYS: Array<[string, string]> = []

function goodKeys(index: number): [string, string] {
  return (GOOD_KEYS[index] ??= [`goods[${index}][good_name]`, `goods[${index}][good_sum]`])
}

/** The pairs of createOrderParams, in the same order, handed to `visit` one by one (no arrays
 * made): for building many queries in a row. Every key appears at most once. */
export function forEachOrderParam(order: OrderParamsSource, visit: (key: string, value: string) => void): void {
  const goods = order.goods
  for (let index = 0; index < goods.length; index++) {
    const good = goods[index]!
    const [name, sum] = goodKeys(index)
    visit(name, good.good_name)
    if (good.good_sum !== undefined && good.good_sum.trim() !== '') visit(sum, good.good_sum)
  }
  const fields = order.fields
  for (const key of ALL_FIELD_KEYS) {
    const value = fields[key]
    if (value !== undefined) visit(key, value)
    // A backlog order the sheet says nothing about: never auto-cancelled (order-status-plan.ts).
    else if (key === 'bill_timer_kill' && order.backlogNoCancel === true) visit(key, '0')
  }
}

/** The exact query string (without hash) of one CreateOrder call. */
export function createOrderQuery(order: OrderParamsSource): string {
  return httpBuildQuery(new Map(createOrderParams(order)))
}
