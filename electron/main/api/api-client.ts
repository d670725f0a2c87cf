// The signed InfluencerSoft (JustClick) API 1.0 client. Each call is one POST on one fresh
// connection; nothing here ever sends a request twice. The body on the wire is exactly the
// signed query plus '&hash=…', the string the signature was computed over.
import { englishOf, msg, type Localized, type Message } from '#shared/i18n/message'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import type { PhpArray, PhpValue } from '#shared/wire/php-value'
import { signedBody } from '#shared/wire/signature'
import { capRaw, readAnswer } from './answer-reader'
import { checkLogin } from './api-base'
import { postOnce } from './http-post'
import { orderRangeParams } from './order-range'
import type { DateRange } from './order-range'

export { parseBills, parseOrderDetails, parseOrdersWithGoods, ApiShapeError } from './lookup-parsers'
export type { BillGoods, OrderDetails, OrderItem } from './lookup-parsers'
export { MAX_RANGE_DAYS } from './order-range'

export interface ApiClientOptions {
  /** From apiBaseUrl(); function names are appended to it. */
  baseUrl: string
  login: string
  /** The API key. Used only to sign and to check answers; never logged or sent. */
  secret: string
  /** Until the connection is up (DNS, TCP, TLS). Default 10 s. */
  connectTimeoutMs?: number
  /** From the connection being up to the answer's headers. Default 30 s. */
  headersTimeoutMs?: number
  /** From the headers to the end of the answer. Default 30 s. */
  bodyTimeoutMs?: number
  /** Failpoints for crash tests. They run synchronously and must not throw; if one does, the
   * call ends 'unknown' (the request was already on its way). */
  hooks?: {
    /** The whole request has been handed to the network; no answer has been read yet. */
    afterWrite?: () => void
    /** A complete answer arrived (raw body, capped); it has not been interpreted yet. */
    afterAnswer?: (raw: string) => void
  }
}

/** No API answer comes near this; a larger one is not an answer. */
const MAX_BODY_BYTES = 32 * 1024 * 1024
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/

export class ApiClientError extends Error implements Localized {
  override name = 'ApiClientError'
  readonly localized?: Message

  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : englishOf(message))
    if (typeof message !== 'string') this.localized = message
  }
}

export class ApiClient {
  // ES private fields: the key stays out of JSON.stringify and console.log of the client.
  readonly #baseUrl: URL
  readonly #options: ApiClientOptions

