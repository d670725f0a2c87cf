import { englishOf, storedNote, storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { spawnJournalChild, waitForExit } from './child'
import { makeTempDir, stagedJournal } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

describe('journal crash safety', () => {
  it('keeps an intent committed just before the process was killed, as an unknown order', async () => {
    const path = join(dir, 'journal.sqlite')
    const { journal, runId, orderIds } = stagedJournal(path, 3)
    journal.close()

    const child = spawnJournalChild(['crash', path, String(orderIds[1])])
    const exit = await waitForExit(child)
    expect(exit.signal).toBe('SIGKILL')

    const reopened = Journal.open(path)
    try {
      expect(reopened.uncleanShutdown).toBe(true)
      expect(reopened.recoveredSending).toBe(1)
      expect(reopened.integrityCheck()).toEqual([])
      const order = reopened.getOrder(orderIds[1]!)
      expect(order?.state).toBe('unknown')
      expect(order?.attempts).toBe(1)
      expect(englishOf(storedNote(order!.errorText!))).toMatch(/stopped while this order was being sent/)
      // Stored as a key: read in the reader's language.
      expect(storedText(translatorFor('ru'), order!.errorText!)).toBe('Orderbatch остановился, когда этот заказ отправлялся; магазин мог его создать.')
      const [attempt] = reopened.attempts(orderIds[1]!)
      expect(attempt?.outcome).toBe('unknown')
      expect(attempt?.finishedAt).not.toBeNull()
      expect(reopened.runCounts(runId)).toMatchObject({ pending: 2, unknown: 1, sending: 0 })
      // Never sent again on its own: it is not among the due orders.
      expect(reopened.nextDue(runId, Date.now(), 10).map((o) => o.id)).not.toContain(orderIds[1])
    } finally {
      reopened.close()
    }
  })

  it('turns every order left sending into unknown on a plain reopen as well', () => {
    const path = join(dir, 'journal.sqlite')
    const { journal, orderIds } = stagedJournal(path, 2)
    journal.beginAttempt(orderIds[0]!)
    journal.beginAttempt(orderIds[1]!)
    journal.close()
    const reopened = Journal.open(path)
    expect(reopened.recoveredSending).toBe(2)
    expect(reopened.getOrder(orderIds[0]!)?.state).toBe('unknown')
    reopened.close()
    const again = Journal.open(path)
    expect(again.recoveredSending).toBe(0)
    again.close()
  })
})
