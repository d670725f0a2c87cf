import { afterEach, describe, expect, it } from 'vitest'
import { renderMessage, storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { canonicalDecimal, decimalEqual } from '#shared/transforms/decimal'
import { goodsMatch } from '../../../electron/main/reconcile/match-order'
import { reconcileOrder, reconcileRun } from '../../../electron/main/reconcile/reconcile'
import { FakeClock, FakeShop, WALL_START, answer, stageInput, tempJournal } from './fixtures'
import type { OrderSpec, ShopOrder, TempJournal } from './fixtures'

let cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups) cleanup()
  cleanups = []
})

const NOW_S = Math.floor(WALL_START / 1000)

/** A journal whose orders were all sent once and got no clear answer, and an empty shop. */
function unclear(specs: OrderSpec[]): { t: TempJournal; shop: FakeShop } {
  const clock = new FakeClock()
  const t = tempJournal(specs, () => clock.wall())
  cleanups.push(t.cleanup)
  for (const id of t.ids) {
    const { attemptId } = t.journal.beginAttempt(id)
    t.journal.recordUnknown(id, attemptId, { reason: 'timed out' })
  }
  return { t, shop: new FakeShop({ clock }) }
}

function shopOrder(overrides: Partial<Omit<ShopOrder, 'billId'>> = {}): Omit<ShopOrder, 'billId'> {
  return { email: 'buyer1@example.com', goods: [{ name: 'course-1', sum: '1500.00' }], tag: 't-1', comment: '', created: NOW_S, ...overrides }
}

async function reconcileFirst(t: TempJournal, shop: FakeShop) {
  const result = await reconcileOrder(t.journal.getOrder(t.ids[0]!)!, { journal: t.journal, client: shop })
  return { result, order: t.journal.getOrder(t.ids[0]!)! }
}

describe('reconcileOrder: outcomes applied to the journal', () => {
  it('one matching shop order: created, with its bill, by reconcile', async () => {
    const { t, shop } = unclear([{}])
    const billId = shop.seed(shopOrder())
    const { result, order } = await reconcileFirst(t, shop)
    expect(result).toMatchObject({ result: 'created', billId, note: `Found in the shop as bill ${billId} (same email, goods and sums and tag).` })
    // The journal keeps the finding as a key: History and the export word it in the reader's language.
    const kept = t.journal.attempts(order.id).at(-1)!.note!
    expect(storedText(translatorFor('en'), kept)).toBe(result.note)
    expect(storedText(translatorFor('ru'), kept)).toMatch(new RegExp(`^Найден в магазине как счёт ${billId}`))
    expect(renderMessage(translatorFor('ru'), result.said!)).toBe(`Найден в магазине как счёт ${billId} (совпадают e-mail, товары и суммы и метка).`)
    expect(order).toMatchObject({ state: 'succeeded', billId, resolvedBy: 'reconcile' })
    expect(t.journal.attempts(order.id).map((a) => a.outcome)).toEqual(['unknown', 'reconciled-created'])
  })

  it('GetBills says "order not found": absent, back in the queue', async () => {
    const { t, shop } = unclear([{}])
    const { result, order } = await reconcileFirst(t, shop)
    expect(result).toMatchObject({ result: 'absent', note: expect.stringMatching(/no order for buyer1@example.com/) })
    expect(order).toMatchObject({ state: 'pending', resolvedBy: 'reconcile' })
    expect(shop.lookups).toEqual(['GetBills buyer1@example.com'])
  })

  it('a "not found" whose signature does not check out proves nothing', async () => {
    const { t, shop } = unclear([{}])
    shop.lookupFault = { kind: 'answer', httpStatus: 200, errorCode: 400, errorText: 'order not found', result: [], raw: '{}', hashValid: false }
    expect((await reconcileFirst(t, shop)).order.state).toBe('unknown')
  })

  it('shop orders already claimed by other orders of the journal are not candidates', async () => {
    const { t, shop } = unclear([{ email: 'same@example.com', tag: 'x' }, { email: 'same@example.com', tag: 'x' }])
    const claimed = shop.seed(shopOrder({ email: 'same@example.com', tag: 'x' }))
    await reconcileOrder(t.journal.getOrder(t.ids[1]!)!, { journal: t.journal, client: shop })
    expect(t.journal.getOrder(t.ids[1]!)).toMatchObject({ state: 'succeeded', billId: claimed })
    const { result, order } = await reconcileFirst(t, shop)
    expect(result.result).toBe('absent')
    expect(result.note).toMatch(/belongs to another order of the journal/)
    expect(renderMessage(translatorFor('ru'), result.said!)).toMatch(/принадлежат другим заказам журнала, значит заказ №\d+ запуска \d+ не создан\.$/)
    expect(order.state).toBe('pending')
    expect(shop.lookups.filter((l) => l.startsWith('getOrderDetails'))).toHaveLength(1)
  })

  it('a bill number taken in the sandbox does not hide the same number in a real shop (issue 8)', async () => {
    const { t, shop } = unclear([{}])
    const billId = shop.seed(shopOrder())
    // A sandbox run of the same journal created an order that the sandbox numbered alike.
    const sandbox = t.journal.createRun({ ...t.journal.getRun(t.runId)!, destination: 'sandbox' })
    t.journal.stageOrders(sandbox.id, [stageInput(1, { tag: 'sandbox' })])
    const [tried] = t.journal.nextDue(sandbox.id, Date.now() + 1e9, 1)
    t.journal.recordCreated(tried!.id, t.journal.beginAttempt(tried!.id).attemptId, { billId, existed: false, raw: '{}', httpStatus: 200 })
    const { result, order } = await reconcileFirst(t, shop)
    expect(result).toMatchObject({ result: 'created', billId })
    expect(order).toMatchObject({ state: 'succeeded', billId })
  })

  it('two matching shop orders: undecided, left unknown for the user', async () => {
    const { t, shop } = unclear([{ tag: undefined }])
    const a = shop.seed(shopOrder({ tag: '' }))
    const b = shop.seed(shopOrder({ tag: '' }))
    const { result, order } = await reconcileFirst(t, shop)
    expect(result.result).toBe('undecided')
    expect(result.note).toContain(`bills ${b}, ${a}`)
    expect(renderMessage(translatorFor('ru'), result.said!)).toContain(`(счета ${b}, ${a}). Проверьте их в магазине`)
    expect(order.state).toBe('unknown')
  })

  it.each([
    ['the lookup could not be sent', { kind: 'not-sent', reason: 'refused' } as const, /refused/],
    ['the lookup got no clear answer', { kind: 'unknown', reason: 'timed out' } as const, /timed out/],
    ['the API answered the request limit', answer(8, 'limit', []), /code 8/],
    ['GetBills gave something unreadable', answer(0, 'ok', [1, 2]), /could not be read/]
  ])('%s: undecided', async (_what, fault, note) => {
    const { t, shop } = unclear([{}])
    shop.seed(shopOrder())
    shop.lookupFault = fault
    const { result, order } = await reconcileFirst(t, shop)
    expect(result.result).toBe('undecided')
    expect(result.note).toMatch(note)
    expect(order.state).toBe('unknown')
  })

  it('a failed details lookup makes the whole answer undecided, even with a match elsewhere', async () => {
    const { t, shop } = unclear([{}])
    shop.seed(shopOrder())
    shop.seed(shopOrder({ tag: 'other' }))
    const details = shop.getOrderDetails.bind(shop)
    let n = 0
    shop.getOrderDetails = async (billId) => (++n === 2 ? { kind: 'unknown', reason: 'cut off' } : details(billId))
    expect((await reconcileFirst(t, shop)).result).toMatchObject({ result: 'undecided', note: expect.stringMatching(/cut off/) })
  })

  it('does nothing for an order that is not unclear', async () => {
    const { t, shop } = unclear([{}])
    t.journal.resolveAbsent(t.ids[0]!, { by: 'user' })
    const { result } = await reconcileFirst(t, shop)
    expect(result).toMatchObject({ result: 'undecided', note: expect.stringMatching(/is pending, not unclear/) })
    expect(shop.lookups).toEqual([])
  })
})

