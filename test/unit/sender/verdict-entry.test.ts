import { describe, expect, it } from 'vitest'
import { englishOf, msg, storedMessage, storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { classifyCreateOrder } from '#shared/wire/create-order-answers'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { notSentEntry, verdictEntry } from '../../../electron/main/sender/verdict-entry'

const ids = { orderId: 7, attemptId: 70 }
const AT = 1_700_000_000_000

function answer(errorCode: number, errorText: string, result: unknown = null): CallOutcome {
  return { kind: 'answer', httpStatus: 200, errorCode, errorText, result, raw: `{"error_code":${errorCode}}` }
}

/** The entry for an outcome as the sender classifies it. */
function entryFor(outcome: CallOutcome, nextAttemptAt = AT): ReturnType<typeof verdictEntry> {
  return verdictEntry(ids, classifyCreateOrder(outcome), outcome, nextAttemptAt)
}

describe('verdictEntry: what the journal records for an answer', () => {
  it('records a created order with its bill id, the raw answer and the HTTP status', () => {
    const outcome = answer(0, 'OK', { bill_id: 512 })
    const verdict = classifyCreateOrder(outcome)
    expect(verdict).toMatchObject({ state: 'succeeded', billId: 512, existed: false })
    expect(entryFor(outcome)).toStrictEqual({
      ...ids,
      kind: 'created',
      outcome: { billId: 512, existed: false, raw: '{"error_code":0}', httpStatus: 200 }
    })
  })

  it('records an order the shop already had (601) as created, existed', () => {
    const entry = verdictEntry(ids, { state: 'succeeded', billId: 9, existed: true }, answer(601, 'exists'), AT)
    expect(entry).toStrictEqual({ ...ids, kind: 'created', outcome: { billId: 9, existed: true, raw: '{"error_code":601}', httpStatus: 200 } })
  })

  it('records a refused order as failed with the explanation kept as a key, not the bare API text', () => {
    const outcome = answer(600, 'wrong email')
    const verdict = classifyCreateOrder(outcome)
    expect(verdict.state).toBe('failed')
    const entry = verdictEntry(ids, verdict, outcome, AT)
    expect(entry).toMatchObject({ ...ids, kind: 'failed', outcome: { code: 600, raw: '{"error_code":600}', httpStatus: 200 } })
    const text = entry.kind === 'failed' ? entry.outcome.text : ''
    // English word for word as the verdict says it; Russian with the shop's words as they came.
    expect(storedText(translatorFor('en'), text)).toBe((verdict as { message: string }).message)
    expect(storedText(translatorFor('ru'), text)).toMatch(/^API ответил «wrong email» \(код 600\)\. Магазин не принял e-mail покупателя/)
  })

  it('puts the order back due now when the run must stop (a settings problem), its reason kept as a key', () => {
    const outcome = answer(1, 'wrong key')
    const verdict = classifyCreateOrder(outcome)
    expect(verdict.state).toBe('stop')
    const entry = entryFor(outcome)
    expect(entry).toMatchObject({ ...ids, kind: 'retry', outcome: { kind: 'stop', nextAttemptAt: AT, code: 1, raw: '{"error_code":1}', httpStatus: 200 } })
    const reason = entry.kind === 'retry' ? entry.outcome.reason : ''
    expect(storedText(translatorFor('en'), reason)).toBe((verdict as { message: string }).message)
    expect(storedText(translatorFor('ru'), reason)).toMatch(/^API ответил «wrong key» \(код 1\)\. API получил запрос без подписи/)
  })

  it('puts a rate-limited order back at the time the caller decided', () => {
    const outcome = answer(8, 'too many requests')
    expect(classifyCreateOrder(outcome).state).toBe('backoff')
    expect(entryFor(outcome, AT + 4000)).toStrictEqual({
      ...ids,
      kind: 'retry',
      outcome: {
        kind: 'backoff',
        reason: storedMessage(msg('orderNote.backoff', { code: 8 })),
        nextAttemptAt: AT + 4000,
        code: 8,
        raw: '{"error_code":8}',
        httpStatus: 200
      }
    })
    const entry = entryFor(outcome)
    const reason = entry.kind === 'retry' ? entry.outcome.reason : ''
    expect(storedText(translatorFor('en'), reason)).toBe("The API's request limit was reached (code 8); the order waits and is sent again.")
    expect(storedText(translatorFor('ru'), reason)).toBe('Достигнут предел запросов к API (код 8); заказ ждёт и будет отправлен снова.')
  })

  it('records a request that never left as a plain retry, without raw answer or status', () => {
    const outcome: CallOutcome = { kind: 'not-sent', reason: 'connection refused' }
    expect(entryFor(outcome, AT + 1500)).toStrictEqual({
      ...ids,
      kind: 'retry',
      outcome: { kind: 'retry', reason: 'connection refused', nextAttemptAt: AT + 1500 }
    })
  })

  it('keeps the client\'s reason as its key and values when it has one, so it is read in the reader\'s language', () => {
    const reasonMessage = msg('orderNote.unexpected', { detail: 'boom' })
    const outcome: CallOutcome = { kind: 'unknown', reason: englishOf(reasonMessage), reasonMessage }
    const entry = entryFor(outcome)
    expect(entry).toStrictEqual({ ...ids, kind: 'unknown', outcome: { reason: storedMessage(reasonMessage), raw: null, httpStatus: null } })
    const reason = entry.kind === 'unknown' ? entry.outcome.reason : ''
    expect(storedText(translatorFor('en'), reason)).toBe('Sending ended with an unexpected problem (boom); the shop may have created the order.')
    expect(storedText(translatorFor('ru'), reason)).toBe('Отправка закончилась непредвиденной ошибкой (boom); магазин мог создать заказ.')
  })

  it('records a TLS failure as a stop marked tls, due now', () => {
    const outcome: CallOutcome = { kind: 'not-sent', reason: 'certificate expired', tls: true }
    expect(classifyCreateOrder(outcome)).toMatchObject({ state: 'retry', stopRun: { key: 'stop.tls' } })
    expect(entryFor(outcome)).toStrictEqual({
      ...ids,
      kind: 'retry',
      outcome: { kind: 'stop', reason: 'certificate expired', nextAttemptAt: AT, code: 'tls' }
    })
  })

  it('records an unclear outcome as unknown, keeping what came back and never a retry time', () => {
    const outcome: CallOutcome = { kind: 'unknown', reason: 'timed out after the request was sent', httpStatus: 502, raw: 'Bad gateway' }
    expect(entryFor(outcome)).toStrictEqual({
      ...ids,
      kind: 'unknown',
      outcome: { reason: 'timed out after the request was sent', raw: 'Bad gateway', httpStatus: 502 }
    })
    const bare: CallOutcome = { kind: 'unknown', reason: 'connection reset' }
    expect(entryFor(bare)).toStrictEqual({ ...ids, kind: 'unknown', outcome: { reason: 'connection reset', raw: null, httpStatus: null } })
  })

  it('records an unsigned answer as unknown (the run stops elsewhere), never as what it claimed', () => {
    const outcome: CallOutcome = { kind: 'unknown', reason: 'the answer is not signed', raw: '{"error_code":0}', httpStatus: 200, unsigned: { errorCode: 0, errorText: 'OK' } }
    expect(classifyCreateOrder(outcome)).toMatchObject({ state: 'unknown', stopRun: { key: 'stop.unsigned' } })
    expect(entryFor(outcome)).toStrictEqual({
      ...ids,
      kind: 'unknown',
      outcome: { reason: 'the answer is not signed', raw: '{"error_code":0}', httpStatus: 200 }
    })
  })
})

describe('notSentEntry', () => {
  it('puts a claimed intent that was never sent back to the queue, due now, saying why', () => {
    const entry = notSentEntry(ids, msg('orderNote.notSent.paused'), AT)
    expect(entry).toStrictEqual({
      ...ids,
      kind: 'retry',
      outcome: { kind: 'retry', reason: storedMessage(msg('orderNote.notSent', { why: msg('orderNote.notSent.paused') })), nextAttemptAt: AT }
    })
    const reason = entry.kind === 'retry' ? entry.outcome.reason : ''
    expect(storedText(translatorFor('en'), reason)).toBe('Not sent: the run was paused.')
    expect(storedText(translatorFor('ru'), reason)).toBe('Не отправлен: запуск приостановлен.')
  })
})
