// Issue 8: one rule for where sandbox runs are journaled, shared by the CLI and the app. A sandbox
// run started with the CLI is continued in the app, and one started in the app is continued with
// `orderbatch resume --sandbox`, with no --journal anywhere: both use journal.sqlite in the data
// folder and the sandbox shop beside it, so each order reaches the sandbox shop exactly once.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GROUPED_SAMPLE, sampleBytes, sandboxShopOrders, startTestApp, waitForRunEnd } from '../service/helpers'
import { SAMPLE, cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let userData: string
let env: Record<string, string>

beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
  // The CLI finds the app's data folder through XDG_CONFIG_HOME, as on a Linux desktop.
  userData = join(dir, 'config', 'Orderbatch')
  mkdirSync(userData, { recursive: true })
  env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') }
})
afterAll(() => cleanup())

describe('sandbox runs shared by the CLI and the app', () => {
  it('a CLI sandbox run stopped by Ctrl+C is continued in the app', async () => {
    const stopped = await cli(['import', SAMPLE, '--sandbox', '--yes', '--rate', '10', '--concurrency', '1'], {
      env,
      onStderr: (text, io) => {
        if (text.startsWith('Run 1: sending')) setTimeout(() => io.interrupt(), 150)
      }
    })
    expect(stopped.code).toBe(3)
    expect(stopped.out).toContain('Run 1 paused')

    const app = await startTestApp({ dir: userData })
    try {
      const [run] = await app.ok('runs.list', {})
      expect(run).toMatchObject({ runId: 1, status: 'paused' })
      await app.ok('run.resume', { runId: 1 })
      expect((await waitForRunEnd(app, 1)).counts).toMatchObject({ succeeded: 29, failed: 1 })
      const shop = sandboxShopOrders(app.journalPath)
      expect(shop).toHaveLength(29)
    } finally {
      await app.close()
    }
  }, 60_000)

  it('an app sandbox run is found and continued by "orderbatch resume --sandbox"', async () => {
    const app = await startTestApp({ dir: userData })
    let runId: number
    try {
      const session = await app.ok('sheet.load', { name: 'orders-grouped.xlsx', bytes: sampleBytes(GROUPED_SAMPLE) })
      ;({ runId } = await app.ok('run.start', { sessionId: session.sessionId, rate: 1, concurrency: 1 }))
      await app.ok('run.pause', { runId })
      await waitForRunEnd(app, runId, ['paused'])
    } finally {
      await app.close()
    }

    const resumed = await cli(['resume', '--sandbox', '--yes', '--rate', '500'], { env })
    expect(resumed.err).not.toContain('no journal')
    expect(resumed.out).toMatch(new RegExp(`Run ${runId} finished`))
    const status = JSON.parse((await cli(['status', String(runId), '--sandbox', '--json'], { env })).out) as { counts: Record<string, number> }
    expect(status.counts).toMatchObject({ pending: 0, sending: 0, unknown: 0 })
    expect(status.counts['succeeded']).toBeGreaterThan(0)
    // The first run's 29 and this run's, each once, in the one sandbox shop.
    expect(sandboxShopOrders(join(userData, 'journal.sqlite'))).toHaveLength(29 + status.counts['succeeded']!)
  }, 60_000)
})

describe('resume without a run number', () => {
  it('takes the latest unfinished run of its kind, and names the other kind when only that is left', async () => {
    const journal = join(dir, 'kinds.sqlite')
    const stopped = await cli(['import', SAMPLE, '--sandbox', '--journal', journal, '--yes', '--rate', '10', '--concurrency', '1'], {
      onStderr: (text, io) => {
        if (text.startsWith('Run 1: sending')) setTimeout(() => io.interrupt(), 150)
      }
    })
    expect(stopped.code).toBe(3)
    const shopResume = await cli(['resume', '--journal', journal, '--yes', '--account', 'shop'], { env: { ORDERBATCH_SECRET: 'k' } })
    expect(shopResume.out).toBe(`No unfinished run in ${journal}; nothing to resume. Run 1 (sent to the built-in sandbox) is unfinished: orderbatch resume 1 --sandbox.\n`)
    const resumed = await cli(['resume', '--sandbox', '--journal', journal, '--yes', '--rate', '500'])
    expect(resumed.out).toContain('Run 1 finished')
  }, 60_000)
})
