// Starting and continuing a run, the decisions both front-ends take from ops/run.ts and
// ops/run-status.ts: what an import would send, why it would send nothing, whether and where a run
// may go on, at what pace, and which run is "the latest unfinished". Journal stand-ins keep each
// case to what it is about (the sending itself is covered by the parity and front-end tests).
import { describe, expect, it } from 'vitest'
import { fingerprintOf, planImport } from '#shared/plan/import-plan'
import { SANDBOX_DESTINATION, UNKNOWN_DESTINATION, shopDestination } from '#shared/run/destination'
import type { OrderRecord, OrderState, RunRecord } from '../../../electron/main/journal'
import { OpError } from '../../../electron/main/ops/op-error'
import { checkResumable, checkSameDestination, nothingToSend, resumePace, sendPlan, sentToSandbox, workLeft } from '../../../electron/main/ops/run'
import { findRun, latestUnfinished, ordersInState, runStatus } from '../../../electron/main/ops/run-status'
import { NOW, mapping, sheet } from '../orders/helpers'

const SHOP_A = shopDestination('shopa', 'https://shopa.example.com/api/')
const SHOP_B = shopDestination('shopb', 'https://shopb.example.com/api/')

function run(id: number, parts: Partial<RunRecord> = {}): RunRecord {
  return {
    id, createdAt: NOW, sourceName: 'orders.csv', sourceHash: 'ab', sourceSize: 10, sheet: null, mapping: null,
    settings: { rate: 2, concurrency: 3, apiBase: 'https://shopa.example.com/api/', login: 'shopa' },
    destination: SHOP_A, status: 'paused', finishedAt: null, note: null, ...parts
  }
}

function counts(parts: Partial<Record<OrderState, number>>): Record<OrderState, number> {
  return { pending: 0, sending: 0, succeeded: 0, failed: 0, unknown: 0, skipped: 0, ...parts }
}

function thrown(action: () => void): OpError {
  try {
    action()
  } catch (error) {
    if (error instanceof OpError) return error
    throw error
  }
  throw new Error('expected an OpError')
}

describe('what an import would send', () => {
  const plan = planImport(
    sheet(['Email', 'Product', 'Price'], [['a@example.com', 'course', '10'], ['not an e-mail', 'course', '10'], ['c@example.com', 'book', '5']]),
    mapping(),
    { now: NOW }
  )
  const [first, , third] = plan.orders

  it('leaves out the orders with errors and the ones created before at the same destination', () => {
    const created = new Map([[`${fingerprintOf(third!)}|${SHOP_A}`, { runId: 4, billId: 77 }]])
    const journal = { findCreated: (fingerprint: string, destination: string) => created.get(`${fingerprint}|${destination}`) ?? null }
    const atA = sendPlan(journal, plan.orders, { force: false, destination: SHOP_A })
    expect(atA.valid.map((o) => o.index)).toEqual([first!.index, third!.index])
    expect(atA.rejected.map((o) => o.index)).toEqual([2])
    expect(atA.alreadyCreated).toEqual([{ order: third, runId: 4, billId: 77 }])
    expect(atA.toSend).toBe(1)
    expect(sendPlan(journal, plan.orders, { force: false, destination: SHOP_B }).toSend).toBe(2)
    expect(sendPlan(journal, plan.orders, { force: true, destination: SHOP_A })).toMatchObject({ alreadyCreated: [], toSend: 2 })
  })

  it('says why nothing would be sent', () => {
    expect(nothingToSend(1, 5)).toBeNull()
    expect(nothingToSend(0, 2)).toBe('all-created')
    expect(nothingToSend(0, 0)).toBe('all-invalid')
  })
})

