// Every reason a journal is not opened (or stops being used) says what to do next, and none of
// them suggests a fresh or different journal for the same sheet: that is how duplicates are made.
import { describe, expect, it } from 'vitest'
import {
  KEEP_THIS_JOURNAL,
  damagedMessage,
  hardLinkedMessage,
  lockedMessage,
  newerVersionMessage,
  replacedMessage,
  damagedRefusal,
  hardLinkedRefusal,
  lockedRefusal,
  newerVersionRefusal,
  replacedRefusal
} from '../../../electron/main/journal/refusals'
import { englishOf, renderMessage, type Message } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'

const PATH = '/home/anna/orders/journal.sqlite'
const HOLDER = { pid: 4242, host: 'laptop', startedAt: Date.UTC(2026, 2, 1, 9, 7), command: 'orderbatch import orders.csv --yes' }
const FRESH_JOURNAL_ADVICE = /different --journal|fresh journal|new journal for|another --journal|start a new import|delete .*\.lock/i

const messages: Array<[string, string]> = [
  ['held by a live Orderbatch here', lockedMessage({ path: PATH, holder: HOLDER, here: true, alive: true, thisProcess: false })],
  ['held, its noted holder gone', lockedMessage({ path: PATH, holder: HOLDER, here: true, alive: false, thisProcess: false })],
  ['held on another computer', lockedMessage({ path: PATH, holder: { ...HOLDER, host: 'office-pc' }, here: false, alive: null, thisProcess: false })],
  ['held by a program that left no note', lockedMessage({ path: PATH, holder: null, here: false, alive: null, thisProcess: false })],
  ['hard-linked', hardLinkedMessage(PATH, 2)],
  ['damaged', damagedMessage(PATH, 'row 12 missing from index')],
  ['made by a newer Orderbatch', newerVersionMessage(PATH, 9, 4)],
  ['deleted mid-run', replacedMessage(PATH, 'missing')],
  ['replaced mid-run', replacedMessage(PATH, 'other-file')]
]

describe('journal refusals', () => {
  it.each(messages)('%s: names the journal, never advises another journal for the sheet', (_case, message) => {
    expect(message).toContain(PATH)
    expect(message).not.toMatch(FRESH_JOURNAL_ADVICE)
  })

  it('a lock refusal says who holds it and what to do if that process is surely gone', () => {
    const message = messages[0]![1]
    expect(message).toMatch(/^Another Orderbatch \(pid 4242, since 2026-03-01 \d\d:07, "orderbatch import orders\.csv --yes"\) is using the journal /)
    expect(message).toContain('If that process is surely gone, nothing needs to be deleted: the lock ends with its process')
    expect(message).toContain(KEEP_THIS_JOURNAL)
  })

  it('damaged and newer-version messages say how to keep the old file and the safe next step', () => {
    expect(damagedMessage(PATH, null)).toMatch(/Keep the file as it is \(copy .*journal\.sqlite-wal.*\).*check in the shop which ones it already has/)
    expect(newerVersionMessage(PATH, 9, 4)).toMatch(/left untouched\. Update Orderbatch to open it/)
  })
})

describe('journal refusals in Russian', () => {
  const refusals: Array<[string, Message]> = [
    ['held here', lockedRefusal({ path: PATH, holder: HOLDER, here: true, alive: true, thisProcess: false })],
    ['held elsewhere', lockedRefusal({ path: PATH, holder: { ...HOLDER, host: 'office-pc' }, here: false, alive: null, thisProcess: false })],
    ['no holder', lockedRefusal({ path: PATH, holder: null, here: false, alive: null, thisProcess: false })],
    ['hard-linked', hardLinkedRefusal(PATH, 2)],
    ['damaged', damagedRefusal(PATH, 'row 12 missing from index')],
    ['newer', newerVersionRefusal(PATH, 9, 4)],
    ['replaced', replacedRefusal(PATH, 'other-file')]
  ]
  const ru = translatorFor('ru')

  it.each(refusals)('%s: Russian words, the same journal, the same advice to keep it', (_case, refusal) => {
    const text = renderMessage(ru, refusal)
    expect(text).toContain(PATH)
    expect(text).toMatch(/[а-яё]{4}/i)
    expect(text).not.toMatch(/\{\{|\bthe journal\b/)
    if (_case !== 'replaced') expect(text).toContain('Не импортируйте эту же таблицу с другим журналом')
  })

  it('the English of each message is the sentence the ...Message functions give', () => {
    expect(englishOf(refusals[0]![1])).toBe(messages[0]![1])
    expect(renderMessage(ru, refusals[0]![1])).toMatch(/^Другой Orderbatch \(pid 4242, с 2026-03-01 \d\d:07, «orderbatch import orders\.csv --yes»\) использует журнал /)
  })
})
