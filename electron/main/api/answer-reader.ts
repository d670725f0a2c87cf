// Turns a complete HTTP response into a CallOutcome. This is the one place that decides what
// counts as an answer: a well-formed JSON answer with a correct signature, for every code.
// Anything else may hide a created order, so it is 'unknown' with the raw body kept.
import { englishOf, msg, type Message } from '#shared/i18n/message'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { responseHash } from '#shared/wire/signature'

export const RAW_CAP = 64 * 1024

export interface HttpResponse {
  status: number
  location: string | null
  body: string
}

export interface AnswerContext {
  /** Function name, for messages. */
  what: string
  host: string
  secret: string
}

export function readAnswer(response: HttpResponse, context: AnswerContext): CallOutcome {
  const { status } = response
  const raw = capRaw(response.body)
  const unknown = (reasonMessage: Message): Extract<CallOutcome, { kind: 'unknown' }> => ({ kind: 'unknown', reason: englishOf(reasonMessage), reasonMessage, httpStatus: status, raw })
  const { what, host } = context

  if (status >= 300 && status < 400) {
    // Never followed: following re-sends the POST, and a 302/303 after a POST is also how
    // servers say "done, look there", so the request may have been carried out.
    const to = response.location === null ? '' : msg('net.redirectTo', { location: response.location.slice(0, 200) })
    return unknown(msg('net.redirect', { host, what, status, to }))
  }
  if (status < 200 || status >= 300) {
    return unknown(msg('net.httpStatus', { host, what, status }))
  }

  const parsed = parseAnswer(response.body)
  if (parsed === null) {
    return unknown(msg('net.notApi', { what, host }))
  }
  const hashValid = parsed.hash !== null && parsed.hash.toLowerCase() === responseHash(parsed.codeText, parsed.errorText, context.secret)
  // Only a correctly signed answer is an answer, whatever its code: an unsigned "slow down"
  // (8) or "not created" (an unknown code, 604, ...) may hide a created order just as an
  // unsigned "created" may. A wrong API key gives unsigned answers too (code 4).
  if (!hashValid) {
    const signature = msg(parsed.hash === null ? 'net.notSigned' : 'net.otherKey')
    return {
      ...unknown(msg('net.unsigned', { host, what, code: parsed.errorCode, text: parsed.errorText.slice(0, 200), signature })),
      unsigned: { errorCode: parsed.errorCode, errorText: parsed.errorText.slice(0, 1000) }
    }
  }
  return {
    kind: 'answer',
    httpStatus: status,
    errorCode: parsed.errorCode,
    errorText: parsed.errorText,
    result: parsed.result,
    raw,
    hashValid
  }
}

interface ParsedAnswer {
  errorCode: number
  /** error_code exactly as received: the response hash is computed over this text. */
  codeText: string
  errorText: string
  result: unknown
  hash: string | null
}

export function parseAnswer(body: string): ParsedAnswer | null {
  let json: unknown
  try {
    json = JSON.parse(body.replace(/^\uFEFF/, ''))
  } catch {
    return null
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  const answer = json as Record<string, unknown>
  const code = answer['error_code']
  const text = answer['error_text']
  const hash = answer['hash']
  const codeText = typeof code === 'number' && Number.isSafeInteger(code) && code >= 0 ? String(code) : typeof code === 'string' && /^\d{1,9}$/.test(code) ? code : null
  if (codeText === null || typeof text !== 'string') return null
  return {
    errorCode: Number(codeText),
    codeText,
    errorText: text,
    result: answer['result'],
    hash: typeof hash === 'string' ? hash : null
  }
}

export function capRaw(body: string): string {
  return body.length > RAW_CAP ? body.slice(0, RAW_CAP) : body
}
