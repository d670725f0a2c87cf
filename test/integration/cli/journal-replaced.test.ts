// A journal deleted or moved while an import sends: the run stops with a plain message and a
// non-zero exit, instead of "finished" with exit 0 and no record of what was created.
import { existsSync, renameSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE, cli, shopOrders, tempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
})
afterEach(() => cleanup())

describe('orderbatch import when the journal goes away mid-run', () => {
  it.each([
    ['deleted', (path: string) => unlinkSync(path)],
    ['moved', (path: string) => renameSync(path, `${path}.moved`)]
  ])('%s: stops, says why, exit 3, nothing sent after', async (_how, change) => {
    const journalPath = join(dir, 'j.sqlite')
    let changed = false
    const r = await cli(['import', SAMPLE, '--sandbox', '--journal', journalPath, '--yes'], {
      onStderr: (text) => {
        // The run is staged (one commit) and about to send: the sender's next commit must fail.
        if (!changed && /^Run \d+: sending/m.test(text)) {
          changed = true
          change(journalPath)
        }
      }
    })
    expect(changed).toBe(true)
    expect(r.code).toBe(3)
    expect(r.out).toMatch(/Run 1 stopped: /)
    expect(r.out).toMatch(/was deleted or moved away while Orderbatch was using it/)
    expect(r.out).not.toMatch(/finished/)
    expect(existsSync(journalPath)).toBe(false)
    expect(shopOrders(join(dir, 'j-shop.sqlite'))).toHaveLength(0)
  })
})
