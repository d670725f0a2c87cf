// Test doubles for the sender: a discrete-event clock, a journal with one staged run in a temp
// folder, and a fake shop that answers CreateOrder, GetBills and getOrderDetails from its own
// small ledger, with scripted answers and faults.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { Journal } from '../../../electron/main/journal'
import type { Payload, StageOrderInput } from '../../../electron/main/journal'
import type { Clock } from '../../../electron/main/sender/clock'
import { readAnswer } from '../../../electron/main/api/answer-reader'

export const WALL_START = Date.UTC(2026, 0, 15, 9, 0, 0)

/** Virtual time that moves only when every sleeper is waiting: at each turn of the event loop
 * the earliest sleep ends and time jumps to it. Real waits never happen. */
export class FakeClock implements Clock {
  private t = 0
  private seq = 0
  private readonly timers: Array<{ at: number; seq: number; wake: () => void }> = []
  private ticking = false

  now(): number {
    return this.t
  }

  wall(): number {
    return WALL_START + Math.floor(this.t)
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const timer = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        wake: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = (): void => {
        const i = this.timers.indexOf(timer)
        if (i >= 0) this.timers.splice(i, 1)
        reject(signal!.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.timers.push(timer)
      this.kick()
    })
  }

  private kick(): void {
    if (this.ticking) return
    this.ticking = true
    setImmediate(() => this.tick())
  }

