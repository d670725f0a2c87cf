// Row #23 of the fault matrix (reliability.md §5.3): the journal cannot commit the intent to send
// (the disk is full). The order must not leave: nothing may reach the shop for it, the run stops
// with a plain message, the order stays pending, and a later resume sends it exactly once.
import { renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Journal } from '../../../electron/main/journal'
import { journalStep } from '../../../electron/main/journal/journal-step'
import { storageError } from '../../../electron/main/journal/sqlite-errors'
import { checkInvariants, clientFor, sendAll, useSenderScene } from './helpers'

const scene = useSenderScene()

/** The real journal, except that the next intent commit fails the way the journal reports a
 * full disk: SQLite's own SQLITE_FULL error, wrapped by the journal's storage error. A tiny
 * max_page_count cannot do this deterministically: an intent row fits in a page already there. */
function journalWithFullDisk(journal: Journal): { journal: Journal; failures: () => number } {
  let failures = 0
  const proxy = new Proxy(journal, {
    get(target, prop) {
      if (prop === 'beginAttempts' && failures === 0) {
        return (orderIds: readonly number[]) => {
          failures += 1
          const cause = new Database.SqliteError('database or disk is full', 'SQLITE_FULL')
          throw storageError(target.path, journalStep('journal.step.recordSendings', { count: orderIds.length }), cause)
        }
      }
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    }
  })
  return { journal: proxy, failures: () => failures }
}

describe('#23 the journal cannot commit the intent (disk full)', () => {
  it('sends nothing, stops with a plain message, keeps the orders pending; a resume sends each once', async () => {
    const { sandbox, t } = await scene.start(3)
    const full = journalWithFullDisk(t.journal)

    const first = await sendAll({ ...t, journal: full.journal }, clientFor(sandbox.baseUrl))
    expect(full.failures()).toBe(1)
    expect(first.result.outcome).toBe('stopped')
    expect(first.result.message).toContain('the disk is full')
    expect(first.result.message).toContain(t.journal.path)
    expect(first.result.message).not.toMatch(/unexpected|\n\s+at /)
    // The same stop in Russian, the journal's write error included, the step's name too.
    const russian = renderMessage(translatorFor('ru'), first.result.said)
    expect(russian).toMatch(/^Запуск \d+ остановлен: /)
    expect(russian).toContain(t.journal.path)
    expect(russian).toContain('диск заполнен. Освободите место и попробуйте снова')
    expect(russian).toContain('Из этого шага ничего не сохранено.')
    expect(russian).toMatch(/Не удалось записать отправку \d+ заказ/)
    expect(russian).not.toContain('record the sending')
    expect(russian).toMatch(/Когда это будет исправлено, продолжите запуск\.$/)
    expect(sandbox.requests()).toBe(0)
    expect(sandbox.ledger.count()).toBe(0)
    const afterFailure = t.journal.runCounts(t.runId)
    expect(afterFailure).toMatchObject({ pending: 3, sending: 0, unknown: 0, succeeded: 0 })
    expect(t.journal.getRun(t.runId)?.status).toBe('stopped')
    for (const id of t.ids) expect(t.journal.getOrder(id)?.attempts).toBe(0)

    // The disk has room again: the same run resumes and creates every order exactly once.
    const second = await sendAll(t, clientFor(sandbox.baseUrl))
    expect(second.result.outcome).toBe('finished')
    expect(second.result.counts).toMatchObject({ succeeded: 3 })
    expect(second.events.some((e) => e.kind === 'reconciled')).toBe(false)
    expect(sandbox.requests()).toBe(3)
    checkInvariants(t, sandbox)
  })
})
