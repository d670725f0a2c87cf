// A refused order's explanation for the reader: in English word for word the verdict's message
// (what the journal keeps), in Russian our words around the API's own text and code as they came.
import { describe, expect, it } from 'vitest'
import { englishOf, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { CREATE_ORDER_ANSWERS, classifyCreateOrder, type CallOutcome } from '#shared/wire/create-order-answers'
import { verdictSaid } from '../../../electron/main/sender/verdict-words'

const ru = translatorFor('ru')

function answer(errorCode: number, errorText: string, result: unknown = null): CallOutcome {
  return { kind: 'answer', httpStatus: 200, errorCode, errorText, result, raw: '' }
}

describe('verdict words', () => {
  const codes = [...Object.keys(CREATE_ORDER_ANSWERS).map(Number), 777]
  for (const code of codes) {
    it(`code ${code}: English as the verdict says it, Russian around the API's text`, () => {
      const outcome = answer(code, `API text ${code}`, code === 604 ? { good_name: 'mystery-box' } : null)
      const verdict = classifyCreateOrder(outcome)
      if (verdict.state !== 'failed' && verdict.state !== 'stop') return
      const said = verdictSaid(verdict, outcome)
      expect(englishOf(said)).toBe(verdict.message)
      const russian = renderMessage(ru, said)
      expect(russian).toContain(`«API text ${code}» (код ${code})`)
      expect(russian).not.toContain('The API answered')
      expect(russian).not.toMatch(/\b(the|and|your|order)\b/i)
      if (code === 604) expect(russian).toContain('API называет: mystery-box.')
    })
  }
})
