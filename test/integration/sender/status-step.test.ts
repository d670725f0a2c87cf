// Paid, cancelled and returned orders against the sandbox (issue 12 §2): CreateOrder, then
// UpdateOrderStatus as a second journaled step; the sandbox's ledger shows the status and the
// payment date. Crashes between the two steps and during the second are resumed without marking
// an order twice; a failed status step is retried alone.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../electron/main/api/api-client'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { requeueStatusSteps } from '../../../electron/main/ops/status-steps'
import { SECRET, clientFor, sendAll, useSenderScene } from './helpers'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url))
const scene = useSenderScene()

const PAID_AT = 1_710_496_800

const ORDERS = [
  { status: { status: 'paid' as const, date: PAID_AT } },
  {},
  { status: { status: 'cancel' as const, date: null } },
  { status: { status: 'return' as const, date: null } },
  { status: { status: 'paid' as const, date: PAID_AT + 60 } }
]

function runChild(args: string[], failpoint: string): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ORDERBATCH_FAILPOINT: failpoint, ORDERBATCH_TEST_SECRET: SECRET },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.on('exit', (_code, signal) => resolve({ signal, stderr }))
  })
}

describe('the status step against the sandbox', () => {
  it('creates every order once and marks the paid, cancelled and returned ones, with the payment date', async () => {
    const { sandbox, t } = await scene.start(ORDERS)
    const { result, events } = await sendAll(t, clientFor(sandbox.baseUrl))
    expect(result.outcome).toBe('finished')
    expect(result.counts).toMatchObject({ succeeded: 5 })
    const ledger = sandbox.ledger.orders()
    expect(ledger).toHaveLength(5)
    const byEmail = new Map(ledger.map((o) => [o.email, o]))
    expect([1, 2, 3, 4, 5].map((i) => byEmail.get(`buyer${i}@example.com`)?.pay_status)).toEqual(['paid', 'waiting', 'cancel', 'return', 'paid'])
    expect(byEmail.get('buyer1@example.com')?.paid_at).toBe(PAID_AT)
    expect(byEmail.get('buyer5@example.com')?.paid_at).toBe(PAID_AT + 60)
    expect(sandbox.statusRequests()).toBe(4)
    expect(t.journal.statusStepCounts(t.runId)).toEqual({ pending: 0, sending: 0, done: 4, failed: 0, unknown: 0 })
    expect(events.filter((e) => e.kind === 'status-done')).toHaveLength(4)
    // getOrderDetails shows what the ledger holds.
    const details = await clientFor(sandbox.baseUrl).getOrderDetails(byEmail.get('buyer1@example.com')!.bill_id)
    expect(details.kind === 'answer' && (details.result as Record<string, unknown>)['pay_status']).toBe('paid')
    expect(details.kind === 'answer' && (details.result as Record<string, unknown>)['paid']).toBe(String(PAID_AT))
  })

  it('a failed status step is retried alone: the order is not created again', async () => {
    const { sandbox, t } = await scene.start(ORDERS.slice(0, 1))
    const real = clientFor(sandbox.baseUrl)
    let refused = false
    const flaky = {
      createOrder: (p: Array<[string, string]>) => real.createOrder(p),
      getBills: (e: string) => real.getBills(e),
      getOrderDetails: (id: number) => real.getOrderDetails(id),
      updateOrderStatus: (id: number, status: 'paid', date?: number): Promise<CallOutcome> => {
        if (!refused) {
          refused = true
          return Promise.resolve({ kind: 'answer', httpStatus: 200, errorCode: 202, errorText: 'order not paid', result: [], raw: '{}', hashValid: true })
        }
        return real.updateOrderStatus(id, status, date)
      }
    } as unknown as ApiClient
    const first = await sendAll(t, flaky)
    expect(first.result.outcome).toBe('finished')
    expect(t.journal.statusStepCounts(t.runId)).toMatchObject({ failed: 1, done: 0 })
    expect(sandbox.ledger.orders()[0]?.pay_status).toBe('waiting')
    const run = t.journal.getRun(t.runId)!
    expect(requeueStatusSteps(t.journal, run)).toBe(1)
    expect(t.journal.getRun(t.runId)?.status).toBe('paused')
    const second = await sendAll(t, flaky)
    expect(second.result.outcome).toBe('finished')
    expect(sandbox.requests()).toBe(1)
    expect(sandbox.ledger.orders()[0]?.pay_status).toBe('paid')
    expect(t.journal.statusStepCounts(t.runId)).toMatchObject({ failed: 0, done: 1 })
  })

  it.each([
    ['between CreateOrder and UpdateOrderStatus', 'before-status-intent:1', 0],
    ['after the status intent, before the request', 'after-status-intent:1', 0],
    ['after the shop changed the status, before the answer was recorded', 'after-status-answer:1', 1]
  ])('a crash %s, then resume: one order, marked paid once', async (_name, failpoint, statusAtCrash) => {
    const { sandbox, t: staged } = await scene.start(ORDERS.slice(0, 2))
    staged.journal.close()
    const exit = await runChild([staged.path, String(staged.runId), sandbox.baseUrl, '50', '1'], failpoint)
    expect(exit.signal, exit.stderr).toBe('SIGKILL')
    expect(sandbox.statusRequests()).toBe(statusAtCrash)
    const t = scene.reopen(staged)
    const { result } = await sendAll(t, clientFor(sandbox.baseUrl))
    expect(result.outcome).toBe('finished')
    expect(sandbox.ledger.count()).toBe(2)
    expect(sandbox.ledger.orders().map((o) => o.pay_status).sort()).toEqual(['paid', 'waiting'])
    // Marked once: a request that reached the shop before the crash is looked up, not resent.
    expect(sandbox.statusRequests()).toBe(1)
    expect(t.journal.statusStepCounts(t.runId)).toMatchObject({ done: 1, unknown: 0, failed: 0 })
  })
})
