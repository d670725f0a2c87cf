// The CLI with order statuses against the built-in sandbox (issue 12 §2): --status maps a column,
// paid/cancelled/returned orders are created and then marked in the shop, status and export say
// so, and backlog orders are sent with bill_timer_kill = 0. A crash between the two steps, or
// during UpdateOrderStatus (the request reached the shop or not), then resume: one order, marked
// paid once.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let flags: string[]
let shopPath: string
let sheet: string

beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
  flags = ['--sandbox', '--journal', join(dir, 'j.sqlite')]
  shopPath = join(dir, 'j-shop.sqlite')
  sheet = join(dir, 'orders.csv')
  writeFileSync(
    sheet,
    [
      'Email,Product,Price,Date,Статус',
      'ann@example.com,course,100,2024-03-15 10:00,Оплачен',
      'bob@example.com,course,100,2024-03-16 10:00,Отменён',
      'eve@example.com,course,100,2024-03-17 10:00,Возврат',
      'dan@example.com,course,100,,ждёт'
    ].join('\n')
  )
})
afterAll(() => cleanup())

function billOf(email: string): number {
  const db = new Database(shopPath, { readonly: true })
  try {
    return (db.prepare('SELECT bill_id FROM orders WHERE email = ?').get(email) as { bill_id: number }).bill_id
  } finally {
    db.close()
  }
}

function shop(): Array<{ email: string; pay_status: string; paid_at: number | null; body: string }> {
  const db = new Database(shopPath, { readonly: true })
  try {
    return db.prepare('SELECT email, pay_status, paid_at, request_body AS body FROM orders ORDER BY bill_id').all() as never
  } finally {
    db.close()
  }
}