  constructor(options: ApiClientOptions) {
    this.#baseUrl = parseBaseUrl(options.baseUrl)
    checkLogin(options.login)
    if (typeof options.secret !== 'string' || options.secret.length === 0) {
      throw new ApiClientError(msg('connection.error.emptyKey'))
    }
    for (const key of ['connectTimeoutMs', 'headersTimeoutMs', 'bodyTimeoutMs'] as const) {
      const value = options[key]
      if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
        throw new ApiClientError(`The API client option ${key} must be a positive number of milliseconds.`)
      }
    }
    this.#options = options
  }

  /** A generic signed call. An array of [key, value] string pairs is sent in its order, as
   * flat keys ('goods[0][good_name]'); anything else is a PHP array as http_build_query sees it. */
  async call(fn: string, params: PhpArray | Array<[string, string]>): Promise<CallOutcome> {
    if (!FUNCTION_NAME.test(fn)) throw new ApiClientError(`"${fn.slice(0, 40)}" is not an API function name.`)
    const { body } = signedBody(toPhpArray(params), this.#options.login, this.#options.secret)
    const url = new URL(fn, this.#baseUrl)
    const { afterWrite, afterAnswer } = this.#options.hooks ?? {}
    const exchange = await postOnce({
      url,
      body,
      what: fn,
      connectTimeoutMs: this.#options.connectTimeoutMs ?? 10_000,
      headersTimeoutMs: this.#options.headersTimeoutMs ?? 30_000,
      bodyTimeoutMs: this.#options.bodyTimeoutMs ?? 30_000,
      maxBodyBytes: MAX_BODY_BYTES,
      ...(afterWrite === undefined ? {} : { onFlushed: afterWrite })
    })
    if (exchange.kind !== 'response') return this.#scrub(exchange)
    const raw = capRaw(exchange.body)
    try {
      afterAnswer?.(raw)
    } catch {
      const reasonMessage = msg('net.notRead', { what: fn, host: url.host })
      return this.#scrub({ kind: 'unknown', reason: englishOf(reasonMessage), reasonMessage, httpStatus: exchange.status, raw })
    }
    const outcome = readAnswer(exchange, { what: fn, host: url.host, secret: this.#options.secret })
    return this.#scrub(outcome)
  }

  /** CreateOrder with the order's fields in sending order (see shared/field-keys.ts). */
  createOrder(params: Array<[string, string]>): Promise<CallOutcome> {
    return this.call('CreateOrder', params)
  }

  /** All orders of a customer, by email (parse the result with parseBills). */
  getBills(email: string): Promise<CallOutcome> {
    return this.call('GetBills', [['email', email]])
  }

  /** One order (parse the result with parseOrderDetails; code 400 means not found). */
  getOrderDetails(billId: number): Promise<CallOutcome> {
    return this.call('getOrderDetails', [['bill_id', billIdText(billId)]])
  }

  /** Orders created in a window of whole UTC days, at most MAX_RANGE_DAYS long (parse the
   * result with parseOrdersWithGoods). */
  getOrdersWithGoods(range: DateRange): Promise<CallOutcome> {
    return this.call('getOrdersWithGoods', orderRangeParams(range))
  }

  /** The shop's products; no parameters, so the body is only the hash (parse the result with
   * parseAllGoods; code 700 means the shop has no products). */
  getAllGoods(): Promise<CallOutcome> {
    return this.call('GetAllGoods', [])
  }

  /** Marks an order paid, sent, returned or cancelled; `date` (unix seconds) is required for paid
   * and sent. Codes 200-203 (and 302/303) are its refusals. */
  updateOrderStatus(billId: number, status: 'paid' | 'sent' | 'return' | 'cancel', date?: number, rpo?: string): Promise<CallOutcome> {
    const params: Array<[string, string]> = [['bill_id', billIdText(billId)], ['status', status]]
    if (date !== undefined) params.push(['date', String(date)])
    if (rpo !== undefined) params.push(['rpo', rpo])
    return this.call('UpdateOrderStatus', params)
  }

  deleteOrder(billId: number): Promise<CallOutcome> {
    return this.call('DeleteOrder', [['bill_id', billIdText(billId)]])
  }

  /** Messages are built without the key; this guards against a future message that is not. */
  #scrub(outcome: CallOutcome): CallOutcome {
    const { secret } = this.#options
    if (outcome.kind === 'answer' || secret.length < 6 || !outcome.reason.includes(secret)) return outcome
    // The reason's message is dropped too: its values held the key.
    const { reasonMessage: _dropped, ...rest } = outcome
    return { ...rest, reason: outcome.reason.split(secret).join('[API key]') }
  }
}

function parseBaseUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ApiClientError(`The API address "${String(text).slice(0, 100)}" is not a valid URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiClientError('The API address must start with https:// (or http:// for a local test server).')
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  return url
}

function billIdText(billId: number): string {
  if (!Number.isSafeInteger(billId) || billId <= 0) throw new ApiClientError(`The order number ${billId} is not a positive whole number.`)
  return String(billId)
}

function toPhpArray(params: PhpArray | Array<[string, string]>): PhpArray {
  if (!isPairs(params)) return params
  const map = new Map<string, PhpValue>()
  for (const [key, value] of params) {
    // PHP keeps the last of two equal keys, at the first one's place: the server would not see
    // what was signed as sent, so this is a bug in the caller.
    if (map.has(key)) throw new ApiClientError(`The API parameter "${key}" is given twice.`)
    map.set(key, value)
  }
  return map
}

function isPairs(params: PhpArray | Array<[string, string]>): params is Array<[string, string]> {
  return (
    Array.isArray(params) &&
    params.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string')
  )
}
