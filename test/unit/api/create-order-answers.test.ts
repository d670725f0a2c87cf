import { englishOf, msg, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { describe, expect, it } from 'vitest'
import { CREATE_ORDER_ANSWERS, billIdOf, classifyCreateOrder } from '#shared/wire/create-order-answers'
import type { CallOutcome } from '#shared/wire/create-order-answers'

function answer(errorCode: number, errorText: string, result: unknown = undefined, hashValid = true): CallOutcome {
  return { kind: 'answer', httpStatus: 200, errorCode, errorText, result, raw: '{}', hashValid }
}

describe('classifyCreateOrder: success codes', () => {
  it('0 with a numeric bill_id is a new order', () => {
    expect(classifyCreateOrder(answer(0, 'ok', { bill_id: 258367 }))).toEqual({ state: 'succeeded', billId: 258367, existed: false })
  })

  it('0 with bill_id as a digit string is accepted', () => {
    expect(classifyCreateOrder(answer(0, 'ok', { bill_id: '102937' }))).toEqual({ state: 'succeeded', billId: 102937, existed: false })
  })

  it('601 is the existing order, with its number', () => {
    const verdict = classifyCreateOrder(answer(601, 'order already exist. his number send in result array.', { bill_id: '77' }))
    expect(verdict).toEqual({ state: 'succeeded', billId: 77, existed: true })
  })

  it.each([
    ['missing result', undefined],
    ['empty result', []],
    ['no bill_id', { id: 5 }],
    ['zero', { bill_id: 0 }],
    ['negative', { bill_id: -4 }],
    ['fraction', { bill_id: 1.5 }],
    ['not digits', { bill_id: '12a' }],
    ['empty string', { bill_id: '' }],
    ['null', { bill_id: null }],
    ['too large', { bill_id: '99999999999999999999' }]
  ])('0 with %s as bill_id is unknown, never failed', (_label, result) => {
    const verdict = classifyCreateOrder(answer(0, 'ok', result))
    expect(verdict.state).toBe('unknown')
    if (verdict.state === 'unknown') expect(verdict.reason).toContain('bill_id')
  })

  it('601 without a bill_id is unknown', () => {
    expect(classifyCreateOrder(answer(601, 'order already exist.', {})).state).toBe('unknown')
  })

  it('a success whose answer signature did not match is unknown', () => {
    const verdict = classifyCreateOrder(answer(0, 'ok', { bill_id: 5 }, false))
    expect(verdict.state).toBe('unknown')
    if (verdict.state === 'unknown') expect(verdict.reason).toContain('signature does not match')
    // Its reason is a message too: the journal keeps its key, the reader sees it in their language.
    if (verdict.state === 'unknown') expect(renderMessage(translatorFor('ru'), verdict.reasonMessage!)).toBe('API ответил кодом 0, но подпись ответа не совпадает (верен ли ключ API?).')
    const noBill = classifyCreateOrder(answer(601, 'order already exist.', {}))
    if (noBill.state === 'unknown') {
      expect(noBill.reason).toBe('The API answered code 601 ("order already exist.") without a valid order number (result.bill_id); look the order up in the shop.')
      expect(renderMessage(translatorFor('ru'), noBill.reasonMessage!)).toBe('API ответил кодом 601 («order already exist.») без правильного номера заказа (result.bill_id); найдите заказ в магазине.')
    }
  })
})

describe('classifyCreateOrder: codes 1-7 stop the run', () => {
  it.each([
    [1, 'not transferred hash', /signature/],
    [2, 'no transmitted data', /API access/],
    [3, 'wrong posted data', /API address/],
    [4, 'incorrect hash', /API key/],
    [5, 'invalid user name', /login/],
    [6, 'permission denied for ip 1.2.3.4', /IP address/],
    [7, 'account disabled', /support/]
  ])('code %i stops and says what to check', (code, text, advice) => {
    const verdict = classifyCreateOrder(answer(code, text))
    expect(verdict.state).toBe('stop')
    if (verdict.state !== 'stop') return
    expect(verdict.code).toBe(code)
    expect(verdict.text).toBe(text)
    expect(verdict.message).toContain(`"${text}"`)
    expect(verdict.message).toMatch(advice)
  })

  it('an error answer with a mismatched signature is still classified by its code', () => {
    expect(classifyCreateOrder(answer(4, 'incorrect hash', undefined, false)).state).toBe('stop')
  })
})

describe('classifyCreateOrder: code 8 backs off', () => {
  it('8 is the request limit', () => {
    expect(classifyCreateOrder(answer(8, 'limit'))).toEqual({ state: 'backoff', code: 8, text: 'limit' })
  })
})

describe('classifyCreateOrder: row failures', () => {
  it.each([
    [600, 'wrong email', true, false, /bill_email/],
    [602, 'error creating order', false, true, /again/],
    [603, 'missing products', true, false, /good_name/],
    [604, 'product not exist', true, false, /good_name/],
    [605, 'not having any data for delivery products', true, false, /bill_address/]
  ])('code %i fails the row', (code, text, editable, retryable, advice) => {
    const verdict = classifyCreateOrder(answer(code, text))
    expect(verdict.state).toBe('failed')
    if (verdict.state !== 'failed') return
    expect(verdict).toMatchObject({ code, text, editable, retryable })
    expect(verdict.message).toMatch(advice)
  })

  it('604 quotes the product the API names', () => {
    const verdict = classifyCreateOrder(answer(604, 'product not exist', { good_name: 'course-9' }))
    expect(verdict.state === 'failed' && verdict.message).toContain('course-9')
  })

  it('an unrecognized code fails the row as retryable and quotes the API text', () => {
    const verdict = classifyCreateOrder(answer(777, 'something new happened'))
    expect(verdict).toMatchObject({ state: 'failed', code: 777, editable: false, retryable: true })
    expect(verdict.state === 'failed' && verdict.message).toContain('something new happened')
  })
})

describe('classifyCreateOrder: transport outcomes', () => {
  it('not-sent is retried', () => {
    expect(classifyCreateOrder({ kind: 'not-sent', reason: 'refused' })).toEqual({ state: 'retry', reason: 'refused' })
  })

  it('unknown stays unknown', () => {
    expect(classifyCreateOrder({ kind: 'unknown', reason: 'cut', httpStatus: 502, raw: '' })).toEqual({ state: 'unknown', reason: 'cut' })
  })
})

describe('the answer table', () => {
  it('covers exactly the documented CreateOrder codes', () => {
    expect(Object.keys(CREATE_ORDER_ANSWERS).map(Number).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 600, 601, 602, 603, 604, 605])
  })

  it('gives every code a meaning and advice', () => {
    for (const meaning of Object.values(CREATE_ORDER_ANSWERS)) {
      expect(meaning.meaning.length).toBeGreaterThan(5)
      expect(meaning.advice.length).toBeGreaterThan(5)
    }
  })
})

