// History with status steps (issue 12 §2): each created order says whether it was marked paid
// ("created, not marked paid" otherwise), the run counts its statuses, and the failed statuses
// are sent again alone.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { RunOrder } from '#shared/ipc/contract'
import { App } from '../../renderer/src/App'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { runOrder, runSummary, stateCounts } from './fixtures'
import { renderWithApi } from './render'

const ORDERS: RunOrder[] = [
  runOrder(1, { statusStep: { status: 'paid', state: 'done', errorText: null } }),
  runOrder(2, { statusStep: { status: 'paid', state: 'failed', errorText: 'The API answered "order not paid" (code 202) to UpdateOrderStatus.' } }),
  runOrder(3)
]

function setup() {
  const run = runSummary({ runId: 7, counts: stateCounts({ succeeded: 3 }), total: 3, statuses: { pending: 0, sending: 0, done: 1, failed: 1, unknown: 0 } })
  const api = createFakeApi({
    'runs.list': () => [run],
    'runs.orders': () => ({ total: ORDERS.length, orders: ORDERS }),
    'runs.retryStatus': () => ({ requeued: 1, messages: [] })
  })
  renderWithApi(<App initialStep="history" />, api)
  return { api, user: userEvent.setup() }
}

describe('History: order statuses', () => {
  it('shows each order marked paid or not, the run’s statuses, and sends the failed ones again alone', async () => {
    const { api, user } = setup()
    const row = await screen.findByTestId(TID.history.run(7))
    await user.click(within(row).getByRole('button', { name: 'Run #7' }))
    await screen.findByTestId(TID.history.orders)
    expect(within(screen.getByTestId(TID.history.order(1))).getByTestId(TID.history.statusStep).textContent).toBe('marked paid')
    const second = screen.getByTestId(TID.history.order(2))
    expect(within(second).getByTestId(TID.history.statusStep).textContent).toBe('created, not marked paid')
    expect(second.textContent).toContain('order not paid')
    expect(within(screen.getByTestId(TID.history.order(3))).queryByTestId(TID.history.statusStep)).toBeNull()
    expect(screen.getByTestId(TID.history.statuses).textContent).toBe('Statuses: 1 set, 1 created but not set, 0 waiting.')

    await user.click(screen.getByTestId(TID.history.retryStatus))
    await waitFor(() => expect(api.lastInput('runs.retryStatus')).toEqual({ runId: 7 }))
    expect((await screen.findByTestId('run-action-result')).textContent).toContain('1 status goes again; its order is not sent again.')
  })
})
