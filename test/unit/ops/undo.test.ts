// The one undo both front-ends use: which created orders it deletes, what it never sends, and when
// it stops. A journal stand-in keeps each case to the orders it is about.
import { englishOf, msg, renderMessage, storedMessage, storedNote, type Message } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { describe, expect, it } from 'vitest'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import type { OrderRecord } from '../../../electron/main/journal'
import { deleteCreated, planUndo, readDeletion } from '../../../electron/main/ops/undo'
import { undoRun } from '../../../electron/main/service/undo'

function order(id: number, billId: number | null, existed = false): OrderRecord {
  return {
    id, runId: 1, ordinal: id, groupKey: null, fingerprint: `f${id}`, payload: [], email: `b${id}@example.com`, state: 'succeeded',
    billId, existed, errorCode: null, errorText: null, attempts: 1, nextAttemptAt: 0, sentAt: 1, finishedAt: 2, skipReason: null, resolvedBy: null
  }
}

function fakeJournal(orders: OrderRecord[], deletedBefore: number[] = []) {
  const recorded: Array<[number, string]> = []
  return {
    recorded,
    deletions: () => new Map(deletedBefore.map((id) => [id, {}])) as never,
    *orders() {
      yield* orders
    },
    recordDeletion: (orderId: number, note: string) => {
      recorded.push([orderId, note])
      return {} as never
    }
  }
}

const answer = (errorCode: number, errorText = ''): CallOutcome => ({ kind: 'answer', errorCode, errorText, result: null, raw: '', httpStatus: 200 }) as CallOutcome

function fakeClient(answers: (billId: number) => CallOutcome) {
  const calls: number[] = []
  return { calls, deleteOrder: async (billId: number) => (calls.push(billId), answers(billId)) }
}

const noPause = async () => true
const RUN = { id: 1, settings: { rate: 1000 } } as never
const NOTES = { deleted: msg('orderNote.undo.deletedCli'), gone: msg('orderNote.undo.goneCli') }

describe('planUndo', () => {
  it('deletes only what the run created and has a bill id for', () => {
    const journal = fakeJournal([order(1, 101), order(2, 102, true), order(3, null), order(4, 104), order(5, 105)], [4])
    const plan = planUndo(journal, { id: 1 })
    expect(plan.toDelete.map((o) => o.id)).toEqual([1, 5])
    expect(plan.noBillId.map((o) => o.id)).toEqual([3])
    expect(plan).toMatchObject({ existed: 1, deletedBefore: 1 })
  })
})

describe('undo in the app', () => {
  it('never calls DeleteOrder(0) for an order whose bill id was not recorded, and says so', async () => {
    const journal = fakeJournal([order(1, 101), order(2, null)])
    const client = fakeClient(() => answer(0))
    const result = await undoRun(journal, RUN, client, noPause)
    expect(client.calls).toEqual([101])
    expect(result).toMatchObject({ deleted: 1, failed: 1 })
    expect(result.messages.map(englishOf).join(' ')).toContain('Order 2 was created but its bill id was not recorded')
    expect(journal.recorded.map(([id, note]) => [id, englishOf(storedNote(note))])).toEqual([[1, 'Deleted by Undo in the app.']])
  })

  it('stores its notes as keys, worded in the reader\'s language', async () => {
    const journal = fakeJournal([order(1, 101), order(2, 102)])
    const client = fakeClient((bill) => (bill === 101 ? answer(0) : answer(302, 'nonexistent')))
    await undoRun(journal, RUN, client, noPause)
    const ru = translatorFor('ru')
    expect(journal.recorded.map(([id, note]) => [id, renderMessage(ru, storedNote(note))])).toEqual([
      [1, 'Удалён отменой в приложении.'],
      [2, 'Когда выполнялась отмена, его в магазине уже не было (код 302).']
    ])
    // A note written before notes were keys still reads as it was.
    expect(renderMessage(ru, storedNote('Deleted by Undo in the app.'))).toBe('Deleted by Undo in the app.')
  })
})

describe('deleteCreated', () => {
  it('records 302 as already gone and goes on after an order-level refusal', async () => {
    const journal = fakeJournal([])
    const client = fakeClient((bill) => (bill === 1 ? answer(302, 'nonexistent') : bill === 2 ? answer(700, 'other') : answer(0)))
    const tally = await deleteCreated(journal, [order(1, 1), order(2, 2), order(3, 3)], client, { gapMs: 0, notes: NOTES, pause: noPause })
    expect(tally.gone.map((o) => o.id)).toEqual([1])
    expect(tally.failed.map((f) => f.order.id)).toEqual([2])
    expect(tally.deleted.map((o) => o.id)).toEqual([3])
    expect(tally.stopped).toBeNull()
    expect(journal.recorded).toEqual([[1, storedMessage(NOTES.gone)], [3, storedMessage(NOTES.deleted)]])
  })

  it('stops at an answer about the account, leaving the rest untried', async () => {
    const client = fakeClient(() => answer(2, 'bad hash'))
    const tally = await deleteCreated(fakeJournal([]), [order(1, 1), order(2, 2), order(3, 3)], client, { gapMs: 0, notes: NOTES, pause: noPause })
    expect(client.calls).toEqual([1])
    expect(tally.stopped).toMatchObject({ kind: 'api' })
    expect(tally.untried).toBe(2)
  })

  it('stops when cancelled between two deletions', async () => {
    const controller = new AbortController()
    const client = fakeClient(() => (controller.abort(), answer(0)))
    const tally = await deleteCreated(fakeJournal([]), [order(1, 1), order(2, 2)], client, { gapMs: 0, notes: NOTES, signal: controller.signal, pause: noPause })
    expect(client.calls).toEqual([1])
    expect(tally).toMatchObject({ stopped: { kind: 'cancelled' }, untried: 1 })
  })

  it('never counts an unclear answer as deleted', () => {
    expect(readDeletion({ kind: 'unknown', reason: 'timed out.' } as CallOutcome)).toMatchObject({ kind: 'failed' })
  })

  it('says why a deletion failed in either language, the API\'s text as it came', () => {
    const refused = readDeletion({ kind: 'answer', httpStatus: 200, errorCode: 4, errorText: 'incorrect hash', result: null, raw: '' })
    expect(refused.kind).toBe('stop')
    const text = (refused as { text: Message }).text
    expect(englishOf(text)).toMatch(/^the API answered "incorrect hash" \(code 4\)\. The API key or the login is wrong\./)
    expect(renderMessage(translatorFor('ru'), text)).toMatch(/^API ответил «incorrect hash» \(код 4\)\. Неверен ключ API или логин\./)
  })
})
