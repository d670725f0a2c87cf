// The CLI's line for a status step the shop refused: the verdict's message in the reader's
// language, the API's own text and code as they came.
import { describe, expect, it } from 'vitest'
import { msg } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { eventLine } from '../../../electron/main/cli/run/event-lines'

const ctx = { runId: 1, rowsOf: () => [4], hint: '' }
const said = msg('statusVerdict.answered', { text: 'wrong status', code: 201, advice: msg('statusAdvice.201') })
const event = { kind: 'status-failed', orderId: 1, ordinal: 3, billId: 501, status: 'paid', code: 201, message: 'English words.', said } as const

describe('eventLine for a refused status step', () => {
  it('says the verdict in English as the journal keeps it', () => {
    expect(eventLine(event, ctx, translatorFor('en'))).toMatch(/^Order #3 \(row 4\): created \(bill 501\), not marked paid: The API answered "wrong status" \(code 201\) to UpdateOrderStatus\. The shop refused/)
  })

  it('says it in Russian, the shop words as they came', () => {
    const line = eventLine(event, ctx, translatorFor('ru'))
    expect(line).toMatch(/^Заказ №3 \(.*\): создан \(счёт 501\), но не отмечен как «[^»]+»: API ответил «wrong status» \(код 201\) на UpdateOrderStatus\. Магазин отказался/)
    expect(line).not.toContain('English')
  })

  it('falls back to the English words of an event without a message', () => {
    expect(eventLine({ kind: 'status-failed', orderId: 1, ordinal: 3, billId: 501, status: 'paid', code: 201, message: 'English words.' }, ctx, translatorFor('ru'))).toMatch(/: English words\.$/)
  })
})
