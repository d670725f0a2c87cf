// Small parts of the service on their own: the progress throttle, temp file names, cell edits of
// a failed order, the edited table view, and the live log wording.
import { describe, expect, it } from 'vitest'
import { throttle } from '../../../electron/main/service/events'
import { applyCellEdits } from '../../../electron/main/service/run-orders'
import { msg, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { sendLogMessage, sendLogText } from '../../../electron/main/service/run-view'
import { effectiveTable } from '../../../electron/main/service/sheet-plan'
import { safeFileName } from '../../../electron/main/service/temp-file'

describe('throttle', () => {
  it('sends at most one value per interval and always the last one', () => {
    let now = 0
    const sent: number[] = []
    const timers: Array<() => void> = []
    const realSetTimeout = globalThis.setTimeout
    globalThis.setTimeout = ((fn: () => void) => (timers.push(fn), 0)) as unknown as typeof setTimeout
    try {
      const t = throttle<number>(100, (v) => sent.push(v), () => now)
      t.push(1)
      t.push(2)
      t.push(3)
      expect(sent).toEqual([1])
      now = 100
      timers.shift()?.()
      expect(sent).toEqual([1, 3])
      now = 150
      t.push(4)
      t.flush()
      expect(sent).toEqual([1, 3, 4])
      t.push(5)
      t.cancel()
      timers.shift()?.()
      expect(sent).toEqual([1, 3, 4])
    } finally {
      globalThis.setTimeout = realSetTimeout
    }
  })
})

describe('safeFileName', () => {
  it('keeps the base name and nothing that could leave the folder', () => {
    expect(safeFileName('orders.csv')).toBe('orders.csv')
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Users\\me\\Заказы.xlsx')).toBe('Заказы.xlsx')
    expect(safeFileName('a\u0000b:c?.csv')).toBe('a_b_c_.csv')
    expect(safeFileName('..')).toBe('sheet')
    expect(safeFileName('   ')).toBe('sheet')
  })
})

describe('applyCellEdits', () => {
  const rows = [
    { sheetRow: 5, cells: ['A-1', 'Moscow', 'x@example.com'] },
    { sheetRow: 6, cells: ['A-1', 'Moscow'] }
  ]
  const headers = ['Order', 'City', 'Email']

  it('changes one cell by row and column, or a column on every row, on copies', () => {
    const one = applyCellEdits(rows, headers, { '6:2': 'y@example.com' }, 1)
    expect(one.map((r) => r.cells)).toEqual([['A-1', 'Moscow', 'x@example.com'], ['A-1', 'Moscow', 'y@example.com']])
    const all = applyCellEdits(rows, headers, { ' City ': 'Kazan' }, 1)
    expect(all.map((r) => r.cells[1])).toEqual(['Kazan', 'Kazan'])
    expect(rows[0]?.cells[1]).toBe('Moscow')
  })

  it('refuses rows of other orders, missing columns and unknown headers', () => {
    expect(() => applyCellEdits(rows, headers, { '7:1': 'x' }, 3)).toThrow(/Row 7 is not part of order 3; it has rows 5-6/)
    expect(() => applyCellEdits(rows, headers, { '5:9': 'x' }, 3)).toThrow(/no column number 10/)
    expect(() => applyCellEdits(rows, headers, { Phone: 'x' }, 3)).toThrow(/no column "Phone"/)
  })
})

describe('effectiveTable', () => {
  it('applies edits to copies of the edited rows and leaves excluded rows out', () => {
    const table = { headers: ['a', 'b'], rows: [['1', '2'], ['3', '4'], ['5', '6']], rowNumbers: [2, 3, 4], date1904: false }
    const view = effectiveTable(table, new Map([[3, new Map([[1, 'x'], [3, 'far']])]]), new Set([4]))
    expect(view.rowNumbers).toEqual([2, 3])
    expect(view.rows).toEqual([['1', '2'], ['3', 'x', null, 'far']])
    expect(view.rows[0]).toBe(table.rows[0])
    expect(table.rows[1]).toEqual(['3', '4'])
    expect(effectiveTable(table, new Map(), new Set())).toBe(table)
  })
})

describe('sendLogText', () => {
  it('words every sender event as one sentence with the order number', () => {
    expect(sendLogText({ kind: 'created', orderId: 1, ordinal: 4, billId: 77, existed: false })).toBe('Order 4 created: bill 77.')
    expect(sendLogText({ kind: 'created', orderId: 1, ordinal: 4, billId: 77, existed: true })).toMatch(/already had it \(bill 77\)/)
    expect(sendLogText({ kind: 'retry', orderId: 1, ordinal: 2, reason: 'Refused.', delayMs: 1500 })).toBe('Order 2 was not sent; trying again in 1.5 s: Refused.')
    expect(sendLogText({ kind: 'backoff', code: 8, text: 'limit', delayMs: 30_000, rate: 0.5 })).toMatch(/waiting 30 s, then 0.50 orders per second/)
    expect(sendLogText({ kind: 'reconciled', orderId: 1, ordinal: 9, result: 'undecided', note: 'Two orders match.' })).toMatch(/still unclear.*Decide it in History/)
    expect(sendLogText({ kind: 'stop', message: 'The key is wrong.' })).toBe('The key is wrong.')
  })

  it("words a network reason in the reader's language when the client gave it as a message", () => {
    const ru = translatorFor('ru')
    const reasonWhy = msg('net.refused', { host: 'shop.example', notSent: msg('net.notSent', { what: 'CreateOrder' }) })
    const retry = sendLogMessage({ kind: 'retry', orderId: 1, ordinal: 2, reason: 'English words.', delayMs: 1500, reasonWhy })
    expect(renderMessage(ru, retry)).toMatch(/^Заказ 2 не отправлен; новая попытка через 1,5 с: shop\.example /)
    const unknown = sendLogMessage({ kind: 'unknown', orderId: 1, ordinal: 3, reason: 'English words.', reasonWhy })
    expect(renderMessage(ru, unknown)).toMatch(/^Заказ 3: исход неясен; его проверят в магазине, вслепую снова не отправят\. shop\.example /)
    expect(renderMessage(ru, unknown)).not.toContain('English')
  })

  it("words a refused status step in the reader's language when the verdict carries it as a message", () => {
    const ru = translatorFor('ru')
    const said = msg('statusVerdict.answered', { text: 'nonexistent order', code: 302, advice: msg('statusAdvice.302') })
    const event = { kind: 'status-failed', orderId: 1, ordinal: 5, billId: 77, status: 'paid', code: 302, message: 'English words.', said } as const
    expect(renderMessage(ru, sendLogMessage(event))).toMatch(/^Заказ 5 создан \(счёт 77\), но статус «[^»]+» не установлен: API ответил «nonexistent order» \(код 302\) на UpdateOrderStatus\. В магазине нет заказа/)
    expect(sendLogText(event)).toMatch(/^Order 5 was created \(bill 77\) but not marked paid: The API answered "nonexistent order" \(code 302\) to UpdateOrderStatus\. The shop has no order/)
    expect(sendLogText({ kind: 'status-failed', orderId: 1, ordinal: 5, billId: 77, status: 'paid', code: 302, message: 'English words.' })).toMatch(/not marked paid: English words\.$/)
  })
})
