// What one CreateOrder call came to, and what the import must do about it. The table below is
// the only place that knows what each API code means; the journal and the UI read verdicts.
import { englishOf, msg, type Message } from '../i18n/message'
import { adviceKey } from './answer-advice-keys'

/** The result of one signed API call, as the client saw it on the wire. */
export type CallOutcome =
  | {
      kind: 'answer'
      httpStatus: number
      errorCode: number
      errorText: string
      result: unknown
      /** The response body as received, capped at 64 KB. */
      raw: string
      /** Whether the answer's md5(code::text::secret) matched. The client never returns an
       * 'answer' whose signature does not match (it is 'unknown' with `unsigned`), so this is
       * true for every answer from the wire; kept for the code that still checks it. */
      hashValid?: boolean
    }
  /** Refused before the request was written: DNS, refused, TLS, connect timeout. `tls`: the
   * certificate or the TLS set-up failed, a configuration problem that retrying cannot fix. */
  | { kind: 'not-sent'; reason: string; tls?: true; reasonMessage?: Message }
  /** The request may have been applied: never resend it automatically. */
  | {
      kind: 'unknown'
      reason: string
      /** The reason as a catalog key and values (reason is its English), when the client has one. */
      reasonMessage?: Message
      httpStatus?: number
      raw?: string
      /** A readable answer whose signature is missing or wrong: what it claimed, never trusted. */
      unsigned?: { errorCode: number; errorText: string }
    }

export type CreateOrderVerdict =
  /** Code 0, or 601 (the order already existed: `existed: true`). */
  | { state: 'succeeded'; billId: number; existed: boolean }
  /** The order was not created. `editable`: fixing the row's data is the way out;
   * `retryable`: sending the same data again may work. */
  | { state: 'failed'; code: number; text: string; editable: boolean; retryable: boolean; message: string }
  /** Codes 1-7: nothing will work until the settings or the account are fixed; the run stops. */
  | { state: 'stop'; code: number; text: string; message: string }
  /** Code 8: the API's request limit; pause the whole run, then send again. */
  | { state: 'backoff'; code: number; text: string }
  /** Never reached the server: stays pending and is retried with backoff, unless `stopRun`
   * (a TLS certificate error): then the run stops at once with that message, no retries. */
  | { state: 'retry'; reason: string; stopRun?: Message }
  /** May have been created: never resent automatically; reconcile first. `stopRun`: the run
   * stops too (answers cannot be authenticated: every further one would be unclear as well). */
  | { state: 'unknown'; reason: string; reasonMessage?: Message; stopRun?: Message }

export interface AnswerMeaning {
  /** The error_text the docs give for this code (the server's own text may differ). */
  documentedText: string
  meaning: string
  verdict: 'succeeded' | 'failed' | 'stop' | 'backoff'
  /** For 'failed' only. */
  editable?: boolean
  retryable?: boolean
  /** What the user should check or do, in plain words. */
  advice: string
}

const API_SETTINGS = 'the API settings page of your shop (Shop > Settings > API)'

/** Every CreateOrder code we know (api-research.md §2). Codes 1-8 are common to all functions. */
export const CREATE_ORDER_ANSWERS: Readonly<Record<number, AnswerMeaning>> = {
  0: {
    documentedText: 'ok',
    meaning: 'the order was created; its number is in result.bill_id',
    verdict: 'succeeded',
    advice: 'Nothing to do.'
  },
  1: {
    documentedText: 'not transferred hash',
    meaning: 'the request arrived without its signature',
    verdict: 'stop',
    advice:
      'The API received the request without its signature (hash). Something between this computer and the API ' +
      '(a proxy or firewall) is changing requests; try another network, and report it to us if it persists.'
  },
  2: {
    documentedText: 'no transmitted data',
    meaning: 'the request arrived with no data',
    verdict: 'stop',
    advice:
      'The API received no order data. Check that API access is enabled for your account (InfluencerSoft support ' +
      'enables it on request) and that no proxy or firewall empties requests.'
  },
  3: {
    documentedText: 'wrong posted data',
    meaning: 'the API could not read the posted data',
    verdict: 'stop',
    advice:
      'The API could not read the request. Check the API address in the settings (login and domain); if it is ' +
      'right, report this to us with the run log.'
  },
  4: {
    documentedText: 'incorrect hash',
    meaning: 'the request signature does not match the API key',
    verdict: 'stop',
    advice: `The API key or the login is wrong. Copy the API key again from ${API_SETTINGS} and check the login.`
  },
  5: {
    documentedText: 'invalid user name',
    meaning: 'the login is missing or unknown',
    verdict: 'stop',
    advice: 'The API does not know this login. Check the login in the settings (the first part of your shop address).'
  },
  6: {
    documentedText: 'permission denied for ip',
    meaning: 'the account does not accept API calls from this IP address',
    verdict: 'stop',
    advice: `The account refuses API calls from this computer's IP address. Allow it in ${API_SETTINGS}, or ask InfluencerSoft support.`
  },
  7: {
    documentedText: 'account disabled',
    meaning: 'the account is disabled',
    verdict: 'stop',
    advice: 'The InfluencerSoft account is disabled. Contact InfluencerSoft support, then resume the run.'
  },
  8: {
    documentedText: '(not documented)',
    meaning: 'the API request limit for this address is used up (or API functions are off for the account)',
    verdict: 'backoff',
    advice:
      'The API says too many requests came from this address. The run pauses and tries again later; if this ' +
      'keeps happening, ask InfluencerSoft support whether API access is enabled for your account.'
  },
  600: {
    documentedText: 'wrong email',
    meaning: "the customer's email was rejected",
    verdict: 'failed',
    editable: true,
    retryable: false,
    advice: "The shop rejected the customer's email (bill_email). Correct the email in this row, then send it again."
  },
  601: {
    documentedText: 'order already exist. his number send in result array.',
    meaning: 'the order already exists; its number is in result.bill_id',
    verdict: 'succeeded',
    advice: 'Nothing to do: the shop already has this order.'
  },
  602: {
    documentedText: 'error creating order',
    meaning: 'the shop could not create the order',
    verdict: 'failed',
    editable: false,
    retryable: true,
    advice: 'The shop could not create the order and gave no reason. Send it again later; if it fails again, check the order in the shop.'
  },
  603: {
    documentedText: 'missing products',
    meaning: 'the order has no goods',
    verdict: 'failed',
    editable: true,
    retryable: false,
    advice: 'The order has no goods. Map a product column to good_name (goods[1][good_name]) or fill it in this row.'
  },
  604: {
    documentedText: 'product not exist',
    meaning: 'a good_name is not a product id of the shop',
    verdict: 'failed',
    editable: true,
    retryable: false,
    advice:
      'A product (good_name) is not in the shop. Use the product ID exactly as in the shop settings, or create ' +
      'the product first.'
  },
  605: {
    documentedText: 'not having any data for delivery products',
    meaning: 'delivery data is missing for goods that are shipped',
    verdict: 'failed',
    editable: true,
    retryable: false,
    advice:
      'The goods are shipped by mail and delivery data is missing. Fill in first name, surname, country, city ' +
      'and address (bill_first_name, bill_surname, bill_country, bill_city, bill_address).'
  }
}

