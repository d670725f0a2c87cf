// UpdateOrderStatus(bill_id, status, date[, rpo]) (api-research.md §2): 0 "order status changed",
// 200 nonexistent order, 201 wrong status, 202 order not paid, 203 order number is empty. Where
// the vendor is silent the sandbox picks a rule:
// - status is one of sent, paid, return, cancel; anything else is 201.
// - paid without a unix date is 202 (the payment could not be recorded); sent without a date or
//   without rpo (the tracking number) is 201.
// - marking an order with the status it already has answers 0 again and changes nothing (a
//   resent "paid" is harmless), but keeps the first payment date.
import { ANSWERS, type Answer } from './answers'
import type { SandboxLedger } from './ledger'
import { filledAt, type Posted } from './posted'

const STATUSES = new Set(['sent', 'paid', 'return', 'cancel'])
const BILL_ID = /^\d{1,15}$/
const UNIX_TIME = /^\d{1,12}$/

export function updateOrderStatus(data: Posted, ledger: SandboxLedger): Answer {
  const billId = filledAt(data, 'bill_id')
  if (!billId) return ANSWERS.orderNumberEmpty
  const order = BILL_ID.test(billId) ? ledger.get(Number(billId)) : undefined
  if (!order || order.deleted) return ANSWERS.statusNoOrder
  const status = filledAt(data, 'status')
  if (!status || !STATUSES.has(status)) return ANSWERS.wrongStatus
  const dateText = filledAt(data, 'date')
  const date = dateText !== undefined && UNIX_TIME.test(dateText) ? Number(dateText) : undefined
  if (status === 'paid' && date === undefined) return ANSWERS.notPaid
  if (status === 'sent' && (date === undefined || !filledAt(data, 'rpo'))) return ANSWERS.wrongStatus
  if (order.pay_status === status) return ANSWERS.statusChanged
  const paidAt = status === 'paid' && order.paid_at === null ? date : undefined
  ledger.setStatus(order.bill_id, status, paidAt)
  return ANSWERS.statusChanged
}
