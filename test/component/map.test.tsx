import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ChannelInput, OrderPreview } from '#shared/ipc/contract'
import { MapScreen } from '../../renderer/src/screens/map/MapScreen'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, Failure, type FakeApi } from './fake-api'
import { counts, issue, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

function preview(input: ChannelInput<'mapping.previewOrder'>): OrderPreview {
  const row = input.order + 1
  return {
    order: { index: input.order, key: null, rows: [row], fields: { bill_email: `buyer${input.order}@example.com` }, goods: [{ good_name: 'course-1', good_sum: '1500', row }] },
    issues: [],
    body: `goods%5B0%5D%5Bgood_name%5D=course-1&goods%5B0%5D%5Bgood_sum%5D=1500&bill_email=buyer${input.order}%40example.com&hash=•••`
  }
}

function setup(summary = session()) {
  const api = createFakeApi({
    'mapping.set': (input) => ({ mapping: input.mapping, counts: counts({ errors: 1, validOrders: 99 }) }),
    'mapping.previewOrder': preview,
    'templates.list': () => [{ name: 'Tilda export', headers: [], savedAt: 1 }],
    'templates.save': (input) => ({ name: input.name })
  })
  renderWithApi(<WithSession summary={summary}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api)
  return { api, user: userEvent.setup() }
}

async function lastMapping(api: FakeApi) {
  await waitFor(() => expect(api.inputsOf('mapping.set').length).toBeGreaterThan(0))
  return api.lastInput('mapping.set')!.mapping
}

describe('Map screen', () => {
  it("names the shop's price a good without one gets, when the product list knows it", async () => {
    const api = createFakeApi({
      'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }),
      'mapping.previewOrder': (input) => ({
        order: { index: input.order, key: null, rows: [2], fields: {}, goods: [{ good_name: 'course-1', row: 2 }, { good_name: 'mystery', row: 2 }] },
        issues: [],
        body: 'goods%5B0%5D%5Bgood_name%5D=course-1&hash=•••',
        shopPrices: ['4900.00', null]
      }),
      'templates.list': () => []
    })
    renderWithApi(<WithSession summary={session()}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api)
    const fields = await screen.findByTestId(TID.map.previewFields)
    await waitFor(() => expect(fields.textContent).toContain('course-1 · shop price, 4,900.00'))
    expect(fields.textContent).toContain('mystery · shop price')
    expect(fields.textContent).not.toContain('mystery · shop price,')
  })

  it('shows every field with its column and a confidence badge', async () => {
    setup()
    const email = await screen.findByTestId(TID.map.source('bill_email'))
    expect((email as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('E-mail')
    expect(screen.getByTestId(TID.map.badge('bill_email')).textContent).toBe('Matched · 95%')
    expect(screen.getByTestId(TID.map.badge('bill_email')).className).toContain('badge-high')
    expect(screen.getByTestId(TID.map.badge('bill_first_name')).className).toContain('badge-medium')
    expect(screen.getByTestId(TID.map.badge('bill_phone')).textContent).toBe('Not mapped')
    for (const group of ['Customer', 'Delivery', 'Order', 'Tracking', 'Affiliate', 'Goods']) {
      expect(screen.getByRole('group', { name: group })).toBeTruthy()
    }
  })

  it('sends the new mapping to main when a field gets another column, and shows the new counts', async () => {
    const { api, user } = setup()
    await user.selectOptions(await screen.findByTestId(TID.map.source('bill_phone')), 'Phone')
    const mapping = await lastMapping(api)
    expect(mapping.fields.bill_phone).toEqual({ source: { kind: 'column', column: 'Phone' } })
    expect(mapping.fields.bill_email).toEqual({ source: { kind: 'column', column: 'E-mail' } })
    expect(api.lastInput('mapping.set')?.sessionId).toBe('s-1')
    await waitFor(() => expect(screen.getByTestId(TID.counts).querySelector('[data-count="validOrders"] dd')?.textContent).toBe('99'))
    expect(screen.getByTestId(TID.map.badge('bill_phone')).textContent).toBe('Chosen by you')

    await user.selectOptions(screen.getByTestId(TID.map.source('bill_phone')), 'none')
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.fields).not.toHaveProperty('bill_phone'))
  })

  it('marks a required field that is not mapped, and sets a constant for every order', async () => {
    const { api, user } = setup()
    await user.selectOptions(await screen.findByTestId(TID.map.source('bill_email')), 'none')
    expect(screen.getByTestId(TID.map.badge('bill_email')).textContent).toBe('Required — not mapped')

    await user.selectOptions(screen.getByTestId(TID.map.source('bill_tag')), 'constant')
    await user.type(screen.getByTestId(TID.map.constant('bill_tag')), 'spring sale{Enter}')
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.fields.bill_tag).toEqual({ source: { kind: 'constant', value: 'spring sale' } }))
  })

  it('adds a good as a new product/price pair and maps its columns', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.map.addGood))
    let mapping = await lastMapping(api)
    expect(mapping.goods).toHaveLength(2)
    expect(mapping.goods[1]).toEqual({ name: { source: { kind: 'none' } } })

    await user.selectOptions(screen.getByTestId(TID.map.goodName(1)), 'Product 2')
    await user.selectOptions(screen.getByTestId(TID.map.goodSum(1)), 'Price 2')
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.goods[1]?.sum).toBeDefined())
    mapping = api.lastInput('mapping.set')!.mapping
    expect(mapping.goods[1]).toEqual({
      name: { source: { kind: 'column', column: 'Product 2' } },
      sum: { source: { kind: 'column', column: 'Price 2' } }
    })

    await user.click(screen.getByTestId(TID.map.removeGood(0)))
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.goods).toHaveLength(1))
    expect(api.lastInput('mapping.set')?.mapping.goods[0]?.name.source).toEqual({ kind: 'column', column: 'Product 2' })
  })

  it('groups rows by the chosen column and back to one order per row', async () => {
    const { api, user } = setup()
    await user.selectOptions(await screen.findByTestId(TID.map.groupBy), 'Order')
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.groupBy).toEqual({ column: 'Order' }))
    expect(screen.getByText(/Rows with the same value in "Order" make one order/)).toBeTruthy()
    await user.selectOptions(screen.getByTestId(TID.map.groupBy), 'row')
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.groupBy).toBeNull())
  })

  it('turns on "goods are shipped", which makes the delivery fields required', async () => {
    const { api, user } = setup()
    const city = await screen.findByTestId(TID.map.badge('bill_city'))
    expect(city.textContent).toBe('Not mapped')
    await user.click(screen.getByTestId(TID.map.shipped))
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.shipped).toBe(true))
    expect(screen.getByTestId(TID.map.badge('bill_city')).textContent).toBe('Required — not mapped')
    expect(screen.getByRole('switch', { name: 'Goods are shipped' })).toHaveProperty('checked', true)
  })

  it('previews the order with its masked request body, for the order number chosen', async () => {
    const { api, user } = setup()
    const body = await screen.findByTestId(TID.map.previewBody)
    expect(body.textContent).toContain('bill_email=buyer1%40example.com')
    expect(body.textContent?.endsWith('&hash=•••')).toBe(true)
    expect(within(screen.getByTestId(TID.map.previewFields)).getByText('buyer1@example.com')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Next order' }))
    await waitFor(() => expect(screen.getByTestId(TID.map.previewBody).textContent).toContain('buyer2%40example.com'))
    expect(api.lastInput('mapping.previewOrder')).toEqual({ sessionId: 's-1', order: 2 })

    // A mapping change asks for the preview again.
    const before = api.inputsOf('mapping.previewOrder').length
    await user.selectOptions(screen.getByTestId(TID.map.source('bill_phone')), 'Phone')
    await waitFor(() => expect(api.inputsOf('mapping.previewOrder').length).toBeGreaterThan(before))
  })

  it('asks the user to choose where matching was ambiguous, and applies the choice', async () => {
    const summary = session({
      mapping: { ...session().mapping, fields: { bill_first_name: { source: { kind: 'column', column: 'Name' } } } },
      auto: {
        ...session().auto!,
        ambiguities: [{
          code: 'look-alike',
          params: { field: 'bill_email', spec: 'bill_email' },
          field: 'bill_email',
          candidates: [{ column: 'E-mail', columnIndex: 1, confidence: 0.9 }, { column: 'E-mail 2', columnIndex: 2, confidence: 0.88 }],
          message: 'Columns "E-mail" and "E-mail 2" both look like E-mail (bill_email); none was used so nothing is guessed. Pick the right column for E-mail by hand.'
        }]
      }
    })
    const { api, user } = setup(summary)
    const warning = await screen.findByTestId(TID.map.ambiguity('bill_email'))
    expect(warning.textContent).toContain('nothing is guessed')
    await user.click(within(warning).getByRole('button', { name: /Use "E-mail 2"/ }))
    await waitFor(() => expect(api.lastInput('mapping.set')?.mapping.fields.bill_email).toEqual({ source: { kind: 'column', column: 'E-mail 2' } }))
    expect(screen.queryByTestId(TID.map.ambiguity('bill_email'))).toBeNull()
  })

  it('shows problems of the whole sheet above the fields until main reports them gone', async () => {
    const blocking = issue({ row: null, column: null, field: 'bill_email', order: null, code: 'required', message: 'No column is mapped to E-mail (bill_email), which every order needs. Choose its column.' })
    const { api, user } = setup(session({ sheetIssues: [blocking] }))
    const box = await screen.findByTestId(TID.sheetIssues)
    expect(box.textContent).toContain('no order can be sent until then')
    expect(box.textContent).toContain('No column is mapped to E-mail')
    api.handle('mapping.set', (input) => ({ mapping: input.mapping, counts: counts(), sheetIssues: [] }))
    await user.selectOptions(screen.getByTestId(TID.map.source('bill_phone')), 'Phone')
    await waitFor(() => expect(screen.queryByTestId(TID.sheetIssues)).toBeNull())
  })

  it('saves the mapping as a template under the given name', async () => {
    const { api, user } = setup()
    const name = await screen.findByTestId(TID.map.templateName)
    expect((name as HTMLInputElement).value).toBe('orders')
    await user.clear(name)
    await user.type(name, 'Tilda export')
    expect(screen.getByTestId(TID.map.templateSave).textContent).toBe('Replace template')
    await user.click(screen.getByTestId(TID.map.templateSave))
    await waitFor(() => expect(api.inputsOf('templates.save')).toEqual([{ sessionId: 's-1', name: 'Tilda export' }]))
    expect((await screen.findByText(/Saved as "Tilda export"/)).textContent).toContain('mapped this way automatically')
  })

  it('shows a refusal of the mapping as an error, and ignores answers to older changes', async () => {
    const { api, user } = setup()
    let release: (() => void) | null = null
    api.handle('mapping.set', (input) => {
      if (!input.mapping.fields.bill_tag) {
        return new Promise((resolve) => {
          release = () => resolve({ mapping: input.mapping, counts: counts({ validOrders: 1 }) })
        })
      }
      return new Failure('Column "Tag" is mapped twice. Choose one field for it.', 'mapping')
    })
    await user.selectOptions(await screen.findByTestId(TID.map.source('bill_phone')), 'Phone')
    await user.selectOptions(screen.getByTestId(TID.map.source('bill_tag')), 'City')
    expect((await screen.findByRole('alert')).textContent).toBe('Column "Tag" is mapped twice. Choose one field for it.')
    await act(async () => release?.())
    // The late answer to the first change must not overwrite the counts or clear the error.
    expect(screen.getByTestId(TID.counts).querySelector('[data-count="validOrders"] dd')?.textContent).toBe('95')
    expect(screen.getByRole('alert')).toBeTruthy()
  })
})
