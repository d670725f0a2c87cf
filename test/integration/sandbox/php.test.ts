// Real PHP as the client: the vendor's own example, and PHP's json_encode as the reference for
// the answer bodies. Skipped where php-cli is not installed; CI installs it and fails without it.
import { execFile, execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { phpJsonEncode } from '../../../electron/main/sandbox/php-json'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { runPhpCurlTests } from '../../helpers/php'
import { startTestSandbox } from './helpers'

const run = promisify(execFile)
const SEED_EXAMPLE = fileURLToPath(new URL('./fixtures/seed-example.php', import.meta.url))

let sandbox: Sandbox | undefined
afterEach(() => sandbox?.close())

async function runSeedExample(api: Sandbox, login: string, key: string): Promise<string> {
  const { stdout } = await run('php', [SEED_EXAMPLE], {
    env: { ...process.env, SANDBOX_URL: api.baseUrl, SANDBOX_LOGIN: login, SANDBOX_KEY: key }
  })
  return stdout
}

describe('the vendor PHP example against the sandbox', () => {
  it.skipIf(!runPhpCurlTests)('creates the order, then gets a correctly signed 601 for the same order', async () => {
    const key = 'K'.repeat(40)
    sandbox = await startTestSandbox({ account: 'username', secret: key })
    const first = await runSeedExample(sandbox, 'username', key)
    const [order] = sandbox.ledger.orders()
    expect(first).toBe(`The order is created ${order?.bill_id}. Service response: ok`)
    expect(order).toMatchObject({ email: 'user4@email.com', created: 1291001819, tag: 'AdWords', comment: 'in a beautiful box' })
    expect(order?.goods).toEqual([{ good_name: 'invoice', good_sum: '1500' }, { good_name: 'sales', good_sum: null }])
    expect(order?.fields).toMatchObject({ bill_timer_kill: '1', bill_coupon: 'skidka50', 'utm[utm_term]': 'my_label' })
    // CheckHash passes on an error answer too, or the example would print "Error! The response hash is not true!".
    expect(await runSeedExample(sandbox, 'username', key)).toBe('Error code:601 - description: order already exist. his number send in result array.')
    expect(sandbox.ledger.count()).toBe(1)
  })

  it.skipIf(!runPhpCurlTests)('is refused with code 4 when PHP signs with another key', async () => {
    sandbox = await startTestSandbox({ account: 'username', secret: 'right-key' })
    // The answer is signed with the sandbox key, so the example's CheckHash rejects it.
    expect(await runSeedExample(sandbox, 'username', 'wrong-key')).toBe('Error! The response hash is not true!')
    expect(sandbox.ledger.count()).toBe(0)
  })
})

describe('answer bodies', () => {
  it.skipIf(!runPhpCurlTests)("match PHP's json_encode byte for byte", () => {
    const value = { error_code: 0, error_text: 'ok', result: { link: 'https://shop/order/1/', name: 'Иван 😀', list: [], n: 1.5, t: true, z: null } }
    const stdout = execFileSync('php', ['-r', 'echo json_encode(json_decode(file_get_contents("php://stdin")));'], {
      input: JSON.stringify(value),
      encoding: 'utf8'
    })
    expect(phpJsonEncode(value)).toBe(stdout)
  })
})