  private tick(): void {
    this.ticking = false
    if (this.timers.length === 0) return
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
    const next = this.timers.shift()!
    this.t = Math.max(this.t, next.at)
    next.wake()
    if (this.timers.length > 0) this.kick()
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export interface OrderSpec {
  email?: string
  goods?: Array<[string, string?]>
  tag?: string
  comment?: string
  created?: string
  /** A paid/cancelled/returned order: its UpdateOrderStatus step (issue 12). */
  status?: { status: 'paid' | 'cancel' | 'return'; date: number | null }
}

export function payloadOf(ordinal: number, spec: OrderSpec = {}): Payload {
  const payload: Payload = []
  ;(spec.goods ?? [['course-1', '1500']]).forEach(([name, sum], i) => {
    payload.push([`goods[${i}][good_name]`, name])
    if (sum !== undefined) payload.push([`goods[${i}][good_sum]`, sum])
  })
  payload.push(['bill_email', spec.email ?? `buyer${ordinal}@example.com`])
  if (spec.tag !== undefined) payload.push(['bill_tag', spec.tag])
  if (spec.comment !== undefined) payload.push(['bill_comment', spec.comment])
  if (spec.created !== undefined) payload.push(['bill_created', spec.created])
  return payload
}

export function stageInput(ordinal: number, spec: OrderSpec = {}): StageOrderInput {
  const payload = payloadOf(ordinal, { tag: `t-${ordinal}`, ...spec })
  return {
    ordinal,
    groupKey: null,
    fingerprint: sha256(JSON.stringify(payload)),
    payload,
    email: spec.email ?? `buyer${ordinal}@example.com`,
    rows: [{ sheetRow: ordinal + 1, cells: [ordinal] }],
    ...(spec.status === undefined ? {} : { status: spec.status })
  }
}

export interface TempJournal {
  journal: Journal
  runId: number
  /** Order ids in file order. */
  ids: number[]
  path: string
  cleanup: () => void
}

/** A journal in a fresh temp folder with one staged run of `count` orders (or the given specs). */
export function tempJournal(orders: number | OrderSpec[], now?: () => number): TempJournal {
  const dir = mkdtempSync(join(tmpdir(), 'orderbatch-sender-'))
  const path = join(dir, 'journal.sqlite')
  const journal = Journal.open(path, now === undefined ? {} : { now })
  const specs = typeof orders === 'number' ? Array.from({ length: orders }, () => ({})) : orders
  const run = journal.createRun({
    sourceName: 'orders.csv',
    sourceHash: sha256('orders'),
    sourceSize: 6,
    sheet: null,
    mapping: { version: 1 },
    settings: { rate: 1, concurrency: 1, apiBase: 'http://127.0.0.1:1/api/', login: 'demo' },
    destination: 'shop demo http://127.0.0.1:1/api/'
  })
  journal.stageOrders(run.id, specs.map((spec, i) => stageInput(i + 1, spec)))
  const ids = journal.ordersByState(run.id, ['pending'], { offset: 0, limit: specs.length }).map((order) => order.id)
  return {
    journal,
    runId: run.id,
    ids,
    path,
    cleanup: () => {
      journal.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** What the fake shop does with one CreateOrder call. */
export type FakeStep =
  | 'ok'
  | { code: number; text?: string; billId?: number }
  | 'not-sent'
  /** Created, then the answer is lost. */
  | 'drop-after-create'
  /** Not created, and the client cannot tell. */
  | 'unknown-before'
  | { throws: string }
  /** An answer of this code without a signature, read by the real answer reader; `creates`:
   * the shop did create the order (the answer came from something that does not sign). */
  | { unsigned: number; creates: boolean }

export interface ShopOrder {
  billId: number
  email: string
  goods: Array<{ name: string; sum: string }>
  tag: string
  comment: string
  created: number
}

export interface FakeShopOptions {
  clock: FakeClock
  latencyMs?: number
  /** Lookups fail with this outcome while set. */
  lookupFault?: CallOutcome | null
}

/** A shop behind a fake ApiClient: CreateOrder creates into `orders` unless a step says otherwise. */
export class FakeShop {
  readonly orders: ShopOrder[] = []
  readonly steps: FakeStep[] = []
  /** Every CreateOrder call: the payload and the virtual time it started. */
  readonly calls: Array<{ payload: Payload; at: number }> = []
  readonly lookups: string[] = []
  /** Every call in the order it started: 'create t-3', 'GetBills a@b.c', 'getOrderDetails 70001'. */
  readonly trace: string[] = []
  inFlight = 0
  maxInFlight = 0
  lookupFault: CallOutcome | null
  private nextBill = 70001

  constructor(private readonly options: FakeShopOptions) {
    this.lookupFault = options.lookupFault ?? null
  }

  /** A shop order made outside Orderbatch (an earlier purchase of the same customer). */
  seed(order: Omit<ShopOrder, 'billId'>): number {
    const billId = this.nextBill++
    this.orders.push({ ...order, billId })
    return billId
  }

  async createOrder(payload: Array<[string, string]>): Promise<CallOutcome> {
    this.calls.push({ payload, at: this.options.clock.now() })
    this.trace.push(`create ${payload.find(([key]) => key === 'bill_tag')?.[1] ?? '?'}`)
    this.inFlight += 1
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await this.options.clock.sleep(this.options.latencyMs ?? 0)
      const step = this.steps.shift() ?? 'ok'
      if (step === 'not-sent') return { kind: 'not-sent', reason: 'shop.test refused the connection. The CreateOrder request was not sent.' }
      if (step === 'unknown-before') return { kind: 'unknown', reason: 'No answer from shop.test; the server may have carried it out.' }
      if (typeof step === 'object' && 'throws' in step) throw new Error(step.throws)
      if (typeof step === 'object' && 'unsigned' in step) {
        if (step.creates) this.create(payload)
        const body = JSON.stringify({ error_code: step.unsigned, error_text: `error ${step.unsigned}`, result: [] })
        return readAnswer({ status: 200, location: null, body }, { what: 'CreateOrder', host: 'shop.test', secret: 'fake-shop-key' })
      }
      if (typeof step === 'object') return answer(step.code, step.text ?? `error ${step.code}`, step.code === 601 ? { bill_id: step.billId ?? 99001 } : [])
      const order = this.create(payload)
      if (step === 'drop-after-create') return { kind: 'unknown', reason: 'The connection to shop.test was cut after the request was sent (ECONNRESET); the server may have carried it out.' }
      return answer(0, 'ok', { bill_id: order.billId })
    } finally {
      this.inFlight -= 1
    }
  }

  async getBills(email: string): Promise<CallOutcome> {
    this.lookups.push(`GetBills ${email}`)
    this.trace.push(`GetBills ${email}`)
    await this.options.clock.sleep(this.options.latencyMs ?? 0)
    if (this.lookupFault !== null) return this.lookupFault
    const mine = this.orders.filter((order) => order.email.toLowerCase() === email.toLowerCase())
    if (mine.length === 0) return answer(400, 'order not found', [])
    const result: Record<string, Record<string, { good_name: string; good_title: string }>> = {}
    for (const order of mine) {
      result[String(order.billId)] = Object.fromEntries(order.goods.map((good, i) => [String(12001 + i), { good_name: good.name, good_title: good.name }]))
    }
    return answer(0, 'ok', result)
  }

  async getOrderDetails(billId: number): Promise<CallOutcome> {
    this.lookups.push(`getOrderDetails ${billId}`)
    this.trace.push(`getOrderDetails ${billId}`)
    await this.options.clock.sleep(this.options.latencyMs ?? 0)
    if (this.lookupFault !== null) return this.lookupFault
    const order = this.orders.find((o) => o.billId === billId)
    if (order === undefined) return answer(400, 'Order not found', [])
    return answer(0, 'ok', {
      id: String(order.billId),
      email: order.email,
      created: String(order.created),
      tag: order.tag,
      comment: order.comment,
      items: order.goods.map((good) => ({ id: good.name, title: good.name, sum: good.sum, price: good.sum }))
    })
  }

  /** How many shop orders carry this tag (I1: at most one per order of the sheet). */
  countTag(tag: string): number {
    return this.orders.filter((order) => order.tag === tag).length
  }

  /** CreateOrder calls made for the order with this tag. */
  callsFor(tag: string): number {
    return this.calls.filter((call) => call.payload.some(([key, value]) => key === 'bill_tag' && value === tag)).length
  }

  private create(payload: Array<[string, string]>): ShopOrder {
    const field = (key: string): string => payload.find(([k]) => k === key)?.[1] ?? ''
    const goods: ShopOrder['goods'] = []
    for (let i = 0; payload.some(([k]) => k === `goods[${i}][good_name]`); i++) {
      const sum = field(`goods[${i}][good_sum]`)
      goods.push({ name: field(`goods[${i}][good_name]`), sum: sum === '' ? '0.00' : Number(sum).toFixed(2) })
    }
    const created = field('bill_created')
    const order: ShopOrder = {
      billId: this.nextBill++,
      email: field('bill_email'),
      goods,
      tag: field('bill_tag'),
      comment: field('bill_comment'),
      created: created === '' ? Math.floor((WALL_START + this.options.clock.now()) / 1000) : Number(created)
    }
    this.orders.push(order)
    return order
  }
}

export function answer(code: number, text: string, result: unknown): CallOutcome {
  return { kind: 'answer', httpStatus: 200, errorCode: code, errorText: text, result, raw: JSON.stringify({ error_code: code, error_text: text, result }), hashValid: true }
}
