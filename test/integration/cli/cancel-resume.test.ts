// Ctrl+C during an import: orders in flight finish, the run is left paused (exit 3) with the
// command that continues it; resume (the latest unfinished run by default) sends the rest, and
// the shop ends up with each order exactly once.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE, cli, shopOrders, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let flags: string[]
beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
  flags = ['--sandbox', '--journal', join(dir, 'j.sqlite')]
})
afterAll(() => cleanup())

describe('Ctrl+C and resume', () => {
  it('pauses on Ctrl+C, then resume sends the rest exactly once', async () => {
    const cancelled = await cli(['import', SAMPLE, ...flags, '--yes', '--rate', '10', '--concurrency', '1'], {
      onStderr: (text, io) => {
        // Once sending has started, as a person pressing Ctrl+C would.
        if (text.startsWith('Run 1: sending')) setTimeout(() => io.interrupt(), 150)
      }
    })
    expect(cancelled.code).toBe(3)
    expect(cancelled.out).toContain('Run 1 paused at your request:')
    expect(cancelled.out).toContain(`Run 1 paused; continue with: orderbatch resume 1 --sandbox --journal ${join(dir, 'j.sqlite')}`)
    const paused = JSON.parse((await cli(['status', '--json', ...flags])).out) as { status: string; counts: Record<string, number> }
    expect(paused.status).toBe('paused')
    expect(paused.counts.pending).toBeGreaterThan(0)
    expect(paused.counts.sending).toBe(0)
    const createdBefore = paused.counts.succeeded

    // Importing the same file while run 1 is paused would send its waiting orders twice.
    const twice = await cli(['import', SAMPLE, ...flags, '--yes', '--rate', '500'])
    expect(twice.code).toBe(1)
    expect(twice.err).toContain(`Run 1 already holds ${paused.counts.pending} of these orders, not settled yet`)
    expect(JSON.parse((await cli(['status', '--all', '--json', ...flags])).out)).toHaveLength(1)

    const resumed = await cli(['resume', ...flags, '--yes', '--rate', '500'], { isTTY: true })
    expect(resumed.code).toBe(2)
    expect(resumed.err).toContain(`Run 1: sending ${paused.counts.pending} order`)
    // On a terminal, progress is one line redrawn in place.
    const redraws = resumed.err.split('\r\x1b[2K').slice(1)
    expect(redraws.length).toBeGreaterThan(0)
    expect(redraws.at(-1)).toMatch(/^\[█{20}\] 30\/30 · created 29 · failed 1 · unknown 0 · to send 0/)
    expect(resumed.out).toContain('Run 1 finished: 29 created, 1 failed, 0 unknown (30 orders).')
    expect(createdBefore).toBeLessThan(29)
    const shop = shopOrders(join(dir, 'j-shop.sqlite'))
    expect(shop).toHaveLength(29)

    const nothing = await cli(['resume', ...flags, '--yes'])
    expect(nothing.code).toBe(0)
    expect(nothing.out).toBe(`No unfinished sandbox run in ${join(dir, 'j.sqlite')}; nothing to resume.\n`)
  })
})
