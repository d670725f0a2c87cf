// After a stop (a full disk, a fatal answer, Ctrl+C) orders still 'sending' were on their way and
// one of them may have been created: every summary counts them as in flight or unclear, never as
// "not sent yet" / "to send" / "waiting".
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attentionLines, countsLine } from '../../../electron/main/cli/run/summary'
import { englishOf, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { cancelledMessage, finishedMessage, limitGiveUpMessage } from '../../../electron/main/sender/messages'
import { runSummary } from '../../../electron/main/service/run-view'
import { driveTo, makeTempDir, stagedJournal } from '../journal/helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

/** A run of 5 orders stopped with 2 of them in flight: 1 created, 2 sending, 2 pending. */
function stoppedWithTwoInFlight() {
  const staged = stagedJournal(join(dir, 'journal.sqlite'), 5)
  const [a, b, c] = staged.orderIds
  driveTo(staged.journal, a!, 'succeeded')
  driveTo(staged.journal, b!, 'sending')
  driveTo(staged.journal, c!, 'sending')
  return staged
}

describe('orders in flight when a run stopped', () => {
  it('the CLI summary says in flight (maybe created) and lists them with what happens next', () => {
    const { journal, runId } = stoppedWithTwoInFlight()
    try {
      const counts = journal.runCounts(runId)
      expect(countsLine(counts)).toBe('1 created, 0 failed, 0 unknown, 2 in flight when it stopped (maybe created), 2 not sent yet (5 orders)')
      const lines = attentionLines(journal, journal.getRun(runId)!, counts, ' --sandbox')
      expect(lines[0]).toBe('On their way when the run stopped, so they may be in the shop (2); they are looked up there before anything is sent again:')
      expect(lines.slice(1, 3)).toEqual([expect.stringMatching(/^ {2}#2 \(row 3\) buyer2@example\.com: /), expect.stringMatching(/^ {2}#3 \(row 4\) buyer3@example\.com: /)])
      expect(lines[3]).toBe(`Once the cause is fixed, "orderbatch resume ${runId} --sandbox" checks them in the shop first.`)
    } finally {
      journal.close()
    }
  })

  it("the app's run summary counts them as unclear once the run no longer sends, and as in flight while it does", () => {
    const { journal, runId } = stoppedWithTwoInFlight()
    try {
      const run = journal.getRun(runId)!
      expect(runSummary(journal, run, null).counts).toMatchObject({ succeeded: 1, sending: 0, unknown: 2, pending: 2 })
      expect(runSummary(journal, run, null).total).toBe(5)
      expect(runSummary(journal, run, { sending: true, paused: false }).counts).toMatchObject({ sending: 2, unknown: 0, pending: 2 })
    } finally {
      journal.close()
    }
  })

  it('a paused run says how many are still to send and how many are unclear', () => {
    const counts = { pending: 2, sending: 2, succeeded: 1, failed: 0, unknown: 1, skipped: 0 }
    expect(englishOf(cancelledMessage(4, counts))).toBe('Run 4 paused with 2 orders still to send, 3 unclear; resume it to continue.')
    expect(renderMessage(translatorFor('ru'), cancelledMessage(4, counts))).toBe('Запуск 4 приостановлен, осталось отправить 2 заказа, неясно: 3; продолжите его, чтобы довести до конца.')
  })

  it("a run's end is said in the reader's language, lists and plurals included", () => {
    const counts = { pending: 0, sending: 0, succeeded: 21, failed: 1, unknown: 5, skipped: 2 }
    expect(englishOf(finishedMessage(7, counts))).toBe(
      'Run 7 finished: 21 created, 1 failed (fix it and retry), 5 unclear (check them in the shop, then resolve them) and 2 skipped.'
    )
    expect(renderMessage(translatorFor('ru'), finishedMessage(7, counts))).toBe(
      'Запуск 7 завершён: создано 21, не принят 1 (исправьте его и повторите), неясно 5 (проверьте их в магазине и отметьте результат) и пропущено 2.'
    )
    expect(englishOf(finishedMessage(7, { ...counts, failed: 0, unknown: 0, skipped: 0 }))).toBe('Run 7 finished: 21 created.')
    expect(renderMessage(translatorFor('ru'), limitGiveUpMessage(3, 5))).toMatch(/^API 5 минут подряд отвечал, что лимит запросов исчерпан \(код 8\), поэтому запуск 3 остановлен\./)
  })
})
