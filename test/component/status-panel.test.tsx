// The Map step's order status (issue 12 §2): where the status comes from, the value table stored
// with the mapping, the payment date, and the backlog auto-cancel switch.
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { MapScreen } from '../../renderer/src/screens/map/MapScreen'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, type FakeApi } from './fake-api'
import { counts, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

function setup() {
  const base = session()
  const summary = session({
    headers: [...base.headers, 'Статус', 'Оплачено'],
    rawPreview: [
      { row: 2, cells: [...base.rawPreview[0]!.cells, 'Оплачен', '2024-03-15'] },
      { row: 3, cells: [...base.rawPreview[1]!.cells, 'Ждёт оплаты', ''] }
    ]
  })
  const api = createFakeApi({ 'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }) })
  renderWithApi(<WithSession summary={summary}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api)
  return { api, user: userEvent.setup() }
}

async function lastMapping(api: FakeApi, calls: number) {
  await waitFor(() => expect(api.inputsOf('mapping.set').length).toBe(calls))
  return api.lastInput('mapping.set')!.mapping
}

describe('Map step: order status', () => {
  it('takes the status from a column with the default table, shows the sheet values, and stores an edited row', async () => {
    const { api, user } = setup()
    await user.selectOptions(await screen.findByTestId(TID.map.statusSource), 'Статус')
    const first = await lastMapping(api, 1)
    expect(first.status?.source).toEqual({ kind: 'column', column: 'Статус' })
    expect(first.status?.values).toContainEqual({ value: 'Оплачен', status: 'paid' })
    expect(first.status?.otherwise).toBe('none')

    // The sheet's own value that the table lacks is offered, with the default.
    const waiting = await screen.findByTestId(TID.map.statusValue('Ждёт оплаты'))
    expect((waiting as HTMLSelectElement).value).toBe('none')
    expect(screen.getByTestId(TID.map.statusTable).textContent).toContain('not in the table yet')
    await user.selectOptions(waiting, 'cancel')
    const second = await lastMapping(api, 2)
    expect(second.status?.values.at(-1)).toEqual({ value: 'Ждёт оплаты', status: 'cancel' })

    await user.selectOptions(screen.getByTestId(TID.map.statusPaidAt), 'Оплачено')
    const third = await lastMapping(api, 3)
    expect(third.status?.paidAt).toEqual({ kind: 'column', column: { column: 'Оплачено' } })
  })

  it('one status for the whole file, and back to none', async () => {
    const { api, user } = setup()
    await user.selectOptions(await screen.findByTestId(TID.map.statusSource), 'One status for the whole file: paid')
    expect((await lastMapping(api, 1)).status).toMatchObject({ source: { kind: 'constant', value: 'paid' } })
    expect(screen.queryByTestId(TID.map.statusTable)).toBeNull()
    await user.selectOptions(screen.getByTestId(TID.map.statusSource), 'none')
    expect((await lastMapping(api, 2)).status).toBeUndefined()
  })

  it('old orders are not auto-cancelled by default; the switch leaves it to the shop', async () => {
    const { api, user } = setup()
    const backlog = await screen.findByTestId(TID.map.backlogNoCancel)
    expect((backlog as HTMLInputElement).checked).toBe(true)
    await user.click(backlog)
    expect((await lastMapping(api, 1)).backlogTimerKill).toBe('shop')
  })
})
