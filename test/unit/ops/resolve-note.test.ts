// The user's finding for an unclear order (resolve, in the app or the CLI) is noted in the journal
// as a key and values, read in the reader's language.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { msg, storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { Journal } from '../../../electron/main/journal'
import { resolveOrder } from '../../../electron/main/ops/requeue'
import { order, runInput } from '../export/export-fixture'

let dir: string
let journal: Journal
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-resolve-'))
  journal = Journal.open(join(dir, 'j.sqlite'))
})
afterEach(() => {
  journal.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('resolveOrder', () => {
  it('notes the finding as a key: English and Russian when read', () => {
    const { run } = journal.stageRun(runInput({ version: 1 }), [order(1, [{ sheetRow: 2, cells: ['A-1', 'a@example.com', 'course'] }])])
    const [due] = journal.nextDue(run.id, Date.now(), 10)
    const { attemptId } = journal.beginAttempt(due!.id)
    journal.recordUnknown(due!.id, attemptId, { reason: 'no answer' })
    resolveOrder(journal, run, 1, { kind: 'created', billId: 77 }, { created: msg('orderNote.resolve.createdCli'), absent: msg('orderNote.resolve.absentCli') })
    const note = journal.attempts(due!.id).at(-1)!.note!
    expect(storedText(translatorFor('en'), note)).toBe('found in the shop by the user (orderbatch resolve)')
    expect(storedText(translatorFor('ru'), note)).toBe('пользователь нашёл его в магазине (orderbatch resolve)')
  })
})
