// What the user should do about an API answer code, in the user's language: the catalog's words
// for each code of the answer table (create-order-answers.ts keeps the English for the engine's
// own sentences; a unit test checks both say the same in English).
import { msg, type Message } from '../i18n/message'
import { adviceKey } from './answer-advice-keys'
import { CREATE_ORDER_ANSWERS } from './create-order-answers'

export { ADVICE_CODES } from './answer-advice-keys'

/** The advice for a known code, as a message; null for a code the table does not know. */
export function answerAdvice(code: number): Message | null {
  const key = adviceKey(code)
  if (key !== undefined) return msg(key)
  const known = CREATE_ORDER_ANSWERS[code]
  return known ? msg('error.asIs', { text: known.advice }) : null
}
