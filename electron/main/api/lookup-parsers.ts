// Readers for the lookup answers used to reconcile orders whose outcome is unknown. Their JSON
// types are undocumented (numbers may come as strings; PHP sends an empty map as `[]`), so they
// are read tolerantly; but a shape we do not understand is an error, never an empty list: a
// lookup that silently finds nothing would make a created order look absent and get it resent.
import { LocalizedError, msg, type Message } from '#shared/i18n/message'

/** An API answer of a shape Orderbatch cannot read, as a message (English in `message`). */
export class ApiShapeError extends LocalizedError {
  override name = 'ApiShapeError'

  constructor(message: Message | string) {
    super(typeof message === 'string' ? msg('error.asIs', { text: message }) : message)
  }
}

export interface BillGoods {
  billId: number
  /** The good_name (product id in the shop) of each product of the order. */
  goods: string[]
}

export interface OrderItem {
  /** Product identifier as the API gives it. */
  id: string
  title: string
  /** Price in this order, as received ('1500', '1500.00'). */
  sum: string
  /** Price from the product settings, as received; '' when absent. */
  price: string
}

export interface OrderDetails {
  id: number
  email: string
  firstName: string
  lastName: string
  middleName: string
  phone: string
  /** Unix seconds, when the API gives a timestamp; otherwise null (see createdText). */
  created: number | null
  createdText: string
  payStatus: string
  tag: string
  comment: string
  domain: string
  link: string
  kupon: string
  items: OrderItem[]
}

/** GetBills: `{ "<bill id>": { "<product id>": { good_name, good_title } } }`, or `[]`. */
export function parseBills(result: unknown): BillGoods[] {
  // Keyed by order number, so only an empty result can arrive as a JSON list.
  if (Array.isArray(result) && result.length > 0) {
    throw new ApiShapeError(msg('apiShape.billsList'))
  }
  const bills = entriesOf(result, msg('apiShape.what.billsResult'))
  return bills
    .map(([key, goods]) => ({
      billId: positiveInt(key, msg('apiShape.what.billNumber', { value: String(key).slice(0, 40) })),
      goods: entriesOf(goods, msg('apiShape.what.billGoods', { order: key })).flatMap(([, good]) => goodNameOf(good))
    }))
    .sort((a, b) => a.billId - b.billId)
}

/** getOrderDetails: one order object. */
export function parseOrderDetails(result: unknown): OrderDetails {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new ApiShapeError(msg('apiShape.detailsNotOrder'))
  }
  const order = result as Record<string, unknown>
  const id = positiveInt(order['id'], msg('apiShape.what.detailsId'))
  const created = text(order['created'])
  return {
    id,
    email: text(order['email']),
    firstName: text(order['first_name']),
    lastName: text(order['last_name']),
    middleName: text(order['middle_name']),
    phone: text(order['phone']),
    created: /^\d+$/.test(created) ? Number(created) : null,
    createdText: created,
    payStatus: text(order['pay_status']),
    tag: text(order['tag']),
    comment: text(order['comment']),
    domain: text(order['domain']),
    link: text(order['link']),
    kupon: text(order['kupon'] ?? order['coupon']),
    items: itemsOf(order['items'], id)
  }
}

/** getOrdersWithGoods: a list of order objects (or a map keyed by order number), or `[]`. */
export function parseOrdersWithGoods(result: unknown): OrderDetails[] {
  return entriesOf(result, msg('apiShape.what.ordersResult')).map(([, order]) => parseOrderDetails(order))
}

function itemsOf(value: unknown, orderId: number): OrderItem[] {
  if (value === undefined || value === null) return []
  return entriesOf(value, msg('apiShape.what.items', { order: orderId })).map(([, item]) => {
    if (typeof item !== 'object' || item === null) {
      throw new ApiShapeError(msg('apiShape.itemNotObject', { order: orderId }))
    }
    const fields = item as Record<string, unknown>
    return { id: text(fields['id']), title: text(fields['title']), sum: text(fields['sum']), price: text(fields['price']) }
  })
}

function goodNameOf(good: unknown): string[] {
  if (typeof good !== 'object' || good === null) return []
  const name = text((good as Record<string, unknown>)['good_name'])
  return name === '' ? [] : [name]
}

/** The entries of a PHP array sent as JSON: a list, a map, or `[]`/`{}` when empty. */
function entriesOf(value: unknown, what: Message): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.map((v, i) => [String(i), v])
  if (typeof value === 'object' && value !== null) return Object.entries(value)
  throw new ApiShapeError(msg('apiShape.notList', { what }))
}

function positiveInt(value: unknown, what: Message): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n
  throw new ApiShapeError(msg('apiShape.notPositive', { what }))
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}
