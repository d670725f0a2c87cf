// The sender against the in-process sandbox: real HTTP, real journal files, and the invariants
// of reliability.md §5.2 checked against the sandbox's ledger.
import { afterEach, expect } from 'vitest'
import { ApiClient } from '../../../electron/main/api/api-client'
import type { ApiClientOptions } from '../../../electron/main/api/api-client'
import { startSandbox } from '../../../electron/main/sandbox/sandbox'
import type { Sandbox, SandboxOptions } from '../../../electron/main/sandbox/sandbox'
import { Journal } from '../../../electron/main/journal'
import { sendRun } from '../../../electron/main/sender/send-run'
import type { SendEvent, SenderDeps, SendOptions, SendResult } from '../../../electron/main/sender/send-run'
import { tempJournal } from '../../unit/sender/fixtures'
import type { OrderSpec, TempJournal } from '../../unit/sender/fixtures'

export const ACCOUNT = 'demo'
export const SECRET = 'sender-test-secret-7f3a'

/** Short timeouts: a hanging answer becomes 'unknown' quickly. */
export const FAST_TIMEOUTS = { connectTimeoutMs: 1000, headersTimeoutMs: 400, bodyTimeoutMs: 1000 }

export function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ account: ACCOUNT, secret: SECRET, ...options })
}

/** A test's sandbox shop and staged journal; both are closed and removed after each test. */
export interface SenderScene {
  /** Starts the sandbox, then stages `orders` as one run in a journal in a fresh temp folder. */
  start(orders: number | OrderSpec[], options?: Partial<SandboxOptions>): Promise<{ sandbox: Sandbox; t: TempJournal }>
  /** Opens again a staged journal that was closed for a child process to send from; the scene
   * cleans up the reopened one in its place. */
  reopen(staged: TempJournal): TempJournal
}

/** Registers the teardown in the calling test file: call it once, at the top level. */
export function useSenderScene(): SenderScene {
  let sandbox: Sandbox | undefined
  let t: TempJournal | undefined
  afterEach(async () => {
    t?.cleanup()
    t = undefined
    await sandbox?.close()
    sandbox = undefined
  })
  return {
    async start(orders, options = {}) {
      sandbox = await startTestSandbox(options)
      t = tempJournal(orders)
      return { sandbox, t }
    },
    reopen(staged) {
      const journal = Journal.open(staged.path)
      t = { ...staged, journal, cleanup: () => { journal.close(); staged.cleanup() } }
      return t
    }
  }
}

export function clientFor(baseUrl: string, options: Partial<ApiClientOptions> = {}): ApiClient {
  return new ApiClient({ baseUrl, login: ACCOUNT, secret: SECRET, ...FAST_TIMEOUTS, ...options })
}

export interface Sent {
  result: SendResult
  events: SendEvent[]
}

export async function sendAll(t: TempJournal, client: SenderDeps['client'], options: Partial<SendOptions> = {}): Promise<Sent> {
  const events: SendEvent[] = []
  const handle = sendRun(t.runId, { journal: t.journal, client }, { rate: 200, concurrency: 1, settleMs: 50, onEvent: (e) => events.push(e), ...options })
  return { result: await handle.done, events }
}

/** A client that counts CreateOrder requests in flight and records when each started. */
export class CountingClient {
  inFlight = 0
  maxInFlight = 0
  readonly starts: number[] = []

  constructor(private readonly inner: SenderDeps['client']) {}

  async createOrder(params: Array<[string, string]>) {
    this.starts.push(performance.now())
    this.inFlight += 1
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      return await this.inner.createOrder(params)
    } finally {
      this.inFlight -= 1
    }
  }

  getBills(email: string) {
    return this.inner.getBills(email)
  }

  getOrderDetails(billId: number) {
    return this.inner.getOrderDetails(billId)
  }
}

export interface InvariantOptions {
  /** Orders that may be unknown at the end (the user is asked about them). */
  allowUnknown?: boolean
}

/** I1-I4 and I7 of reliability.md §5.2, for orders tagged t-<ordinal> (see stageInput). */
export function checkInvariants(t: TempJournal, sandbox: Sandbox, options: InvariantOptions = {}): void {
  const { journal, runId, ids } = t
  const orders = ids.map((id) => journal.getOrder(id)!)
  const ledger = sandbox.ledger.orders().filter((o) => !o.deleted)
  const byTag = new Map<string, number[]>()
  for (const entry of ledger) byTag.set(entry.tag, [...(byTag.get(entry.tag) ?? []), entry.bill_id])

  // I1: at most one shop order per order of the sheet.
  for (const [tag, bills] of byTag) expect(bills, `shop orders tagged ${tag}`).toHaveLength(1)
  // I2: every staged order is in exactly one state, none left sending, none lost.
  const counts = journal.runCounts(runId)
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ids.length)
  expect(counts.sending).toBe(0)
  if (options.allowUnknown !== true) expect(counts.unknown).toBe(0)
  for (const order of orders) {
    const tag = order.payload.find(([key]) => key === 'bill_tag')?.[1] ?? ''
    const bills = byTag.get(tag) ?? []
    if (order.state === 'succeeded' && !order.existed) {
      // I3: a created order's bill is in the ledger with the same marker.
      expect(bills, `order #${order.ordinal}`).toEqual([order.billId])
    }
    // I4: every shop order maps to an order the journal knows may exist.
    if (bills.length > 0) expect(['succeeded', 'unknown'], `order #${order.ordinal}`).toContain(order.state)
    if (order.state === 'pending' || order.state === 'failed') expect(bills, `order #${order.ordinal}`).toEqual([])
  }
  // I7: the journal file is sound.
  expect(journal.integrityCheck()).toEqual([])
}
