// The UpdateOrderStatus answer table's verdicts as messages: the API's text and code as they came,
// our advice beside them, in English (as before) and in Russian.
import { describe, expect, it } from 'vitest'
import { renderMessage, type Message } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { UPDATE_STATUS_ANSWERS, classifyUpdateStatus, type StatusVerdict } from '#shared/wire/update-status-answers'

const en = translatorFor('en')
const ru = translatorFor('ru')

function answer(code: number, text: string, hashValid = true): CallOutcome {
  return { kind: 'answer', httpStatus: 200, errorCode: code, errorText: text, result: [], raw: '{}', hashValid }
}

function said(verdict: StatusVerdict): Message {
  if (verdict.state !== 'check' && verdict.state !== 'failed' && verdict.state !== 'stop') throw new Error(`no explanation for ${verdict.state}`)
  return verdict.said
}

describe('UpdateOrderStatus verdicts in the reader language', () => {
  it('every code of the table has its advice in the catalog, the same in English, translated in Russian', () => {
    for (const [code, meaning] of Object.entries(UPDATE_STATUS_ANSWERS)) {
      expect(en(meaning.adviceKey), code).toBe(meaning.advice)
      expect(ru(meaning.adviceKey), code).not.toBe(meaning.advice)
      expect(ru(meaning.adviceKey), code).toMatch(/[а-я]/)
    }
  })

  it('a refusal to look up (202) says the same in English as before, and in Russian', () => {
    const verdict = classifyUpdateStatus(answer(202, 'order not paid'))
    expect(verdict.state).toBe('check')
    const english =
      'The API answered "order not paid" (code 202) to UpdateOrderStatus. The shop could not record the payment. Retry the status step later; if it fails again, mark the order paid in the shop (the Paid button on the order card).'
    expect(verdict.state === 'check' && verdict.message).toBe(english)
    expect(renderMessage(en, said(verdict))).toBe(english)
    expect(renderMessage(ru, said(verdict))).toBe(
      'API ответил «order not paid» (код 202) на UpdateOrderStatus. Магазин не смог записать оплату. Повторите шаг статуса позже; если снова не выйдет, отметьте заказ оплаченным в магазине (кнопка «Оплачен» в карточке заказа).'
    )
  })

  it('a failure (302) and a code Orderbatch does not know, in both languages', () => {
    const gone = classifyUpdateStatus(answer(302, 'nonexistent order'))
    expect(gone.state).toBe('failed')
    expect(renderMessage(en, said(gone))).toBe(gone.state === 'failed' ? gone.message : '')
    expect(renderMessage(ru, said(gone))).toMatch(/^API ответил «nonexistent order» \(код 302\) на UpdateOrderStatus\. В магазине нет заказа с этим номером/)
    const strange = classifyUpdateStatus(answer(999, 'odd'))
    expect(strange.state === 'failed' && strange.message).toBe(
      'The API answered "odd" (code 999) to UpdateOrderStatus, a code Orderbatch does not know. The order was created; its status was not changed. Retry the status step, or set the status in the shop.'
    )
    expect(renderMessage(ru, said(strange))).toMatch(/^API ответил «odd» \(код 999\) на UpdateOrderStatus — этот код Orderbatch не знает\./)
  })

  it('a stop (code 4) carries the CreateOrder advice, in both languages', () => {
    const verdict = classifyUpdateStatus(answer(4, 'incorrect hash'))
    expect(verdict.state).toBe('stop')
    expect(renderMessage(en, said(verdict))).toBe(verdict.state === 'stop' ? verdict.message : '')
    expect(renderMessage(ru, said(verdict))).toMatch(/^API ответил «incorrect hash» \(код 4\)\. Неверен ключ API или логин\./)
  })

  it('a success whose signature does not match is unclear, its reason in both languages', () => {
    const verdict = classifyUpdateStatus(answer(0, 'order status changed', false))
    expect(verdict.state).toBe('unknown')
    if (verdict.state !== 'unknown') return
    expect(verdict.reason).toBe("The API answered code 0, but the answer's signature does not match (is the API key right?).")
    expect(verdict.reasonMessage && renderMessage(ru, verdict.reasonMessage)).toBe('API ответил кодом 0, но подпись ответа не совпадает (верен ли ключ API?).')
  })
})
