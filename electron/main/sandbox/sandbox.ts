// A local stand-in for the InfluencerSoft API 1.0 service: the same paths, signature check,
// answer codes and texts, plus latency, random failures, a rate limit and transport faults on
// demand, over a ledger of the orders it created.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { ANSWERS, type Answer } from './answers'
import { SandboxCatalog, type SandboxProduct } from './catalog'
import { createOrder } from './create-order'
import { Delays } from './delays'
import { isBeforeFault, type SandboxFault } from './faults'
import { SandboxLedger } from './ledger'
import { deleteOrder, getBills, getOrderDetails, getOrdersWithGoods } from './lookups'
import type { Posted } from './posted'
import { RateLimiter } from './rate-limiter'
import { readBody } from './read-body'
import { deliverAnswer, sendHtmlError } from './replies'
import { matchRoute, type ApiFunction, type Route } from './routes'
import { checkSignedRequest, isFormBody } from './signed-request'
import { updateOrderStatus } from './update-status'

export type { SandboxFault } from './faults'
export type { LedgerGood, LedgerOrder, SandboxLedger } from './ledger'
export type { ApiFunction } from './routes'
export type { SandboxProduct } from './catalog'

export interface SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** 0 or absent: a free port. */
  port?: number
  account: string
  secret: string
  /** Delay before every answer. */
  latencyMs?: number
  /** Extra delay, uniformly up to this, drawn from random(). */
  jitterMs?: number
  /** 0..1: this fraction of otherwise valid CreateOrder requests answers 602 without creating. */
  failRate?: number
  /** Requests per second per client address; 0 or absent: no limit. Above it: code 8. */
  rateLimit?: number
  /** The shop's products (names, or with ids, titles, prices and types): GetAllGoods lists them
   * and any other good_name answers 604. Absent: any product is accepted and GetAllGoods
   * answers 700 "no products". */
  products?: ReadonlyArray<string | SandboxProduct>
  /** SQLite file for the ledger; default ':memory:'. */
  ledgerPath?: string
  /** Bill id of the first order in an empty ledger; default a random multiple of 10000, plus 1. */
  firstBillId?: number
  now?: () => number
  random?: () => number
  /** Called once per API request after its answer (or fault) went out; for logging. */
  onAnswer?: (event: SandboxEvent) => void
}

export interface SandboxEvent {
  fn: ApiFunction
  /** The answer's error_code; null when no JSON answer was produced (a "before" fault). */
  code: number | null
  text: string
  fault?: SandboxFault
  billId?: number
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT/api/ */
  baseUrl: string
  port: number
  ledger: SandboxLedger
  /** Queued for the next CreateOrder requests, one each, in order. */
  injectFaults(faults: SandboxFault[]): void
  /** How many CreateOrder requests arrived, whatever happened to them. */
  requests(): number
  /** How many UpdateOrderStatus requests arrived (signed ones; each changes at most one order). */
  statusRequests(): number
  /** Ends hanging requests, stops every timer and closes the ledger. */
  close(): Promise<void>
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  checkOptions(options)
  const host = options.host ?? '127.0.0.1'
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const ledger = new SandboxLedger(options.ledgerPath ?? ':memory:', options.firstBillId ?? 100_001 + Math.floor(Math.random() * 90) * 10_000)
  const limiter = new RateLimiter(options.rateLimit ?? 0, now)
  const products = options.products ? new SandboxCatalog(options.products) : undefined
  const faults: SandboxFault[] = []
  const delays = new Delays()
  let createRequests = 0
  let statusRequests = 0
  let closed = false
  let closing: Promise<void> | undefined

  const pause = (): Promise<void> => {
    const jitter = options.jitterMs ?? 0
    return delays.wait((options.latencyMs ?? 0) + (jitter > 0 ? random() * jitter : 0))
  }