describe('billIdOf', () => {
  it('reads numbers and digit strings, nothing else', () => {
    expect(billIdOf({ bill_id: 12 })).toBe(12)
    expect(billIdOf({ bill_id: '0012' })).toBe(12)
    expect(billIdOf({ bill_id: ' 12' })).toBeNull()
    expect(billIdOf('12')).toBeNull()
    expect(billIdOf(null)).toBeNull()
  })
})

describe('classifyCreateOrder: an answer without a valid signature', () => {
  it.each([
    [8, 'request limit exceeded'],
    [777, 'something new'],
    [4, 'incorrect hash'],
    [604, 'product not exist'],
    [0, 'ok']
  ])('code %i is unknown (maybe created) and stops the run', (code, text) => {
    const verdict = classifyCreateOrder({ kind: 'unknown', reason: 'not signed', httpStatus: 200, unsigned: { errorCode: code, errorText: text } })
    expect(verdict).toMatchObject({ state: 'unknown', reason: 'not signed' })
    const stop = verdict.state === 'unknown' && verdict.stopRun ? verdict.stopRun : msg('error.asIs', { text: '' })
    expect(englishOf(stop)).toMatch(new RegExp(`\\(code ${code}\\), but the answer is not signed with this API key`))
    expect(renderMessage(translatorFor('ru'), stop)).toMatch(new RegExp(`\\(код ${code}\\), но ответ не подписан этим ключом API`))
  })

  it('an unclear answer that was signed (or not readable) does not stop the run', () => {
    expect(classifyCreateOrder({ kind: 'unknown', reason: 'timeout' })).toEqual({ state: 'unknown', reason: 'timeout' })
  })
})