describe('orderbatch import --status', () => {
  it('previews the statuses, the calls and the backlog auto-cancel', async () => {
    const r = await cli(['preview', sheet, '--status', 'Статус', '--time-zone', 'UTC'])
    expect(r.out).toContain('order status from column "Статус"')
    expect(r.out).toContain('"ждёт" → unpaid (a new invoice) (1 order), not in the table')
    expect(r.out).toContain('statuses: 1 paid, 1 cancelled, 1 returned, 1 unpaid; 7 API calls in all')
    expect(r.out).toContain('3 orders were created in the past: they are sent with bill_timer_kill = 0')
  })

  it('creates the orders, marks them in the shop with the payment date, and says so in status and export', async () => {
    const r = await cli(['import', sheet, '--status', 'Статус', '--time-zone', 'UTC', ...flags, '--rate', '200', '--yes'])
    expect(r.code, r.out + r.err).toBe(0)
    const orders = shop()
    expect(orders.map((o) => [o.email, o.pay_status])).toEqual([
      ['ann@example.com', 'paid'],
      ['bob@example.com', 'cancel'],
      ['eve@example.com', 'return'],
      ['dan@example.com', 'waiting']
    ])
    expect(orders[0]?.paid_at).toBe(Date.UTC(2024, 2, 15, 10) / 1000)
    expect(orders[0]?.body).toContain('bill_timer_kill=0')
    expect(orders[3]?.body).not.toContain('bill_timer_kill')

    const status = JSON.parse((await cli(['status', '1', '--json', ...flags])).out) as Record<string, unknown>
    expect(status['statuses']).toEqual({ pending: 0, sending: 0, done: 3, failed: 0, unknown: 0 })
    expect(status['notMarked']).toEqual([])
    const text = await cli(['status', '1', ...flags])
    expect(text.out).toContain('Statuses: 3 set, 0 waiting, 0 failed, 0 unclear')

    const out = join(dir, 'results.csv')
    expect((await cli(['export', '1', '--out', out, ...flags])).code).toBe(0)
    const csv = readFileSync(out, 'utf8')
    expect(csv).toContain('"created, marked paid"')
    expect(csv).toContain('"created, marked cancelled"')
    expect(csv).toContain('"created, marked returned"')

    const retry = await cli(['retry', '1', '--status-only', ...flags, '--yes'])
    expect(retry.out).toContain('Run 1 has no failed statuses; nothing to retry.')
  })

  it('resumes a run whose orders are created but whose statuses are not set yet (a crash between the two steps)', async () => {
    const dan = shop().findIndex((o) => o.email === 'dan@example.com')
    expect(shop()[dan]?.pay_status).toBe('waiting')
    const journal = Journal.open(join(dir, 'j.sqlite'))
    let runId: number
    try {
      const first = journal.getRun(1)!
      const billId = billOf('dan@example.com')
      const order = [...journal.orders(1)].find((o) => o.email === 'dan@example.com')!
      const { run } = journal.stageRun(
        { sourceName: first.sourceName, sourceHash: `${first.sourceHash.slice(0, 60)}beef`, sourceSize: first.sourceSize, sheet: null, mapping: first.mapping, settings: first.settings, destination: first.destination },
        [{ ordinal: 1, groupKey: null, fingerprint: `${order.fingerprint}-again`, payload: order.payload, email: order.email, rows: [{ sheetRow: 5, cells: [] }], status: { status: 'paid', date: 1_710_000_000 } }],
        { force: true }
      )
      runId = run.id
      const created = [...journal.orders(run.id)][0]!
      const { attemptId } = journal.beginAttempt(created.id)
      journal.recordCreated(created.id, attemptId, { billId, existed: true, raw: '{}', httpStatus: 200 })
      journal.setRunStatus(run.id, 'stopped')
    } finally {
      journal.close()
    }
    const r = await cli(['resume', String(runId), ...flags, '--yes'])
    expect(r.code, r.out + r.err).toBe(0)
    expect(r.out).toContain(`Run ${runId} finished: 1 created`)
    expect(r.out).toContain('Statuses: 1 set, 0 waiting, 0 failed, 0 unclear')
    expect(shop()[dan]).toMatchObject({ pay_status: 'paid', paid_at: 1_710_000_000 })
    expect(shop()).toHaveLength(4)
  })

  /** A run of one created order (again, from run 1's payload) whose status step was being sent
   * when the process died: the journal says "sending", the shop may or may not have it. */
  function crashedDuringStatus(email: string, date: number): { runId: number; orderId: number } {
    const journal = Journal.open(join(dir, 'j.sqlite'))
    try {
      const first = journal.getRun(1)!
      const order = [...journal.orders(1)].find((o) => o.email === email)!
      const { run } = journal.stageRun(
        { sourceName: first.sourceName, sourceHash: `${first.sourceHash.slice(0, 56)}${date.toString(16).slice(0, 8)}`, sourceSize: first.sourceSize, sheet: null, mapping: first.mapping, settings: first.settings, destination: first.destination },
        [{ ordinal: 1, groupKey: null, fingerprint: `${order.fingerprint}-${date}`, payload: order.payload, email: order.email, rows: [{ sheetRow: 2, cells: [] }], status: { status: 'paid', date } }],
        { force: true }
      )
      const created = [...journal.orders(run.id)][0]!
      const { attemptId } = journal.beginAttempt(created.id)
      journal.recordCreated(created.id, attemptId, { billId: billOf(email), existed: true, raw: '{}', httpStatus: 200 })
      journal.beginStatusAttempt(created.id)
      journal.setRunStatus(run.id, 'stopped')
      return { runId: run.id, orderId: created.id }
    } finally {
      journal.close()
    }
  }

  function setShopStatus(email: string, payStatus: string, paidAt: number | null): void {
    const db = new Database(shopPath)
    try {
      db.prepare('UPDATE orders SET pay_status = ?, paid_at = ? WHERE email = ?').run(payStatus, paidAt, email)
    } finally {
      db.close()
    }
  }

  function attempts(orderId: number): Array<string | null> {
    const journal = Journal.open(join(dir, 'j.sqlite'))
    try {
      return journal.statusAttempts(orderId).map((a) => a.outcome)
    } finally {
      journal.close()
    }
  }

  it('a crash during UpdateOrderStatus whose request reached the shop: resume looks it up and does not mark it again', async () => {
    // The lost request did mark the order (with its own date): resending would change the date.
    setShopStatus('bob@example.com', 'paid', 1_700_000_123)
    const { runId, orderId } = crashedDuringStatus('bob@example.com', 1_720_000_000)
    const r = await cli(['resume', String(runId), ...flags, '--yes'])
    expect(r.code, r.out + r.err).toBe(0)
    expect(r.out).toContain('Statuses: 1 set, 0 waiting, 0 failed, 0 unclear')
    expect(attempts(orderId)).toEqual(['unknown', 'checked-done'])
    expect(shop().find((o) => o.email === 'bob@example.com')).toMatchObject({ pay_status: 'paid', paid_at: 1_700_000_123 })
    expect(shop()).toHaveLength(4)
  })

  it('a crash during UpdateOrderStatus whose request never arrived: resume looks it up, then marks it paid once', async () => {
    setShopStatus('eve@example.com', 'waiting', null)
    const { runId, orderId } = crashedDuringStatus('eve@example.com', 1_730_000_000)
    const r = await cli(['resume', String(runId), ...flags, '--yes'])
    expect(r.code, r.out + r.err).toBe(0)
    expect(r.out).toContain('Statuses: 1 set, 0 waiting, 0 failed, 0 unclear')
    expect(attempts(orderId)).toEqual(['unknown', 'checked-absent', 'done'])
    expect(shop().find((o) => o.email === 'eve@example.com')).toMatchObject({ pay_status: 'paid', paid_at: 1_730_000_000 })
    expect(shop()).toHaveLength(4)
  })

  it('refuses a status word it does not know, naming the flag', async () => {
    const r = await cli(['preview', sheet, '--status', 'Статус', '--status-value', 'ждёт=later'])
    expect(r.code).toBe(1)
    expect(r.err + r.out).toContain('--status-value: "later" is not a status; write paid, cancel, return or none.')
  })
})
