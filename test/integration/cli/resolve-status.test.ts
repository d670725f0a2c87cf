// Unclear orders: status says what to do about them, resolve records the user's finding
// (created with a bill, or absent and back in the queue), and refuses what makes no sense.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { driveTo, orderInputs, runInput } from '../journal/helpers'
import { cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let path: string
let ids: number[]

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  path = join(dir, 'j.sqlite')
  const journal = Journal.open(path)
  const { run } = journal.stageRun(runInput(), orderInputs(3))
  ids = journal.nextDue(run.id, Date.now(), 3).map((order) => order.id)
  driveTo(journal, ids[0]!, 'unknown')
  driveTo(journal, ids[1]!, 'unknown')
  driveTo(journal, ids[2]!, 'succeeded')
  journal.close()
})
afterEach(() => cleanup())

function order(id: number) {
  const journal = Journal.open(path)
  try {
    return { order: journal.getOrder(id)!, attempts: journal.attempts(id) }
  } finally {
    journal.close()
  }
}

describe('status and resolve for unclear orders', () => {
  it('status lists the unclear orders with the commands that settle them', async () => {
    const r = await cli(['status', '--journal', path])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Run 1: staged, started ')
    expect(r.out).toContain('  orders: 1 created, 0 failed, 2 unknown (3 orders)')
    expect(r.out).toContain('May or may not be in the shop (2); they are never sent again on their own:')
    expect(r.out).toContain('  #1 (row 2) buyer1@example.com: timed out waiting for the answer')
    expect(r.out).toContain(`orderbatch resolve 1 --order N --bill-id ID --journal ${path}`)
    const json = JSON.parse((await cli(['status', '1', '--json', '--journal', path])).out) as { unknown: unknown[] }
    expect(json.unknown).toEqual([
      { order: 1, rows: [2], email: 'buyer1@example.com', errorCode: null, error: 'timed out waiting for the answer' },
      { order: 2, rows: [3], email: 'buyer2@example.com', errorCode: null, error: 'timed out waiting for the answer' }
    ])
  })

  it('--bill-id records the order as created by the user', async () => {
    const r = await cli(['resolve', '1', '--order', '1', '--bill-id', '777001', '--journal', path])
    expect(r.code).toBe(0)
    expect(r.out).toBe('Order #1 of run 1 is recorded as created, bill 777001. It will never be sent again.\n')
    const { order: resolved, attempts } = order(ids[0]!)
    expect(resolved).toMatchObject({ state: 'succeeded', billId: 777001, resolvedBy: 'user' })
    expect(attempts.at(-1)?.outcome).toBe('user-created')
  })

  it('--absent puts the order back in the queue for resume', async () => {
    const r = await cli(['resolve', '1', '--order', '2', '--absent', '--journal', path])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`"orderbatch resume 1 --journal ${path}" sends it`)
    expect(order(ids[1]!).order.state).toBe('pending')
  })

  it('refuses a bill already held by another order, an order that is not unclear, and bad arguments', async () => {
    const held = order(ids[2]!).order.billId!
    const taken = await cli(['resolve', '1', '--order', '1', '--bill-id', String(held), '--journal', path])
    expect(taken.code).toBe(1)
    expect(taken.err).toMatch(/Cannot give bill \d+ to order #1 of run 1: it already belongs to order #3 of run 1/)
    const created = await cli(['resolve', '1', '--order', '3', '--absent', '--journal', path])
    expect(created.code).toBe(1)
    expect(created.err).toMatch(/Cannot mark as absent from the shop order #3 of run 1: it was already created in the shop/)
    const cases: Array<[string[], RegExp]> = [
      [['resolve', '1', '--order', '1', '--journal', path], /give either --bill-id ID .* or --absent/],
      [['resolve', '1', '--order', '1', '--bill-id', '5', '--absent', '--journal', path], /give either --bill-id ID/],
      [['resolve', '1', '--bill-id', '5', '--journal', path], /say which order with --order N/],
      [['resolve', '1', '--order', '9', '--absent', '--journal', path], /run 1 has no order #9/],
      [['resolve', '4', '--order', '1', '--absent', '--journal', path], /has no run 4/],
      [['resolve', '1', '--order', 'x', '--absent', '--journal', path], /--order takes the order number/],
      [['resolve', '1', '--order', '1', '--bill-id', '12ab', '--journal', path], /--bill-id takes the bill/]
    ]
    for (const [argv, message] of cases) {
      const r = await cli(argv)
      expect(r.code, argv.join(' ')).toBe(1)
      expect(r.err).toMatch(message)
      expect(r.err.trim().split('\n')).toHaveLength(1)
    }
    expect(order(ids[0]!).order.state).toBe('unknown')
  })
})