/** Decides what one CreateOrder outcome means for its row. */
export function classifyCreateOrder(outcome: CallOutcome): CreateOrderVerdict {
  if (outcome.kind === 'not-sent') {
    if (outcome.tls !== true) return { state: 'retry', reason: outcome.reason }
    return {
      state: 'retry',
      reason: outcome.reason,
      stopRun: msg('stop.tls', { reason: outcome.reasonMessage ?? outcome.reason })
    }
  }
  if (outcome.kind === 'unknown') {
    if (outcome.unsigned === undefined) return { state: 'unknown', reason: outcome.reason }
    return { state: 'unknown', reason: outcome.reason, stopRun: unsignedStopMessage(outcome.unsigned.errorCode, outcome.unsigned.errorText) }
  }

  const { errorCode: code, errorText: text } = outcome
  const known = CREATE_ORDER_ANSWERS[code]
  if (known === undefined) return unrecognized(code, text)

  switch (known.verdict) {
    case 'succeeded':
      return succeeded(outcome, code)
    case 'stop':
      return { state: 'stop', code, text, message: `The API answered "${text}" (code ${code}). ${known.advice}` }
    case 'backoff':
      return { state: 'backoff', code, text }
    case 'failed':
      return {
        state: 'failed',
        code,
        text,
        editable: known.editable === true,
        retryable: known.retryable === true,
        message: `The API answered "${text}" (code ${code}). ${known.advice}${productHint(code, outcome.result)}`
      }
  }
}

/** An answer without a valid signature, whatever its code: the order is unclear and the run
 * stops, since no further answer could be checked either. */
export function unsignedStopMessage(code: number, text: string): Message {
  const known = CREATE_ORDER_ANSWERS[code]
  const key = adviceKey(code)
  const advice = known !== undefined && known.verdict === 'stop' ? (key !== undefined ? msg(key) : msg('error.asIs', { text: known.advice })) : msg('stop.checkKey')
  return msg('stop.unsigned', { text: text.slice(0, 200), code, advice })
}

function succeeded(outcome: Extract<CallOutcome, { kind: 'answer' }>, code: number): CreateOrderVerdict {
  // The response hash covers only code and text: a success we cannot authenticate, or one
  // without an order number, may still have created an order, so it is never resent.
  if (outcome.hashValid === false) {
    const reasonMessage = msg('verdict.signatureMismatch', { code })
    return { state: 'unknown', reason: englishOf(reasonMessage), reasonMessage }
  }
  const billId = billIdOf(outcome.result)
  if (billId === null) {
    const reasonMessage = msg('verdict.noBillId', { code, text: outcome.errorText })
    return { state: 'unknown', reason: englishOf(reasonMessage), reasonMessage }
  }
  return { state: 'succeeded', billId, existed: code === 601 }
}

function unrecognized(code: number, text: string): CreateOrderVerdict {
  // CreateOrder reports success only as 0 or 601: any other code means the order was not
  // created, and since we do not know why, sending it again is allowed.
  return {
    state: 'failed',
    code,
    text,
    editable: false,
    retryable: true,
    message: `The API answered "${text}" (code ${code}), a code Orderbatch does not know. The order was not created; read the API's text, fix the row if it points at its data, then send it again.`
  }
}

/** The order number from result.bill_id: a positive integer, possibly sent as a digit string. */
export function billIdOf(result: unknown): number | null {
  if (typeof result !== 'object' || result === null) return null
  const value = (result as Record<string, unknown>)['bill_id']
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}

/** For 604 the API "returns the product's ID" somewhere in the answer: quote it when we see it. */
function productHint(code: number, result: unknown): string {
  const names = productNames(code, result)
  return names.length > 0 ? ` The API names: ${names.join(', ')}.` : ''
}

/** What a 604 answer names (the products it did not know), as the API gave them. */
export function productNames(code: number, result: unknown): string[] {
  return code === 604 ? scalarsOf(result).slice(0, 5) : []
}

function scalarsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.slice(0, 100)]
  if (typeof value === 'number') return [String(value)]
  if (typeof value !== 'object' || value === null) return []
  return Object.values(value).flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? scalarsOf(v) : []))
}
