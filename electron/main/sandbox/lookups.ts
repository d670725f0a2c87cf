// The read and delete functions a client uses to find out what CreateOrder did. Deleted
// orders are invisible to all of them, as after a real DeleteOrder.
import { ANSWERS, ok, type Answer, type Json } from './answers'
import type { SandboxCatalog } from './catalog'
import { orderWindow } from './date-window'
import type { LedgerOrder, SandboxLedger } from './ledger'
import { orderView } from './order-view'
import { filledAt, flagAt, mapAt, textAt, type Posted } from './posted'

const BILL_ID = /^\d{1,15}$/

/** GetBills(email[, pay_status]) -> {bill_id: {product_id: {good_name, good_title}}} or 400. */
export function getBills(data: Posted, ledger: SandboxLedger): Answer {
  const email = filledAt(data, 'email')
  const status = filledAt(data, 'pay_status')
  // pay_status filters by the order's status ('waiting' until UpdateOrderStatus changes it).
  const orders = !email
    ? []
    : ledger.findByEmail(email).filter((order) => !order.deleted && (status === undefined || order.pay_status === status))
  if (orders.length === 0) return ANSWERS.billsNotFound
  const result: { [billId: string]: Json } = {}
  for (const order of orders) {
    const goods: { [productId: string]: Json } = {}
    for (const good of order.goods) {
      goods[String(ledger.productId(good.good_name))] = { good_name: good.good_name, good_title: good.good_name }
    }
    result[String(order.bill_id)] = goods
  }
  return ok(result)
}

/** getOrderDetails(bill_id[, good_info]) -> one order object or 400 "Order not found". */
export function getOrderDetails(data: Posted, ledger: SandboxLedger, catalog?: SandboxCatalog): Answer {
  const order = liveOrder(data, ledger)
  if (!order) return ANSWERS.detailsNotFound
  const view = orderView(order, catalog)
  if (!flagAt(data, 'good_info')) return ok(view)
  return ok({
    ...view,
    good_ids: order.goods.map((good) => String(ledger.productId(good.good_name))),
    prepayment_enabled: '0',
    prepayment_minsum: '0.00'
  })
}

/** getOrdersWithGoods(begin_date, end_date[, paid][, goods]) -> a list of order objects. */
export function getOrdersWithGoods(data: Posted, ledger: SandboxLedger, nowMs: number, catalog?: SandboxCatalog): Answer {
  const window = orderWindow(filledAt(data, 'begin_date'), filledAt(data, 'end_date'), nowMs)
  if (window === 'invalid') return ANSWERS.wrongData
  // paid=true asks for orders paid (UpdateOrderStatus paid, with its date) in the window.
  const paidOnly = flagAt(data, 'paid')
  const wanted = wantedGoods(data)
  const candidates = paidOnly
    ? ledger.orders().filter((order) => !order.deleted && order.pay_status === 'paid' && order.paid_at !== null && order.paid_at >= window.from && order.paid_at <= window.to)
    : ledger.liveCreatedBetween(window.from, window.to)
  const orders = candidates
    .filter((order) => !wanted || order.goods.some((good) =>
      wanted.has(good.good_name) || wanted.has(String(ledger.productId(good.good_name)))))
  return ok(orders.map((order) => orderView(order, catalog)))
}

/** DeleteOrder(bill_id) -> 0 "order deleted" or 302 "nonexistent order"; the ledger keeps the row. */
export function deleteOrder(data: Posted, ledger: SandboxLedger): Answer {
  const billId = filledAt(data, 'bill_id')
  if (!billId || !BILL_ID.test(billId) || !ledger.delete(Number(billId))) return ANSWERS.nonexistentOrder
  return ANSWERS.orderDeleted
}

function liveOrder(data: Posted, ledger: SandboxLedger): LedgerOrder | undefined {
  const billId = filledAt(data, 'bill_id')
  const order = billId && BILL_ID.test(billId) ? ledger.get(Number(billId)) : undefined
  return order && !order.deleted ? order : undefined
}

/** `goods` is one product id or a list of them; names and numeric ids both match. */
function wantedGoods(data: Posted): Set<string> | undefined {
  const single = filledAt(data, 'goods')
  if (single) return new Set([single])
  const list = mapAt(data, 'goods')
  if (!list) return undefined
  const ids = [...list.keys()].map((key) => textAt(list, key)?.trim()).filter((id): id is string => Boolean(id))
  return ids.length > 0 ? new Set(ids) : undefined
}