  const dispatch = (route: Route, data: Posted, body: string): Answer => {
    switch (route.fn) {
      case 'CreateOrder':
        return createOrder(data, body, { ledger, products, failRate: options.failRate ?? 0, random, now })
      case 'GetBills':
        return getBills(data, ledger)
      case 'getOrderDetails':
        return getOrderDetails(data, ledger, products)
      case 'getOrdersWithGoods':
        return getOrdersWithGoods(data, ledger, now(), products)
      case 'DeleteOrder':
        return deleteOrder(data, ledger)
      case 'GetAllGoods':
        return (products ?? new SandboxCatalog([])).answer()
      case 'UpdateOrderStatus':
        statusRequests += 1
        return updateOrderStatus(data, ledger)
    }
  }

  // The order of the general checks: the address limit, then the account, then the signature.
  const answerFor = (route: Route, req: IncomingMessage, body: string): Answer => {
    if (!limiter.allow(req.socket.remoteAddress ?? '')) return ANSWERS.rateLimit
    if (route.login !== undefined && route.login.toLowerCase() !== options.account.toLowerCase()) return ANSWERS.badLogin
    const form = req.method === 'POST' && isFormBody(req.headers['content-type'])
    const checked = checkSignedRequest(form ? body : '', options.account, options.secret)
    return checked.ok ? dispatch(route, checked.data, body) : checked.answer
  }

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    if (closed) return
    const route = matchRoute(req.url)
    if (!route) return sendHtmlError(res, 404)
    if (body === 'too-large') return sendHtmlError(res, 413)
    const fault = route.fn === 'CreateOrder' ? nextCreateOrderFault() : undefined
    if (fault === 'reset-before') {
      req.socket.resetAndDestroy()
      return report(route.fn, undefined, fault)
    }
    const answer = isBeforeFault(fault) ? undefined : answerFor(route, req, body)
    await pause()
    if (closed) return
    deliverAnswer(res, answer, fault, options.secret)
    report(route.fn, answer, fault)
  }

  const report = (fn: ApiFunction, answer: Answer | undefined, fault: SandboxFault | undefined): void => {
    if (!options.onAnswer) return
    const billId = billIdOf(answer)
    options.onAnswer({
      fn,
      code: answer?.code ?? null,
      text: answer?.text ?? '',
      ...(fault ? { fault } : {}),
      ...(billId === undefined ? {} : { billId })
    })
  }

  const nextCreateOrderFault = (): SandboxFault | undefined => {
    createRequests += 1
    return faults.shift()
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      // A client that left mid-request, or a request cut short by close(): nothing to answer.
      if (closed || res.headersSent || res.destroyed) return
      const message = error instanceof Error ? error.message : String(error)
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Sandbox error: ${message}\n`)
    })
  })

  try {
    await listen(server, options.port ?? 0, host)
  } catch (error) {
    ledger.close()
    throw error
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)

  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api/`,
    port,
    ledger,
    injectFaults: (next) => {
      faults.push(...next)
    },
    requests: () => createRequests,
    statusRequests: () => statusRequests,
    close: () => {
      if (!closing) {
        closed = true
        delays.cancelAll()
        closing = new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        }).then(() => ledger.close())
      }
      return closing
    }
  }
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function billIdOf(answer: Answer | undefined): number | undefined {
  const result = answer?.result
  if (!result || typeof result !== 'object' || Array.isArray(result)) return undefined
  const billId = result.bill_id
  return typeof billId === 'number' ? billId : undefined
}

function checkOptions(options: SandboxOptions): void {
  if (!options.account) throw new Error('The sandbox needs an account login.')
  if (!options.secret) throw new Error('The sandbox needs a secret key to sign with.')
  const failRate = options.failRate ?? 0
  if (!(failRate >= 0 && failRate <= 1)) throw new Error(`failRate must be between 0 and 1, not ${failRate}.`)
  for (const [name, value] of [['latencyMs', options.latencyMs], ['jitterMs', options.jitterMs], ['rateLimit', options.rateLimit]] as const) {
    if (value !== undefined && !(value >= 0)) throw new Error(`${name} must be 0 or more, not ${value}.`)
  }
}
