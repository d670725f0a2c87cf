// The journal must still be the journal: if its file is deleted, replaced or moved while a run
// sends, the record of what was created is no longer where the next command looks, and a
// re-import would create every order again. The run stops at the next commit, with a plain
// message, and nothing more is sent.
import { renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { clientFor, sendAll, useSenderScene } from './helpers'

const scene = useSenderScene()
const ORDERS = 30
const CHANGE_AFTER = 3

type Change = 'deleted' | 'replaced' | 'moved'

function change(path: string, how: Change): void {
  if (how === 'deleted') {
    unlinkSync(path)
  } else if (how === 'moved') {
    renameSync(path, `${path}.moved`)
  } else {
    writeFileSync(`${path}.new`, 'another file')
    renameSync(`${path}.new`, path)
  }
}

describe('the journal file is deleted, replaced or moved mid-run', () => {
  it.each<[Change, RegExp]>([
    ['deleted', /was deleted or moved away while Orderbatch was using it/],
    ['moved', /was deleted or moved away while Orderbatch was using it/],
    ['replaced', /was replaced by another file while Orderbatch was using it/]
  ])('%s: the run stops at the next commit, says why, and sends nothing more', async (how, says) => {
    const { sandbox, t } = await scene.start(ORDERS)
    let created = 0
    // 20 per second: each intent is its own commit (no batch of intents claimed ahead).
    const { result } = await sendAll(t, clientFor(sandbox.baseUrl), {
      rate: 20,
      onEvent: (event) => {
        if (event.kind === 'created' && ++created === CHANGE_AFTER) change(t.path, how)
      }
    })
    expect(result.outcome).toBe('stopped')
    expect(result.message).toMatch(says)
    expect(result.message).toMatch(/do not import the sheet again into a new journal/)
    // At one request at a time: the change comes after an answer is committed, so at most the
    // order whose intent was already committed can still reach the shop.
    expect(sandbox.ledger.count()).toBeLessThanOrEqual(CHANGE_AFTER + 1)
    expect(t.journal.fileIsHere()).toBe(false)
  })

  it('a journal moved back to its place is resumed, and every order is created exactly once', async () => {
    const { sandbox, t } = await scene.start(ORDERS)
    let created = 0
    const first = await sendAll(t, clientFor(sandbox.baseUrl), {
      rate: 20,
      onEvent: (event) => {
        if (event.kind === 'created' && ++created === CHANGE_AFTER) change(t.path, 'moved')
      }
    })
    expect(first.result.outcome).toBe('stopped')
    t.journal.close()
    renameSync(`${t.path}.moved`, t.path)
    const journal = Journal.open(t.path)
    try {
      const { result } = await sendAll({ ...t, journal }, clientFor(sandbox.baseUrl))
      expect(result.outcome).toBe('finished')
      expect(result.counts.succeeded).toBe(ORDERS)
      const tags = sandbox.ledger.orders().map((order) => order.tag)
      expect(new Set(tags).size).toBe(ORDERS)
      expect(tags).toHaveLength(ORDERS)
    } finally {
      journal.close()
    }
  })
})