describe('reconcileOrder: matching rules, one by one', () => {
  /** true: found (created); false: proven absent; 'near': undecided, for the user. */
  async function matches(spec: OrderSpec, found: Partial<Omit<ShopOrder, 'billId'>>): Promise<boolean | 'near'> {
    const { t, shop } = unclear([spec])
    shop.seed(shopOrder(found))
    const { result } = await reconcileFirst(t, shop)
    return result.result === 'undecided' ? 'near' : result.result === 'created'
  }

  it('goods: the same product ids, as a multiset', async () => {
    expect(await matches({}, { goods: [{ name: 'course-2', sum: '1500.00' }] })).toBe(false)
    expect(await matches({ goods: [['a', '1'], ['b', '2']] }, { goods: [{ name: 'b', sum: '2.00' }, { name: 'a', sum: '1.00' }] })).toBe(true)
    expect(await matches({ goods: [['a', '1'], ['a', '1']] }, { goods: [{ name: 'a', sum: '1.00' }] })).toBe(false)
    expect(await matches({ goods: [['a', '1']] }, { goods: [{ name: 'a', sum: '1.00' }, { name: 'b', sum: '1.00' }] })).toBe(false)
  })

  it('sums: compared as decimals, and only when the payload sent one', async () => {
    expect(await matches({ goods: [['course-1', '1500']] }, { goods: [{ name: 'course-1', sum: '1500.00' }] })).toBe(true)
    expect(await matches({ goods: [['course-1', '1500.5']] }, { goods: [{ name: 'course-1', sum: '1500.50' }] })).toBe(true)
    expect(await matches({ goods: [['course-1', '1500']] }, { goods: [{ name: 'course-1', sum: '1501.00' }] })).toBe(false)
    expect(await matches({ goods: [['course-1']] }, { goods: [{ name: 'course-1', sum: '990.00' }] })).toBe(true)
  })

  it('creation time: compared when the payload has bill_created', async () => {
    expect(await matches({ created: '1700000000' }, { created: 1700000000 })).toBe(true)
    expect(await matches({ created: '1700000000' }, { created: 1700000001 })).toBe(false)
  })

  it('without bill_created: made after the first sending (less a day) is it; up to 14 days before is undecided (the clock may be wrong); earlier is not it', async () => {
    expect(await matches({}, { created: NOW_S - 30 * 86_400 })).toBe(false)
    expect(await matches({}, { created: NOW_S - 86_400 - 60 })).toBe('near')
    expect(await matches({}, { created: NOW_S - 13 * 86_400 })).toBe('near')
    expect(await matches({}, { created: NOW_S - 14 * 3600 })).toBe(true)
  })

  it('tag and comment: compared when present, line ends and outer spaces aside; a difference is undecided, never absent', async () => {
    expect(await matches({ tag: 't-1' }, { tag: 't-2' })).toBe('near')
    expect(await matches({ comment: 'gift\r\nbox ' }, { comment: 'gift\nbox' })).toBe(true)
    expect(await matches({ comment: 'gift box' }, { comment: 'another' })).toBe('near')
    expect(await matches({ tag: undefined }, { tag: 'anything' })).toBe(true)
  })

  it('a text the shop shortened or re-escaped (tag, comment) makes the order undecided, never absent', async () => {
    expect(await matches({ comment: `Leave at the door & ring <twice> ${'x'.repeat(300)}` }, { comment: 'Leave at the door &amp; ring &lt;twice&gt; xxx' })).toBe('near')
    expect(await matches({ tag: 'spring-sale-2026-very-long-tag' }, { tag: 'spring-sale-2026' })).toBe('near')
  })

  it('with the clock three days ahead and no bill_created, the order the shop created is undecided, never absent', async () => {
    // This computer's clock said WALL_START when it sent; the shop's own clock said 3 days less.
    const { t, shop } = unclear([{}])
    const billId = shop.seed(shopOrder({ created: NOW_S - 3 * 86_400 }))
    const { result, order } = await reconcileFirst(t, shop)
    expect(result.result).toBe('undecided')
    expect(result.note).toContain(`bill ${billId} (created before Orderbatch sent this order by the clock of this computer)`)
    expect(renderMessage(translatorFor('ru'), result.said!)).toContain(`счёт ${billId} (создан раньше, чем Orderbatch отправил этот заказ, по часам этого компьютера)`)
    expect(order.state).toBe('unknown')
  })

  it('a full match wins over near ones (an earlier purchase with another tag)', async () => {
    const { t, shop } = unclear([{}])
    shop.seed(shopOrder({ tag: 'older', created: NOW_S - 5 * 86_400 }))
    const billId = shop.seed(shopOrder())
    expect((await reconcileFirst(t, shop)).result).toMatchObject({ result: 'created', billId })
  })

  it('a priced good does not lose its item to a good without a price', () => {
    const items = [
      { id: 'a', title: 'a', sum: '100.00', price: '' },
      { id: 'a', title: 'a', sum: '200.00', price: '' }
    ]
    expect(goodsMatch([{ name: 'a' }, { name: 'a', sum: '100' }], items)).toBe(true)
    expect(goodsMatch([{ name: 'a', sum: '100' }, { name: 'a', sum: '100' }], items)).toBe(false)
  })

  it('decimals', () => {
    expect(['1500', '001500.50', '0.10', '-0.0', '+3', '.5', '7,25', 'abc', ''].map(canonicalDecimal)).toEqual([
      '1500', '1500.5', '0.1', '0', '3', '0.5', '7.25', null, null
    ])
    expect(decimalEqual('1500.00', '1500')).toBe(true)
    expect(decimalEqual('n/a', ' n/a ')).toBe(true)
  })
})

