// The app after a run stopped with orders in flight: History's counts (the service's run summary
// and the last progress event) show them as unclear, never as waiting to be sent.
import { renameSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { eventsOf, removeDir, sampleBytes, startTestApp, waitForRunEnd, type TestApp } from './helpers'

const EMAIL_ROW = 4
let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  if (app) removeDir(app.dir)
  app = undefined
})

describe('a run stopped with orders in flight', () => {
  it('counts them as unclear in the run list and in the final progress, not as waiting', async () => {
    app = await startTestApp()
    const a = app
    const summary = await a.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    await a.ok('rows.edit', { sessionId: summary.sessionId, row: EMAIL_ROW, column: summary.headers.indexOf('Email'), value: 'maria.ivanova@example.ru' })
    let moved = false
    a.service.onEvent((name, payload) => {
      // After the first answer is committed, the journal file is moved away: the intents claimed
      // with it (5 at a time at 100 per second) can no longer be recorded, so they stay in flight.
      if (!moved && name === 'run.log' && (payload as { kind: string }).kind === 'created') {
        moved = true
        renameSync(a.journalPath, `${a.journalPath}.moved`)
      }
    })
    const started = await a.ok('run.start', { sessionId: summary.sessionId, rate: 100, concurrency: 1 })
    const run = await waitForRunEnd(a, started.runId, ['stopped', 'paused'])
    expect(moved).toBe(true)

    expect(run.counts.sending).toBe(0)
    // How many intents were claimed ahead depends on timing; at least the one in flight is unclear.
    expect(run.counts.unknown).toBeGreaterThanOrEqual(1)
    const last = eventsOf(a, 'run.progress').filter((p) => p.runId === started.runId).at(-1)
    expect(last?.counts.sending).toBe(0)
    expect(last?.counts.unknown).toBe(run.counts.unknown)
    expect(last?.inFlight).toBe(0)
    const log = eventsOf(a, 'run.log').filter((e) => e.runId === started.runId).map((e) => e.text)
    expect(log.join('\n')).toMatch(/was deleted or moved away while Orderbatch was using it/)
  })
})
