// One engine under two front-ends: the same scenario through the CLI and through the app service,
// each against its own built-in sandbox, must leave the same journal. The file has two orders the
// shop refuses (a delivery address without a city: answer 605; the CLI now holds them back before
// sending, by the rule the sandbox shares, and the app still learns it from the sandbox); both
// front-ends import it, retry the two from the corrected export, then undo the run. A second
// scenario starts a run, stops it (Ctrl+C; Pause and an app restart), is refused a second import of
// the same file while the first run holds its orders, resumes the run at a new pace, and reads its
// status: both front-ends show the same status and leave the same journal.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import type { RunSummary } from '#shared/ipc/contract'
import { SAMPLE, cli, tempDir } from '../cli/helpers'
import { removeDir, startTestApp, useTestApp, waitForRunEnd } from '../service/helpers'

const NO_CITY_ROWS = [2, 3]

function table(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
}

/** The sample with the bad e-mail of row 4 mended, and with the City of rows 2 and 3 emptied
 * unless every order should be valid. (The app leaves orders with errors out of a run, where the
 * CLI stages them as failed: so the scenarios compare files whose errors come from the shop.) */
function scenarioFile(options: { allValid?: boolean } = {}): string {
  const [headers = [], ...rows] = table(readFileSync(SAMPLE, 'utf8'))
  const email = headers.indexOf('Email')
  const city = headers.indexOf('City')
  rows[4 - 2]![email] = 'maria.ivanova@example.ru'
  if (options.allValid !== true) for (const row of NO_CITY_ROWS) rows[row - 2]![city] = ''
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
function journalFacts(path: string, runId = 1) {
  const journal = Journal.open(path)
  try {
    const deleted = journal.deletions(runId)
    return {
      counts: journal.runCounts(runId),
      orders: [...journal.orders(runId)].map((order) => ({
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
const app = useTestApp()
beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  writeFileSync(join(dir, 'orders.csv'), scenarioFile())
})
afterAll(async () => {
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

    // The app holds the two orders back in Review (the CLI stages them as failed): the user mends
    // the same cells there, and the run sends all 30.
    const session = await app.ok('sheet.load', { name: 'orders.csv', bytes: new Uint8Array(readFileSync(file)) })
    expect(session.counts).toMatchObject({ orders: 30, validOrders: 28 })
    for (const row of NO_CITY_ROWS) await app.ok('rows.edit', { sessionId: session.sessionId, row, column: session.headers.indexOf('City'), value: 'Moscow' })
    const { runId } = await app.ok('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 4 })
    expect((await waitForRunEnd(app, runId)).counts).toMatchObject({ succeeded: 30, failed: 0 })
    expect(await app.ok('runs.undo', { runId })).toMatchObject({ deleted: 30, failed: 0 })

    const fromCli = journalFacts(journalPath)
    await app.close()
    const fromApp = journalFacts(app.journalPath)
    await app.restart()
    expect(fromCli.counts).toEqual({ pending: 0, sending: 0, succeeded: 30, failed: 0, unknown: 0, skipped: 0 })
    expect(fromCli.orders.every((order) => order.deleted && order.hasBill)).toBe(true)
    expect(fromApp).toEqual(fromCli)
  })
})

/** What the CLI's `status --json` says of a run, as far as the app's History shows it too. */
interface CliStatus {
  id: number
  status: string
  source: { name: string }
  settings: { rate: number; concurrency: number; login: string }
  sandbox: boolean
  counts: Record<string, number>
  total: number
}

function fromCliStatus(status: CliStatus) {
  const { id, source, settings, sandbox, counts, total } = status
  return { runId: id, status: status.status, sourceName: source.name, rate: settings.rate, concurrency: settings.concurrency, login: settings.login, sandbox, counts, total }
}

function fromAppSummary(summary: RunSummary) {
  const { runId, status, sourceName, rate, concurrency, login, sandbox, counts, total } = summary
  return { runId, status, sourceName, rate, concurrency, login, sandbox, counts, total }
}

describe('the CLI and the app start, resume and report a run the same way', () => {
  it('agree on the status, refuse the same orders twice, and leave the same journal', async () => {
    const { dir: cliDir, cleanup: cleanCli } = tempDir()
    let second = await startTestApp()
    try {
      const journalPath = join(cliDir, 'cli.sqlite')
      const flags = ['--sandbox', '--journal', journalPath]
      const file = join(cliDir, 'orders.csv')
      writeFileSync(file, scenarioFile({ allValid: true }))

      // Start, and stop at once: Ctrl+C as the sending starts; Pause in the app.
      const started = await cli(['import', file, ...flags, '--yes', '--rate', '5', '--concurrency', '4'], {
        onStderr: (text, io) => {
          if (text.startsWith('Run 1: sending')) io.interrupt()
        }
      })
      expect(started.code).toBe(3)
      const session = await second.ok('sheet.load', { name: 'orders.csv', bytes: new Uint8Array(readFileSync(file)) })
      const { runId } = await second.ok('run.start', { sessionId: session.sessionId, rate: 5, concurrency: 4 })
      expect(runId).toBe(1)
      await second.ok('run.pause', { runId })
      const pausedInApp = await waitForRunEnd(second, runId, ['paused'])
      const pausedInCli = JSON.parse((await cli(['status', '1', '--json', ...flags])).out) as CliStatus
      const paused = (s: object) => ({ ...s, counts: undefined })
      expect(paused(fromAppSummary(pausedInApp))).toEqual(paused(fromCliStatus(pausedInCli)))
      expect(pausedInCli.status).toBe('paused')

      // The same file again while run 1 holds its orders: refused by both, nothing staged.
      const twice = await cli(['import', file, ...flags, '--yes', '--rate', '500'])
      expect(twice.code).toBe(1)
      expect(twice.err).toMatch(/Run 1 already holds \d+ of these orders, not settled yet/)
      const refused = await second.call('run.start', { sessionId: session.sessionId, rate: 100, concurrency: 4 })
      expect(refused).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/^Run 1 already holds \d+ of these orders, not settled yet/) } })
      expect(JSON.parse((await cli(['status', '--all', '--json', ...flags])).out)).toHaveLength(1)
      expect(await second.ok('runs.list', {})).toHaveLength(1)

      // Resume at a new pace: the CLI in a new command, the app after a restart (the run is not
      // live there any more, so it is continued from the journal as the CLI does).
      const resumed = await cli(['resume', '1', ...flags, '--yes', '--rate', '100'])
      expect(resumed.out).toContain('Run 1 finished: 30 created, 0 failed, 0 unknown (30 orders).')
      expect(resumed.code).toBe(0)
      second = await second.restart()
      await second.ok('run.resume', { runId, rate: 100 })
      const endedInApp = await waitForRunEnd(second, runId)
      const endedInCli = JSON.parse((await cli(['status', '--json', ...flags])).out) as CliStatus
      expect(fromCliStatus(endedInCli)).toMatchObject({ status: 'finished', rate: 100, concurrency: 4, sandbox: true, total: 30 })
      expect(endedInCli.counts).toMatchObject({ succeeded: 30, failed: 0, pending: 0, sending: 0, unknown: 0 })
      expect(fromAppSummary(endedInApp)).toEqual(fromCliStatus(endedInCli))

      const fromCli = journalFacts(journalPath)
      await second.close()
      const fromApp = journalFacts(second.journalPath)
      second = await second.restart()
      expect(fromApp).toEqual(fromCli)
    } finally {
      await second.close()
      removeDir(second.dir)
      cleanCli()
    }
  })
})
