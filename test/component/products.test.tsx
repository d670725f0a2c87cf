// The Products step: every product of the sheet with its match in the shop, a close match offered
// and applied only when taken, a pick from the shop's list, price differences with both amounts in
// the reader's format, the shop's price for lines without one, the orders the check stops; and an
// unreadable list, gone on without only after confirming. The Map step skips it for a sandbox
// without a catalog.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { CatalogInfo, ChannelInput, ProductLine, ProductsView, ShopProductView } from '#shared/ipc/contract'
import { App } from '../../renderer/src/App'
import { PRODUCTS_PAGE, ProductsScreen } from '../../renderer/src/screens/products/ProductsScreen'
import { TID } from '../../renderer/src/test-ids'
import { productLinesSummary } from '#shared/shop/product-choices'
import { createFakeApi, Failure } from './fake-api'
import { counts, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

const NBSP = '\u00a0'
const SHOP: ShopProductView[] = [
  { name: 'course-1', title: 'Course one', price: '1500.00', kind: 'digital' },
  { name: 'course-2026', title: 'course-2', price: '990.50', kind: 'digital' },
  { name: 'book-paper', title: 'Paper book', price: '1200', kind: 'physical' }
]

function line(change: Partial<ProductLine> & Pick<ProductLine, 'value'>): ProductLine {
  return { orders: 1, match: 'none', found: null, chosen: null, product: null, otherPrices: [], morePrices: 0, withoutPrice: 0, ...change }
}

function view(choices: Record<string, string>, catalog: CatalogInfo = { state: 'ready', fetchedAt: Date.UTC(2026, 11, 5, 9, 30), products: 3 }): ProductsView {
  const book = choices['book'] ? SHOP.find((p) => p.name === choices['book'])! : null
  const unknown = book ? 0 : 4
  const lines = [
    line({ value: 'course-1', orders: 50, match: 'name', found: SHOP[0]!, product: SHOP[0]!, otherPrices: ['1400'], morePrices: 1200, withoutPrice: 0 }),
    line({ value: 'course-2', orders: 46, match: 'title', found: SHOP[1]!, product: SHOP[1]!, withoutPrice: 3 }),
    line({ value: 'book', orders: 4, match: 'close', found: SHOP[2]!, chosen: book?.name ?? null, product: book })
  ]
  return {
    catalog,
    lines,
    summary: productLinesSummary(lines, true),
    shop: SHOP,
    counts: counts({ validOrders: 95 - unknown }),
    stopped: { unknownProduct: unknown, delivery: 0 }
  }
}

function setup(start: CatalogInfo = { state: 'ready', fetchedAt: Date.UTC(2026, 11, 5, 9, 30), products: 3 }, language: 'en' | 'ru' = 'en') {
  const choices: Record<string, string> = {}
  let catalog = start
  const api = createFakeApi({
    'products.list': () => view(choices, catalog),
    'products.choose': ({ value, name }: ChannelInput<'products.choose'>) => {
      if (name === null || name === undefined) delete choices[value]
      else choices[value] = name
      return view(choices, catalog)
    },
    'catalog.get': () => catalog,
    'catalog.continueWithout': () => {
      if (catalog.state === 'unavailable') catalog = { ...catalog, confirmed: true }
      return catalog
    }
  })
  renderWithApi(<WithSession summary={session()}>{(state) => <ProductsScreen state={state} onNext={() => undefined} />}</WithSession>, api, { language })
  return { api, user: userEvent.setup(), choices }
}

describe('Products step', () => {
  it('lists every product with its match; a close match is only offered until the user takes it', async () => {
    const { api, user } = setup()
    const book = await screen.findByTestId(TID.products.line('book'))
    expect(screen.getByTestId(TID.products.catalog).textContent).toContain("The shop's product list: 3 products, read")
    expect(within(screen.getByTestId(TID.products.line('course-1'))).getByText('Found: course-1 (Course one)')).toBeTruthy()
    expect(within(screen.getByTestId(TID.products.line('course-2'))).getByText('Found by its title: sent as course-2026')).toBeTruthy()
    expect(book.dataset['match']).toBe('close')
    expect(book.textContent).toContain('Not in the shop. Did you mean book-paper (Paper book)?')
    expect(screen.getByTestId(TID.products.stopped).textContent).toContain('4 orders have a product the shop does not have')
    // Nothing was chosen on the user's behalf.
    expect(api.inputsOf('products.choose')).toEqual([])
    expect((screen.getByTestId(TID.products.pick('book')) as HTMLSelectElement).value).toBe('')

    await user.click(screen.getByTestId(TID.products.useOffer('book')))
    await waitFor(() => expect(screen.getByTestId(TID.products.line('book')).dataset['match']).toBe('chosen'))
    expect(api.lastInput('products.choose')).toEqual({ sessionId: 's-1', value: 'book', name: 'book-paper' })
    expect(screen.getByTestId(TID.products.line('book')).textContent).toContain('Your choice: book-paper (Paper book)')
    expect(screen.getByTestId(TID.products.line('book')).textContent).toContain('Shipped: its orders need the delivery fields.')
    expect(screen.queryByTestId(TID.products.stopped)).toBeNull()
    // The counts follow main's answer.
    expect(within(screen.getByTestId(TID.counts)).getByText('95')).toBeTruthy()

    await user.click(screen.getByTestId(TID.products.forget('book')))
    await waitFor(() => expect(screen.getByTestId(TID.products.line('book')).dataset['match']).toBe('close'))
    expect(api.lastInput('products.choose')).toEqual({ sessionId: 's-1', value: 'book', name: null })
  })

  it('picks any shop product from the list', async () => {
    const { api, user } = setup()
    await user.selectOptions(await screen.findByTestId(TID.products.pick('book')), 'course-1')
    expect(api.lastInput('products.choose')).toEqual({ sessionId: 's-1', value: 'book', name: 'course-1' })
  })

  it('shows both amounts where the prices differ, and the shop price for lines without one, in the reader\'s format', async () => {
    setup(undefined, 'ru')
    const course1 = await screen.findByTestId(TID.products.line('course-1'))
    expect(course1.textContent).toContain(`В магазине 1${NBSP}500,00, в таблице 1${NBSP}400. Отправляется цена из таблицы. В таблице ещё 1${NBSP}200 отличающихся цен.`)
    const course2 = screen.getByTestId(TID.products.line('course-2'))
    expect(course2.textContent).toContain('3 строки без цены получат цену магазина, 990,50.')
  })

  it('says when the list cannot be read and goes on without the check only after confirming', async () => {
    const { api, user } = setup({ state: 'unavailable', noProducts: false, reason: 'the shop did not answer (connection refused)', cachedAt: null, cachedProducts: 0, confirmed: false })
    const card = await screen.findByTestId(TID.products.catalog)
    await waitFor(() => expect(card.textContent).toContain("The shop's product list could not be read: the shop did not answer (connection refused)"))
    expect(card.textContent).toContain('the shop refuses an unknown product (604) during the run')
    await user.click(screen.getByTestId(TID.products.goOn))
    const dialog = await screen.findByTestId(TID.confirmDialog)
    expect(api.inputsOf('catalog.continueWithout')).toEqual([])
    await user.click(within(dialog).getByTestId(TID.confirmCancel))
    expect(api.inputsOf('catalog.continueWithout')).toEqual([])

    await user.click(screen.getByTestId(TID.products.goOn))
    await user.click(within(await screen.findByTestId(TID.confirmDialog)).getByTestId(TID.confirmOk))
    await waitFor(() => expect(screen.getByTestId(TID.products.catalog).textContent).toContain('You chose to go on without a fresh product list'))
    expect(api.inputsOf('catalog.continueWithout')).toHaveLength(1)
    expect(screen.queryByTestId(TID.products.goOn)).toBeNull()
  })

  it('names a product the shop lacks with nothing close, offers the older list when the fresh one cannot be read, and says the sandbox sells anything', async () => {
    const unknown: ProductsView = { ...view({}), lines: [line({ value: 'mystery', orders: 2, match: 'none' })], stopped: { unknownProduct: 2, delivery: 0 } }
    const cached: CatalogInfo = { state: 'unavailable', noProducts: false, reason: 'connection refused', cachedAt: Date.UTC(2026, 11, 1, 8, 0), cachedProducts: 3, confirmed: false }
    for (const [catalog, expected] of [
      [{ state: 'ready', fetchedAt: 1, products: 3 }, 'Not in the shop: its orders are not sent.'],
      [cached, 'The list read from this shop on'],
      [{ state: 'skipped' }, 'The built-in sandbox has no product list: it accepts any product']
    ] as const) {
      const api = createFakeApi({ 'products.list': () => ({ ...unknown, catalog }) })
      const { unmount } = renderWithApi(<WithSession summary={session()}>{(state) => <ProductsScreen state={state} onNext={() => undefined} />}</WithSession>, api)
      if (catalog.state === 'ready') {
        const row = await screen.findByTestId(TID.products.line('mystery'))
        expect(row.dataset['match']).toBe('none')
        expect(row.textContent).toContain(expected)
        expect(screen.queryByTestId(TID.products.useOffer('mystery'))).toBeNull()
        expect(screen.getByTestId(TID.products.stopped).textContent).toContain('2 orders have a product the shop does not have')
      } else {
        await waitFor(() => expect(screen.getByTestId(TID.products.catalog).textContent).toContain(expected))
        if (catalog.state === 'unavailable') {
          expect(screen.getByTestId(TID.products.catalog).textContent).toContain('(3 products) is used instead once you go on')
          expect(screen.getByTestId(TID.products.goOn).textContent).toBe('Go on with the older list')
        }
      }
      unmount()
    }
  })

  it('pages a free-text product column: the lines that need the user first, a filter, show more, and the counts of all lines', async () => {
    const lines: ProductLine[] = []
    for (let i = 1; i <= 130; i++) {
      const value = `item ${String(i).padStart(3, '0')}`
      if (i % 40 === 0) lines.push(line({ value, match: 'none' }))
      else if (i === 77) lines.push(line({ value, match: 'close', found: SHOP[2]! }))
      else lines.push(line({ value, match: 'name', found: SHOP[0]!, product: SHOP[0]! }))
    }
    const big: ProductsView = { ...view({}), lines, summary: productLinesSummary(lines, true), stopped: { unknownProduct: 3, delivery: 0 } }
    const api = createFakeApi({ 'products.list': () => big })
    const user = userEvent.setup()
    renderWithApi(<WithSession summary={session()}>{(state) => <ProductsScreen state={state} onNext={() => undefined} />}</WithSession>, api)
    const table = await screen.findByTestId(TID.products.table)
    expect(screen.getByTestId(TID.products.summary).textContent).toBe('130 products in the sheet. Not in the shop: 3; only a close match: 1; a price that differs: 0.')
    const rows = () => within(table).getAllByRole('row').slice(1).map((row) => row.dataset['testid']!.replace('products-line-', ''))
    expect(rows()).toHaveLength(PRODUCTS_PAGE)
    // Not in the shop, then the close match, then the rest in the sheet's order.
    expect(rows().slice(0, 6)).toEqual(['item 040', 'item 080', 'item 120', 'item 077', 'item 001', 'item 002'])
    expect(screen.getByTestId(TID.products.showing).textContent).toBe('Showing 50 of 130, those that need you first.')

    await user.click(screen.getByTestId(TID.products.more))
    expect(rows()).toHaveLength(100)
    await user.click(screen.getByTestId(TID.products.more))
    expect(rows()).toHaveLength(130)
    expect(screen.queryByTestId(TID.products.more)).toBeNull()

    await user.type(screen.getByLabelText('Find a product of the sheet'), 'item 12')
    expect(rows()).toEqual(['item 120', ...Array.from({ length: 9 }, (_, k) => `item 12${k + 1}`)])
    expect(screen.getByTestId(TID.products.showing).textContent).toBe('Showing 10 of 10, those that need you first.')
    expect(screen.getByTestId(TID.products.summary).textContent).toContain('130 products in the sheet')
    await user.clear(screen.getByTestId(TID.products.filter))
    await user.type(screen.getByTestId(TID.products.filter), 'nothing like it')
    expect(screen.queryByTestId(TID.products.table)).toBeNull()
    expect(screen.getByTestId(TID.products.showing).textContent).toBe('No product of the sheet contains "nothing like it".')
  })

  it('words the counts of all lines in Russian with their plural forms', async () => {
    setup(undefined, 'ru')
    await screen.findByTestId(TID.products.table)
    expect(screen.getByTestId(TID.products.summary).textContent).toBe('В таблице 3 товара. Нет в магазине: 0; есть только похожий: 1; цена отличается: 1.')
    expect(screen.getByTestId(TID.products.showing).textContent).toBe('Показано 3 из 3, сначала те, что ждут вашего решения.')
  })

  it('reads the list again on request', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.products.refresh))
    await waitFor(() => expect(api.inputsOf('catalog.get')).toContainEqual({ refresh: true }))
  })

  it('follows Map when the shop has a list, and is skipped for the sandbox without one', async () => {
    for (const [catalog, lands] of [
      [{ state: 'ready', fetchedAt: 1, products: 3 }, 'Products in the shop'],
      [{ state: 'skipped' }, 'Review rows']
    ] as const) {
      const user = userEvent.setup()
      const api = createFakeApi({
        'sheet.load': () => session(),
        'mapping.previewOrder': () => new Failure('not needed here'),
        'templates.list': () => [],
        'catalog.get': () => catalog,
        'products.list': () => view({}, catalog),
        'rows.page': () => ({ total: 0, rows: [], counts: counts() })
      })
      const { unmount } = renderWithApi(<App initialStep="load" />, api)
      await user.upload(screen.getByTestId(TID.load.fileInput), new File(['a;b\n1;2\n'], 'orders.csv', { type: 'text/csv' }))
      await user.click(await screen.findByTestId(TID.load.next))
      await user.click(await screen.findByTestId(TID.map.next))
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(lands))
      expect(screen.getByTestId(TID.step('products'))).toHaveProperty('disabled', false)
      unmount()
    }
  })
})
