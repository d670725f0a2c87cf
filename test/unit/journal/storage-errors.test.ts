// A storage failure names the step that failed in the reader's language: the whole sentence is
// Russian for a Russian reader, and the English one is word for word what it was when the step
// was an English phrase.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderMessage, type Message } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { JournalError, type Journal } from '../../../electron/main/journal'
import { createContext } from '../../../electron/main/journal/context'
import { journalStep } from '../../../electron/main/journal/journal-step'
import type { Statements } from '../../../electron/main/journal/statements'
import { makeTempDir, stagedJournal } from '../../integration/journal/helpers'

const russian = (message: Message): string => renderMessage(translatorFor('ru'), message)

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

/** The journal's own connection: the test makes it refuse writes or spoils a row. */
function connectionOf(journal: Journal): Database.Database {
  return (journal as unknown as { db: Database.Database }).db
}

function failureOf(action: () => unknown): JournalError {
  try {
    action()
  } catch (error) {
    if (error instanceof JournalError) return error
    throw error
  }
  throw new Error('the journal did not fail')
}

describe('a storage error names the failed step in the reader language', () => {
  it('a write the file refuses (read-only): English as before, Russian throughout, with Russian plurals', () => {
    const path = join(dir, 'j.sqlite')
    const { journal, runId, orderIds } = stagedJournal(path, 2)
    connectionOf(journal).pragma('query_only = ON')

    const batch = failureOf(() => journal.beginAttempts(orderIds))
    expect(batch.code).toBe('storage')
    expect(batch.message).toBe(
      `Could not record the sending of 2 orders: the file is read-only. Allow writing to it, then run the same command again. Journal: ${path}. Nothing of this step was saved.`
    )
    expect(russian(batch.localized!)).toBe(
      `Не удалось записать отправку 2 заказов: файл доступен только для чтения. Разрешите запись в него и выполните ту же команду снова. Журнал: ${path}. Из этого шага ничего не сохранено.`
    )

    const one = failureOf(() => journal.beginAttempt(orderIds[0]!))
    expect(one.message).toMatch(/^Could not record the sending of order id \d+: the file is read-only\./)
    expect(russian(one.localized!)).toBe(
      `Не удалось записать отправку заказа с id ${orderIds[0]}: файл доступен только для чтения. Разрешите запись в него и выполните ту же команду снова. Журнал: ${path}. Из этого шага ничего не сохранено.`
    )

    const status = failureOf(() => journal.setRunStatus(runId, 'paused'))
    expect(status.message).toMatch(new RegExp(`^Could not change the status of run ${runId}: `))
    expect(russian(status.localized!)).toMatch(new RegExp(`^Не удалось изменить состояние запуска ${runId}: файл доступен только для чтения`))
    expect(russian(status.localized!)).not.toContain('change the status')
    journal.close()
  })

  it('a row the journal cannot read: the damaged refusal says what in Russian', () => {
    const path = join(dir, 'j.sqlite')
    const { journal, runId } = stagedJournal(path, 1)
    connectionOf(journal).prepare('UPDATE runs SET mapping = ? WHERE id = ?').run('{not json', runId)

    const damaged = failureOf(() => journal.getRun(runId))
    expect(damaged.code).toBe('damaged')
    expect(damaged.message).toContain(`The journal ${path} is damaged (the mapping of run ${runId} cannot be read; nothing was sent for it), so nothing more`)
    expect(russian(damaged.localized!)).toContain(`(сопоставление запуска ${runId} не читается; для этого запуска ничего не отправлено)`)
    journal.close()
  })

  it('a corrupt file met in the middle of a step: "Orderbatch could not ..." in the reader language', () => {
    const db = new Database(':memory:')
    // The steps here run no statement of their own: they fail the way a corrupt or full file does.
    const ctx = createContext(db, {} as Statements, '/data/j.sqlite', () => 0)
    const corrupt = failureOf(() =>
      ctx.read(journalStep('journal.step.recordAnswers', { count: 1 }), () => {
        throw new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT')
      })
    )
    expect(corrupt.code).toBe('damaged')
    expect(corrupt.message).toContain('The journal /data/j.sqlite is damaged (Orderbatch could not record the answer for 1 order), so')
    expect(russian(corrupt.localized!)).toContain('повреждён (Orderbatch не смог записать ответ для 1 заказа)')

    const many = failureOf(() =>
      ctx.write(journalStep('journal.step.recordAnswers', { count: 1205 }), () => {
        throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL')
      })
    )
    expect(many.message).toMatch(/^Could not record the answers for 1,205 orders: the disk is full\./)
    // The reader's digits: a Russian thousands separator (a no-break space).
    expect(russian(many.localized!)).toMatch(/^Не удалось записать ответы для 1\u00a0205 заказов: диск заполнен\./)
    db.close()
  })
})
