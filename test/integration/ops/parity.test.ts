// One engine under two front-ends: the same scenario through the CLI and through the app service,
// each against its own built-in sandbox, must leave the same journal. The file has two orders the
// shop refuses (a delivery address without a city: answer 605); both front-ends import it, retry
// the two from the corrected export, then undo the run.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { SAMPLE, cli, tempDir } from '../cli/helpers'
import { removeDir, startTestApp, waitForRunEnd, type TestApp } from '../service/helpers'

const NO_CITY_ROWS = [2, 3]

function table(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
}

/** The sample with the bad e-mail of row 4 mended and the City of rows 2 and 3 emptied. */
function scenarioFile(): string {
  const [headers = [], ...rows] = table(readFileSync(SAMPLE, 'utf8'))
  const email = headers.indexOf('Email')
  const city = headers.indexOf('City')
  rows[4 - 2]![email] = 'maria.ivanova@example.ru'
  for (const row of NO_CITY_ROWS) rows[row - 2]![city] = ''
  return Papa.unparse([headers, ...rows])
}

/** The corrected export: every City filled in again. */
function corrected(exported: string): string {
  const [headers = [], ...rows] = table(exported)
  const city = headers.indexOf('City')
  for (const row of rows) row[city] = 'Moscow'
  return Papa.unparse([headers, ...rows])
}

/** What the journal says happened to each order of run 1, leaving out what differs by nature
 * (ids, times, bill numbers, who wrote the notes). */
function journalFacts(path: string) {
  const journal = Journal.open(path)
  try {
    const deleted = journal.deletions(1)
    return {
      counts: journal.runCounts(1),
      orders: [...journal.orders(1)].map((order) => ({
        ordinal: order.ordinal,
        state: order.state,
        fingerprint: order.fingerprint,
        payload: order.payload,
        existed: order.existed,
        hasBill: order.billId !== null,
        deleted: deleted.has(order.id),
        rows: journal.orderRows(order.id).map((row) => row.sheetRow)
      }))
    }
  } finally {
    journal.close()
  }
}

let dir: string
let cleanup: () => void
let app: TestApp
beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  writeFileSync(join(dir, 'orders.csv'), scenarioFile())
  app = await startTestApp()
})
afterAll(async () => {
  await app.close()
  removeDir(app.dir)
  cleanup()
})

describe('the CLI and the app run the same operations', () => {
  it('leave the same journal after import, retry of corrected rows, and undo', async () => {
    const file = join(dir, 'orders.csv')
    const journalPath = join(dir, 'cli.sqlite')
    const flags = ['--sandbox', '--journal', journalPath]

    const imported = await cli(['import', file, ...flags, '--yes', '--rate', '500'])
    expect(imported.out).toContain('Run 1 finished: 28 created, 2 failed')
    await cli(['export', '1', '--only', 'failed', '--out', join(dir, 'failed.csv'), ...flags])
    writeFileSync(join(dir, 'fixed.csv'), corrected(readFileSync(join(dir, 'failed.csv'), 'utf8')))
    const retried = await cli(['retry', '1', '--from', join(dir, 'fixed.csv'), ...flags, '--yes', '--rate', '500'])
    expect(retried.out).toContain('30 created')
    const undone = await cli(['undo', '1', ...flags, '--yes'])
    expect(undone.code).toBe(0)

    const session = await app.ok('sheet.load', { name: 'orders.csv', bytes: new Uint8Array(readFileSync(file)) })
    const { runId } = await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 4 })
    expect((await waitForRunEnd(app, runId)).counts).toMatchObject({ succeeded: 28, failed: 2 })
    const exported = await app.ok('runs.export', { runId, format: 'csv', only: 'failed' })
    const fixed = new TextEncoder().encode(corrected(new TextDecoder().decode(exported.bytes)))
    expect(await app.ok('runs.retryFailed', { runId, fixedFile: { name: 'fixed.csv', bytes: fixed } })).toMatchObject({ requeued: 2 })
    expect((await waitForRunEnd(app, runId)).counts).toMatchObject({ succeeded: 30, failed: 0 })
    expect(await app.ok('runs.undo', { runId })).toMatchObject({ deleted: 30, failed: 0 })

    const fromCli = journalFacts(journalPath)
    await app.close()
    const fromApp = journalFacts(app.journalPath)
    app = await app.restart()
    expect(fromCli.counts).toEqual({ pending: 0, sending: 0, succeeded: 30, failed: 0, unknown: 0, skipped: 0 })
    expect(fromCli.orders.every((order) => order.deleted && order.hasBill)).toBe(true)
    expect(fromApp).toEqual(fromCli)
  })
})
