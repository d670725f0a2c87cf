// The Map step's Products check (issue 12 §1 in the app): the sheet's products against the
// connected shop's product list, with unknown, title and close matches and price differences.
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ProductsCheck } from '#shared/ipc/contract'
import { MapScreen } from '../../renderer/src/screens/map/MapScreen'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { counts, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

const CHECK: ProductsCheck = {
  source: 'fresh',
  sandbox: false,
  reason: null,
  fetchedAt: Date.UTC(2026, 11, 5, 10, 0),
  shopProducts: 3,
  unknownOrders: 2,
  products: [
    { value: 'course-1', orders: 40, match: 'name', product: { name: 'course-1', title: 'Course one', price: '1500.00', kind: 'digital' }, otherPrices: ['1400'], withoutPrice: 0 },
    { value: 'Course two', orders: 5, match: 'title', product: { name: 'course-2', title: 'Course two', price: '990.00', kind: 'digital' }, otherPrices: [], withoutPrice: 5 },
    { value: 'cours-3', orders: 1, match: 'close', product: { name: 'course-3', title: 'Course three', price: null, kind: 'digital' }, otherPrices: [], withoutPrice: 0 },
    { value: 'book', orders: 1, match: 'none', product: null, otherPrices: [], withoutPrice: 0 }
  ]
}

function setup(answer: ProductsCheck = CHECK) {
  const api = createFakeApi({ 'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }), 'products.check': () => answer })
  renderWithApi(<WithSession summary={session()}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api)
  return { api, user: userEvent.setup() }
}

describe('Map step: products against the shop', () => {
  it('lists each product with its match in the shop, the price differences and the orders that cannot be sent', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.map.productsCheck))
    await waitFor(() => expect(screen.getByTestId(TID.map.productsTable)).toBeTruthy())
    expect(api.lastInput('products.check')).toEqual({ sessionId: 's-1', refresh: false })
    expect(screen.getByTestId(TID.map.productRow('course-1')).textContent).toContain('the shop says 1500.00, the sheet 1400')
    expect(screen.getByTestId(TID.map.productRow('Course two')).textContent).toContain('sent as "course-2"')
    expect(screen.getByTestId(TID.map.productRow('Course two')).textContent).toContain("5 lines without a price get the shop's 990.00")
    expect(screen.getByTestId(TID.map.productRow('cours-3')).textContent).toContain('did you mean "course-3"')
    expect(screen.getByTestId(TID.map.productRow('book')).textContent).toContain('not in the shop')
    expect(screen.getByTestId(TID.map.productsUnknown).textContent).toBe('2 orders have a product the shop does not have: they are errors and are not sent.')
    // A second press reads the list again.
    await user.click(screen.getByTestId(TID.map.productsCheck))
    await waitFor(() => expect(api.lastInput('products.check')).toEqual({ sessionId: 's-1', refresh: true }))
  })

  it('says so when the list cannot be read, and when the sandbox sells anything', async () => {
    const { user } = setup({ ...CHECK, source: 'none', reason: 'connection refused', fetchedAt: null, shopProducts: 0, unknownOrders: 0, products: [] })
    await user.click(await screen.findByTestId(TID.map.productsCheck))
    expect((await screen.findByTestId(TID.map.productsNote)).textContent).toContain("could not be read (connection refused). Products are not checked before sending")
  })
})
