// The Map step shows where the file came from: the recognized export, the grouping and why,
// guesses to confirm (highlighted until confirmed), the zone and day/month order, the quantity
// choice and the split of full names.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Mapping } from '#shared/mapping/mapping'
import { MapScreen } from '../../renderer/src/screens/map/MapScreen'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, type FakeApi } from './fake-api'
import { counts, mapping, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

const shopify = (): Mapping =>
  mapping({
    fields: {
      bill_email: { source: { kind: 'column', column: 'E-mail' } },
      bill_first_name: { source: { kind: 'column', column: 'Name' }, transform: { namePart: 'first', nameOrder: 'given-first' } },
      bill_surname: { source: { kind: 'column', column: 'Name' }, transform: { namePart: 'last', nameOrder: 'given-first' } }
    },
    goods: [{ name: { source: { kind: 'column', column: 'Product' } }, sum: { source: { kind: 'column', column: 'Price' } }, quantity: { column: { column: 'Price 2' }, mode: 'repeat', price: 'unit' } }],
    groupBy: { column: 'Order' },
    defaults: { dateOrder: 'mdy', timeZone: 'America/New_York', decimal: 'auto' },
    preset: 'shopify-orders',
    guesses: [{ field: 'goods[0][good_name]', column: 'Product', code: 'product.sku', params: { column: 'Product', other: 'Product 2' } }]
  })

function setup() {
  const summary = session({
    mapping: shopify(),
    source: { id: 'shopify-orders', name: 'Shopify orders export' },
    notes: [
      { code: 'preset.recognized', params: { name: 'Shopify orders export', id: 'shopify-orders' }, level: 'info' },
      { code: 'name.split', params: { column: 'Name', order: 'given-first', example: 'Jane Cooper', first: 'Jane', last: 'Cooper', middle: '' }, level: 'info' },
      { code: 'group.preset', params: { column: 'Order', name: 'Shopify orders export' }, level: 'info' },
      { code: 'product.sku', params: { column: 'Product', other: 'Product 2' }, level: 'guess' }
    ]
  })
  const api = createFakeApi({ 'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }) })
  renderWithApi(<WithSession summary={summary}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api)
  return { api, user: userEvent.setup() }
}

async function lastMapping(api: FakeApi): Promise<Mapping> {
  await waitFor(() => expect(api.inputsOf('mapping.set').length).toBeGreaterThan(0))
  return api.lastInput('mapping.set')!.mapping
}

describe('Map step: where the file came from', () => {
  it('shows the recognized source, the grouping and why, the times and the name split', async () => {
    setup()
    expect((await screen.findByTestId(TID.map.recognized)).textContent).toBe('Recognized: Shopify orders export')
    expect(screen.getByTestId(TID.map.grouping).textContent).toBe('Orders: rows with the same "Order" are one order.')
    const panel = screen.getByTestId(TID.map.sourcePanel)
    expect(panel.textContent).toContain('Rows with the same "Order" are one order: Shopify orders export lists each line item on a row of its own.')
    expect(panel.textContent).toContain('"Jane Cooper" gives first name "Jane", surname "Cooper"')
    expect(screen.getByTestId(TID.map.times).textContent).toContain('America/New_York')
    expect(screen.getByTestId(TID.map.times).textContent).toContain('month first')
  })

  it('highlights a guess until it is confirmed, then sends the mapping without it', async () => {
    const { api, user } = setup()
    const guess = await screen.findByTestId(TID.map.guess('goods[0][good_name]'))
    expect(guess.className).toContain('guess')
    expect(guess.textContent).toContain('Column "Product" (product IDs) is the product, not "Product 2" (titles).')
    expect(document.querySelector('.good-part.guess')).not.toBeNull()
    await user.click(within(guess).getByRole('button', { name: 'Confirm "Product"' }))
    const sent = await lastMapping(api)
    expect(sent.guesses).toBeUndefined()
    await waitFor(() => expect(screen.queryByTestId(TID.map.guess('goods[0][good_name]'))).toBeNull())
    expect(document.querySelector('.good-part.guess')).toBeNull()
  })

  it('lets the user choose how a quantity reaches CreateOrder', async () => {
    const { api, user } = setup()
    const quantity = await screen.findByTestId(TID.map.quantity)
    const [mode, price] = within(quantity).getAllByRole('combobox') as HTMLSelectElement[]
    expect(mode!.value).toBe('repeat')
    await user.selectOptions(mode!, 'multiply')
    expect((await lastMapping(api)).goods[0]!.quantity).toEqual({ column: { column: 'Price 2' }, mode: 'multiply', price: 'unit' })
    await user.selectOptions(price!, 'line')
    await waitFor(() => expect(api.lastInput('mapping.set')!.mapping.goods[0]!.quantity?.price).toBe('line'))
  })

  it('says so when the file is not a known export', async () => {
    const api = createFakeApi({})
    renderWithApi(<WithSession summary={session()}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api)
    expect((await screen.findByTestId(TID.map.recognized)).textContent).toBe('Not a known export: columns matched by their names')
    expect(screen.queryByTestId(TID.map.quantity)).toBeNull()
  })
})
