import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SandboxLedger, type NewLedgerOrder } from '../../../electron/main/sandbox/ledger'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function order(email: string, overrides: Partial<NewLedgerOrder> = {}): NewLedgerOrder {
  return {
    email,
    goods: [{ good_name: 'a', good_sum: '1' }],
    created: 1,
    tag: '',
    comment: '',
    fields: { bill_email: email },
    request_body: 'body',
    received_at: 1,
    ...overrides
  }
}

describe('SandboxLedger', () => {
  it('numbers orders upwards from the first bill id and finds them by id and by email', () => {
    const ledger = new SandboxLedger(':memory:', 700001)
    const fields = Object.fromEntries([['__proto__', 'p'], ['utm[utm_source]', 's']]) as Record<string, string>
    const a = ledger.insert(order('a@example.com', { goods: [{ good_name: 'x', good_sum: null }], fields }))
    const b = ledger.insert(order('B@example.com'))
    expect([a.bill_id, b.bill_id]).toEqual([700001, 700002])
    const stored = ledger.get(700001)
    expect(stored).toMatchObject({ email: 'a@example.com', goods: [{ good_name: 'x', good_sum: null }], bill_id: 700001, deleted: false })
    // A posted "__proto__" field comes back as plain data, not as a prototype.
    expect(Object.getPrototypeOf(stored?.fields)).toBe(Object.prototype)
    expect(Object.entries(stored?.fields ?? {})).toEqual([['__proto__', 'p'], ['utm[utm_source]', 's']])
    expect(ledger.findByEmail('b@EXAMPLE.com').map((found) => found.bill_id)).toEqual([700002])
    expect(ledger.get(1)).toBeUndefined()
    ledger.close()
  })

  it('soft-deletes once and keeps the order in orders() and count()', () => {
    const ledger = new SandboxLedger()
    const { bill_id } = ledger.insert(order('a@example.com'))
    expect(ledger.delete(bill_id)).toBe(true)
    expect(ledger.delete(bill_id)).toBe(false)
    expect(ledger.delete(bill_id + 1)).toBe(false)
    expect(ledger.orders().map((found) => found.deleted)).toEqual([true])
    expect(ledger.count()).toBe(1)
    ledger.close()
  })

  it('gives each product one numeric id', () => {
    const ledger = new SandboxLedger()
    const first = ledger.productId('book')
    expect(ledger.productId('pen')).not.toBe(first)
    expect(ledger.productId('book')).toBe(first)
    ledger.close()
  })

  it('persists in a file and continues after the highest bill id when reopened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderbatch-ledger-'))
    dirs.push(dir)
    const path = join(dir, 'ledger.sqlite')
    const first = new SandboxLedger(path, 100001)
    first.insert(order('a@example.com'))
    first.close()
    const reopened = new SandboxLedger(path, 900001)
    expect(reopened.insert(order('b@example.com')).bill_id).toBe(100002)
    expect(reopened.orders().map((found) => found.email)).toEqual(['a@example.com', 'b@example.com'])
    reopened.close()
  })
})
