// Import against a shop address (a sandbox server standing in for it) with the key from the
// environment: the key never shows in output or in the journal; a wrong key stops the run
// (exit 3) and resume continues it once the key is right.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/main/sandbox/sandbox'
import { SAMPLE, cli, tempDir } from './helpers'

const SECRET = 'k3y-Only-In-The-Environment-7f1c'
let sandbox: Sandbox
let dir: string
let cleanup: () => void
let api: string[]

beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  sandbox = await startSandbox({ account: 'shop', secret: SECRET })
  api = ['--account', 'shop', '--api-base', sandbox.baseUrl, '--journal', join(dir, 'journal.sqlite'), '--rate', '500', '--concurrency', '4']
})
afterAll(async () => {
  await sandbox.close()
  cleanup()
})

function journalBytes(): string {
  const base = join(dir, 'journal.sqlite')
  return [base, `${base}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('')
}

describe('import to a shop address', () => {
  it('sends with the key from ORDERBATCH_SECRET and never prints or stores it', async () => {
    const r = await cli(['import', SAMPLE, ...api, '--yes'], { env: { ORDERBATCH_SECRET: SECRET } })
    expect(r.code).toBe(2)
    expect(r.out).toContain(`To send: 29 orders to ${sandbox.baseUrl} (account shop).`)
    expect(r.out).toContain('Run 1 finished: 29 created, 1 failed')
    expect(sandbox.ledger.count()).toBe(29)
    expect(`${r.out}${r.err}`).not.toContain(SECRET)
    expect(journalBytes()).not.toContain(SECRET)
  })

  it('asks before sending when there is a terminal, and sends nothing on "no"', async () => {
    const r = await cli(['import', SAMPLE, ...api, '--force'], { env: { ORDERBATCH_SECRET: SECRET }, answer: false })
    expect(r.questions).toEqual([`Send 29 orders to ${sandbox.baseUrl} (account shop)?`])
    expect(r.code).toBe(1)
    expect(r.out).toContain('Nothing was sent.')
    const status = await cli(['status', '--all', '--json', '--journal', join(dir, 'journal.sqlite')])
    expect((JSON.parse(status.out) as unknown[]).length).toBe(1)
  })

  it('stops on a wrong key (exit 3), needs the key to resume, and resumes without doubling anything', async () => {
    const stopped = await cli(['import', SAMPLE, ...api, '--yes', '--force', '--secret-env', 'SHOP_KEY'], { env: { SHOP_KEY: 'wrong-key' } })
    expect(stopped.code).toBe(3)
    expect(stopped.out).toContain('Run 2 stopped')
    expect(stopped.out).toMatch(/The API answered "incorrect hash" \(code 4\), but the answer is not signed with this API key, so Orderbatch cannot trust it\. The API key or the login is wrong\./)
    expect(stopped.out).toContain(`When that is fixed, continue with: orderbatch resume 2 --journal ${join(dir, 'journal.sqlite')}`)

    const noKey = await cli(['resume', '2', '--journal', join(dir, 'journal.sqlite'), '--yes'])
    expect(noKey.code).toBe(1)
    expect(noKey.err).toMatch(/^Set the API key in the environment variable ORDERBATCH_SECRET/)

    const resumed = await cli(['resume', '2', '--journal', join(dir, 'journal.sqlite'), '--yes'], { env: { ORDERBATCH_SECRET: SECRET } })
    expect(resumed.code).toBe(2)
    expect(resumed.out).toContain('Run 2 finished: 29 created, 1 failed')
    expect(sandbox.ledger.count()).toBe(29)
    expect(`${resumed.out}${resumed.err}`).not.toContain(SECRET)
  })
})