describe('continuing a run', () => {
  it('refuses a cancelled run with a typed error, and nothing else', () => {
    const error = thrown(() => checkResumable(run(3, { status: 'cancelled' })))
    expect(error).toMatchObject({ code: 'invalid-state', params: { runId: 3, status: 'cancelled' } })
    expect(error.message).toBe('run 3 was cancelled for good; import the file again instead.')
    for (const status of ['staged', 'running', 'paused', 'stopped', 'finished'] as const) expect(() => checkResumable(run(3, { status }))).not.toThrow()
  })

  it('goes on only where the run was sent, unless it went to the sandbox or to an unrecorded place', () => {
    expect(() => checkSameDestination(run(1), SHOP_A)).not.toThrow()
    const error = thrown(() => checkSameDestination(run(1), SHOP_B))
    expect(error).toMatchObject({ code: 'invalid-input', params: { runId: 1, sentTo: SHOP_A, asked: SHOP_B } })
    expect(error.message).toMatch(/^run 1 was sent to the account "shopa" at .*, not to the account "shopb" at .*\. Continue it with that account and address;/)
    expect(() => checkSameDestination(run(1, { destination: UNKNOWN_DESTINATION }), SHOP_B)).not.toThrow()
    expect(() => checkSameDestination(run(1, { destination: SANDBOX_DESTINATION }), SHOP_B)).not.toThrow()
    expect(sentToSandbox(run(1, { destination: SANDBOX_DESTINATION }))).toBe(true)
    expect(sentToSandbox(run(1, { mapping: { source: { headers: ['Email'], headerRow: 1, format: 'csv', sandbox: true } } }))).toBe(true)
    expect(sentToSandbox(run(1))).toBe(false)
  })

  it('keeps the run\'s pace unless a new one is given', () => {
    expect(resumePace(run(1))).toEqual({ rate: 2, concurrency: 3 })
    expect(resumePace(run(1), { rate: 50 })).toEqual({ rate: 50, concurrency: 3 })
    expect(resumePace(run(1), { rate: 50, concurrency: 1 })).toEqual({ rate: 50, concurrency: 1 })
  })

  it('counts what is left: waiting and cut off in flight to send, unclear to look up first', () => {
    expect(workLeft(counts({ pending: 4, sending: 1, unknown: 2, failed: 9, succeeded: 9 }))).toEqual({ toSend: 5, unclear: 2, left: 7 })
    expect(workLeft(counts({ failed: 1, succeeded: 3, skipped: 2 }))).toEqual({ toSend: 0, unclear: 0, left: 0 })
  })
})

describe('a run\'s status', () => {
  const runs = [
    run(5, { status: 'finished' }),
    run(4, { status: 'cancelled', destination: SANDBOX_DESTINATION }),
    run(3, { status: 'stopped', destination: SANDBOX_DESTINATION }),
    run(2, { status: 'paused' }),
    run(1, { status: 'staged', destination: SANDBOX_DESTINATION })
  ]
  const journal = {
    listRuns: () => runs,
    latestRun: () => runs[0] ?? null,
    getRun: (id: number) => runs.find((r) => r.id === id) ?? null,
    runCounts: () => counts({ succeeded: 3, failed: 1, unknown: 1 })
  }

  it('finds the latest unfinished run of the sandbox or of a shop, and the latest or a named run', () => {
    expect(latestUnfinished(journal, true)?.id).toBe(3)
    expect(latestUnfinished(journal, false)?.id).toBe(2)
    expect(latestUnfinished({ listRuns: () => [runs[0]!, runs[1]!] }, true)).toBeNull()
    expect(findRun(journal)?.id).toBe(5)
    expect(findRun(journal, 2)?.id).toBe(2)
    expect(findRun(journal, 9)).toBeNull()
  })

  it('counts the orders and totals them', () => {
    expect(runStatus(journal, runs[0]!)).toMatchObject({ sandbox: false, total: 5, counts: { succeeded: 3, failed: 1, unknown: 1 } })
  })

  it('lists the orders in a state with their rows, at most as many as asked', () => {
    const orders = [1, 2, 3].map((ordinal) => ({ id: ordinal * 10, ordinal }) as OrderRecord)
    const store = {
      *orders() {
        yield* orders
      },
      orderRows: (orderId: number) => [{ orderId, sheetRow: orderId + 1, cells: [] }]
    }
    expect(ordersInState(store, 1, 'failed').map(({ order, rows }) => [order.ordinal, rows])).toEqual([[1, [11]], [2, [21]], [3, [31]]])
    expect(ordersInState(store, 1, 'failed', 2)).toHaveLength(2)
  })
})