describe('reconcileRun', () => {
  it('looks up every unclear order of the run and counts the results', async () => {
    const { t, shop } = unclear([{}, {}, {}])
    shop.seed(shopOrder())
    shop.seed(shopOrder({ email: 'buyer3@example.com', tag: 't-3' }))
    shop.seed(shopOrder({ email: 'buyer3@example.com', tag: 't-3' }))
    const seen: string[] = []
    const counts = await reconcileRun(t.runId, { journal: t.journal, client: shop }, {
      rate: 50,
      clock: new FakeClock(),
      onResult: (order, result) => seen.push(`${order.ordinal}:${result.result}`)
    })
    expect(counts).toEqual({ created: 1, absent: 1, undecided: 1 })
    expect(seen).toEqual(['1:created', '2:absent', '3:undecided'])
    expect(t.journal.runCounts(t.runId)).toMatchObject({ succeeded: 1, pending: 1, unknown: 1 })
  })

  it('stops between orders when cancelled', async () => {
    const { t, shop } = unclear([{}, {}])
    const controller = new AbortController()
    const counts = await reconcileRun(t.runId, { journal: t.journal, client: shop }, {
      signal: controller.signal,
      rate: 50,
      clock: new FakeClock(),
      onResult: () => controller.abort()
    })
    expect(counts).toEqual({ created: 0, absent: 1, undecided: 0 })
    expect(t.journal.runCounts(t.runId)).toMatchObject({ pending: 1, unknown: 1 })
  })
})
