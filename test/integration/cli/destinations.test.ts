// Issue 8: two shops sharing a journal never mix. The same file imported into shop A, then into
// shop B with the same journal, is sent to B (it was created only in A); imported into A again,
// it is skipped as already created there.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { SAMPLE, cli, tempDir } from './helpers'

const SECRET = 'k3y-for-both-shops-91a'
let shopA: Sandbox
let shopB: Sandbox
let dir: string
let cleanup: () => void

beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  shopA = await startSandbox({ account: 'shopa', secret: SECRET })
  shopB = await startSandbox({ account: 'shopb', secret: SECRET })
})
afterAll(async () => {
  await shopA.close()
  await shopB.close()
  cleanup()
})

const env = { env: { ORDERBATCH_SECRET: SECRET } }
const api = (login: string, shop: Sandbox): string[] => ['--account', login, '--api-base', shop.baseUrl, '--journal', join(dir, 'journal.sqlite'), '--rate', '500', '--concurrency', '4', '--yes']

describe('two shops sharing a journal', () => {
  it('sends the file to the second shop, and skips it in the first', async () => {
    const a = await cli(['import', SAMPLE, ...api('shopa', shopA)], env)
    expect(a.out).toContain('Run 1 finished: 29 created, 1 failed')
    expect(shopA.ledger.count()).toBe(29)

    const b = await cli(['import', SAMPLE, ...api('shopb', shopB)], env)
    expect(b.out).not.toContain('Nothing to send')
    expect(b.out).toContain('To send: 29 orders')
    expect(b.out).toContain('Run 2 finished: 29 created, 1 failed')
    expect(shopB.ledger.count()).toBe(29)

    const again = await cli(['import', SAMPLE, ...api('shopa', shopA)], env)
    expect(again.out).toContain('Nothing to send: every valid order was already created.')
    expect(shopA.ledger.count()).toBe(29)

    // A run is continued only where it was sent.
    const elsewhere = await cli(['resume', '1', ...api('shopb', shopB)], env)
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.err).toBe(
      `resume: run 1 was sent to the account "shopa" at ${shopA.baseUrl}, not to the account "shopb" at ${shopB.baseUrl}. ` +
        'Continue it with that account and address; to send the file to another shop, import it there as a new run.\n'
    )
  }, 60_000)

  it('a sandbox run does not make the file "already created" in a shop', async () => {
    const journal = join(dir, 'shared.sqlite')
    const tried = await cli(['import', SAMPLE, '--sandbox', '--journal', journal, '--yes'])
    expect(tried.out).toContain('29 created')
    const shopC = await startSandbox({ account: 'shopc', secret: SECRET })
    try {
      const real = await cli(['import', SAMPLE, '--account', 'shopc', '--api-base', shopC.baseUrl, '--journal', journal, '--rate', '500', '--concurrency', '4', '--yes'], env)
      expect(real.out).toContain('To send: 29 orders')
      expect(shopC.ledger.count()).toBe(29)
    } finally {
      await shopC.close()
    }
  }, 60_000)
})
