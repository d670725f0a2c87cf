// The answer codes and their literal texts, as in the vendor's "API Service Responses" table
// (api-research.md §2). Clients sign-check the text, so every byte matters. Kept apart from the
// client's shared/create-order-answers.ts on purpose: a stand-in that borrowed the client's
// table would repeat its mistakes instead of exposing them.
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

export interface Answer {
  code: number
  text: string
  /** PHP's json_encode of an empty array is [], so "no result" is sent as []. */
  result: Json
}

export const TEXTS = {
  ok: 'ok',
  noHash: 'not transferred hash',
  noData: 'no transmitted data',
  wrongData: 'wrong posted data',
  badHash: 'incorrect hash',
  badLogin: 'invalid user name',
  // Code 8 has no documented English text; this is the sandbox's wording.
  rateLimit: 'request limit exceeded, try later',
  orderDeleted: 'order deleted',
  nonexistentOrder: 'nonexistent order',
  billsNotFound: 'order not found',
  detailsNotFound: 'Order not found',
  wrongEmail: 'wrong email',
  duplicate: 'order already exist. his number send in result array.',
  createFailed: 'error creating order',
  missingProducts: 'missing products',
  productNotExist: 'product not exist',
  noDeliveryData: 'not having any data for delivery products',
  noProducts: 'no products',
  statusChanged: 'order status changed',
  statusNoOrder: 'nonexistent order',
  wrongStatus: 'wrong status',
  notPaid: 'order not paid',
  orderNumberEmpty: 'order number is empty'
} as const

export function answer(code: number, text: string, result: Json = []): Answer {
  return { code, text, result }
}

export const ANSWERS = {
  noHash: answer(1, TEXTS.noHash),
  noData: answer(2, TEXTS.noData),
  wrongData: answer(3, TEXTS.wrongData),
  badHash: answer(4, TEXTS.badHash),
  badLogin: answer(5, TEXTS.badLogin),
  rateLimit: answer(8, TEXTS.rateLimit),
  orderDeleted: answer(0, TEXTS.orderDeleted),
  nonexistentOrder: answer(302, TEXTS.nonexistentOrder),
  billsNotFound: answer(400, TEXTS.billsNotFound),
  detailsNotFound: answer(400, TEXTS.detailsNotFound),
  wrongEmail: answer(600, TEXTS.wrongEmail),
  createFailed: answer(602, TEXTS.createFailed),
  missingProducts: answer(603, TEXTS.missingProducts),
  noDeliveryData: answer(605, TEXTS.noDeliveryData),
  noProducts: answer(700, TEXTS.noProducts),
  statusChanged: answer(0, TEXTS.statusChanged),
  statusNoOrder: answer(200, TEXTS.statusNoOrder),
  wrongStatus: answer(201, TEXTS.wrongStatus),
  notPaid: answer(202, TEXTS.notPaid),
  orderNumberEmpty: answer(203, TEXTS.orderNumberEmpty)
} as const

export function ok(result: Json = []): Answer {
  return answer(0, TEXTS.ok, result)
}
