import { randomBytes } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalError } from '../../../electron/main/journal'
import { makeTempDir, orderInputs, runInput } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
})
afterEach(() => cleanup())

/** Every byte the journal left on disk: the database, its WAL and the lock file. */
function journalBytes(): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))))
}

describe('the API key', () => {
  const secret = `KEY${randomBytes(18).toString('hex')}`

  it('is refused as a run setting, and the refusal does not repeat it', () => {
    const journal = Journal.open(join(dir, 'journal.sqlite'))
    const settings = { ...runInput().settings, apiKey: secret }
    let error: unknown
    try {
      journal.createRun(runInput({ settings }))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(JournalError)
    expect((error as JournalError).message).toMatch(/unexpected field 'apiKey'/)
    expect((error as JournalError).message).not.toContain(secret)
    expect(journal.listRuns()).toEqual([])
    journal.close()
    expect(journalBytes().includes(secret)).toBe(false)
  })

  it('is refused inside the API address', () => {
    const journal = Journal.open(join(dir, 'journal.sqlite'))
    const settings = { ...runInput().settings, apiBase: `https://owner:${secret}@shop.example.com` }
    expect(() => journal.createRun(runInput({ settings }))).toThrow(/contains a user name or password/)
    expect(() => journal.createRun(runInput({ settings }))).not.toThrow(new RegExp(secret))
    journal.close()
  })

  it('is nowhere in the files after a whole import, while what was stored is found', () => {
    const path = join(dir, 'journal.sqlite')
    const journal = Journal.open(path)
    const run = journal.createRun(runInput())
    journal.stageOrders(run.id, orderInputs(3))
    const [a, b, c] = journal.nextDue(run.id, Date.now(), 3)
    const first = journal.beginAttempt(a!.id)
    journal.recordCreated(a!.id, first.attemptId, { billId: 1, existed: false, raw: '{"error_code":0,"hash":"d41d8cd9"}', httpStatus: 200 })
    const second = journal.beginAttempt(b!.id)
    journal.recordFailed(b!.id, second.attemptId, { code: 2, text: 'wrong signature', raw: '{"error_code":2}' })
    journal.beginAttempt(c!.id)
    // Scan with the write-ahead log still present, then after close folds it into the file.
    expect(journalBytes().includes(secret)).toBe(false)
    journal.close()
    const bytes = journalBytes()
    expect(bytes.includes(secret)).toBe(false)
    // Control: the scan does see what the journal stores.
    expect(bytes.includes('shop-owner')).toBe(true)
    expect(bytes.includes('wrong signature')).toBe(true)
  })
})
