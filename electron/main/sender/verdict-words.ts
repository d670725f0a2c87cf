// A CreateOrder verdict's explanation as a message, for the reader's language: the API's own text
// and code as they came, our advice (the answer table's, from the catalog) beside them. The English
// is word for word the verdict's message, which the journal keeps.
import { msg, type Message } from '#shared/i18n/message'
import { answerAdvice } from '#shared/wire/answer-advice'
import { CREATE_ORDER_ANSWERS, productNames, type CallOutcome, type CreateOrderVerdict } from '#shared/wire/create-order-answers'

type Explained = Extract<CreateOrderVerdict, { state: 'failed' } | { state: 'stop' }>

export function verdictSaid(verdict: Explained, outcome: CallOutcome): Message {
  const { code, text } = verdict
  const advice = CREATE_ORDER_ANSWERS[code] === undefined ? null : answerAdvice(code)
  if (advice === null) return msg('verdict.unrecognized', { text, code })
  const names = outcome.kind === 'answer' && verdict.state === 'failed' ? productNames(code, outcome.result) : []
  return msg('verdict.answered', { text, code, advice, hint: names.length > 0 ? msg('verdict.names', { names: names.join(', ') }) : '' })
}
