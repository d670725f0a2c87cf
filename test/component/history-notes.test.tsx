// History shows what was done with an order after it was sent: deleted from the shop by undo, or
// the user's decision for an unclear order; the note stored as a key, worded in the reader's
// language, and the shop's own answers still first.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { RunOrder } from '#shared/ipc/contract'
import type { Language } from '#shared/i18n/language'
import { msg, storedMessage } from '#shared/i18n/message'
import { App } from '../../renderer/src/App'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { runOrder, runSummary, stateCounts } from './fixtures'
import { renderWithApi } from './render'

const ORDERS: RunOrder[] = [
  runOrder(1, { deleted: true, note: storedMessage(msg('orderNote.undo.deletedInApp')) }),
  runOrder(2, { note: storedMessage(msg('orderNote.resolve.createdInApp')) }),
  runOrder(3, { deleted: true }),
  runOrder(4, { deleted: true, note: 'deleted by hand long ago' })
]

async function open(language: Language) {
  const run = runSummary({ runId: 7, counts: stateCounts({ succeeded: 4 }), total: 4 })
  const api = createFakeApi({ 'runs.list': () => [run], 'runs.orders': () => ({ total: ORDERS.length, orders: ORDERS }) })
  renderWithApi(<App initialStep="history" />, api, { language })
  const user = userEvent.setup()
  const row = await screen.findByTestId(TID.history.run(7))
  await user.click(within(row).getAllByRole('button')[0]!)
  await screen.findByTestId(TID.history.orders)
}

const answer = (ordinal: number) => screen.getByTestId(TID.history.order(ordinal)).querySelector('td.answer')?.textContent

describe('History: notes on deleted and settled orders', () => {
  it('in English', async () => {
    await open('en')
    expect(answer(1)).toBe('Deleted by Undo in the app.')
    expect(answer(2)).toBe('Found in the shop by the user.')
    expect(answer(3)).toBe('')
    expect(answer(4)).toBe('deleted by hand long ago')
    expect(within(screen.getByTestId(TID.history.order(1))).getByTestId(TID.history.deletedTag).textContent).toBe('deleted in the shop')
    expect(within(screen.getByTestId(TID.history.order(2))).queryByTestId(TID.history.deletedTag)).toBeNull()
  })

  it('in Russian', async () => {
    await open('ru')
    expect(answer(1)).toBe('Удалён отменой в приложении.')
    expect(answer(2)).toBe('Пользователь нашёл его в магазине.')
    expect(answer(4)).toBe('deleted by hand long ago')
    expect(within(screen.getByTestId(TID.history.order(3))).getByTestId(TID.history.deletedTag).textContent).toBe('удалён в магазине')
  })
})
