import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sandboxCommand } from '../../../electron/main/cli/commands/sandbox'
import { EXIT, type CliIo } from '../../../electron/main/cli/io'
import { httpBuildQuery } from '#shared/wire/php-query'
import { md5, orderData, post } from './helpers'

interface TestIo {
  io: CliIo
  out: () => string
  err: () => string
  stop: () => void
}

function testIo(env: Record<string, string> = {}): TestIo {
  const controller = new AbortController()
  let out = ''
  let err = ''
  return {
    io: {
      stdout: (text) => { out += text },
      stderr: (text) => { err += text },
      env,
      cwd: process.cwd(),
      isTTY: false,
      signal: controller.signal
    },
    out: () => out,
    err: () => err,
    stop: () => controller.abort()
  }
}

async function listeningUrl(io: TestIo): Promise<string> {
  let url = ''
  await vi.waitFor(() => {
    const match = /^Sandbox listening on (http:\/\/127\.0\.0\.1:\d+\/api\/) \(account (\S+)\)$/m.exec(io.out())
    expect(match).not.toBeNull()
    url = match?.[1] ?? ''
  })
  return url
}

function signed(account: string, secret: string): string {
  const query = httpBuildQuery(orderData())
  return `${query}&hash=${md5(`${query}::${account}::${secret}`)}`
}

let blocker: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)))
  blocker = undefined
})

describe('orderbatch sandbox', () => {
  it('serves with the public sandbox key until the signal aborts, logging each answer', async () => {
    const io = testIo()
    const running = sandboxCommand(['--port', '0', '--account', 'shop', '--products', 'course-1, book'], io.io)
    const url = await listeningUrl(io)
    expect(io.out()).toContain('(account shop)')
    expect(io.err()).toContain('ORDERBATCH_SECRET is not set')
    const reply = await post(`${url}CreateOrder`, signed('shop', 'sandbox-secret'))
    expect(reply.kind === 'response' && JSON.parse(reply.body).error_code).toBe(0)
    expect(io.err()).toMatch(/CreateOrder -> 0 ok \(bill \d+\)/)
    io.stop()
    expect(await running).toBe(EXIT.ok)
    expect(io.err()).toContain('Sandbox stopped; it created 1 order.')
    expect((await post(`${url}CreateOrder`, signed('shop', 'sandbox-secret'))).kind).toBe('error')
  })

  it('signs with the key from --secret-env and never prints it', async () => {
    const io = testIo({ SHOP_KEY: 'k-123456' })
    const running = sandboxCommand(['--port', '0', '--secret-env', 'SHOP_KEY'], io.io)
    const url = await listeningUrl(io)
    const own = await post(`${url}CreateOrder`, signed('demo', 'k-123456'))
    expect(own.kind === 'response' && JSON.parse(own.body).error_code).toBe(0)
    const other = await post(`${url}CreateOrder`, signed('demo', 'sandbox-secret'))
    expect(other.kind === 'response' && JSON.parse(other.body).error_code).toBe(4)
    io.stop()
    await running
    expect(io.out() + io.err()).not.toContain('k-123456')
    expect(io.err()).not.toContain('is not set')
  })

  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be at most 65535'],
    [['--fail-rate', '2'], '--fail-rate is a fraction from 0 to 1'],
    [['--latency=-5'], '--latency must be a whole number'],
    [['--jitter', '-5'], "Option '--jitter' argument is ambiguous"],
    [['--rate-limit', '1.5'], '--rate-limit must be a whole number'],
    [['--products', ' , '], '--products needs at least one product id'],
    [['--account', 'a b'], '--account takes a login'],
    [['--secret-env', 'my-secret=1'], '--secret-env takes the NAME'],
    [['orders.csv'], 'sandbox takes no file'],
    [['--colour'], 'sandbox:']
  ])('%j is a usage error with a one-line message', async (argv, message) => {
    const io = testIo()
    expect(await sandboxCommand(argv, io.io)).toBe(EXIT.usageOrInput)
    expect(io.err()).toContain(message)
    expect(io.err().trim().split('\n')).toHaveLength(1)
    expect(io.out()).toBe('')
  })

  it('says which port is taken and what to do', async () => {
    blocker = createServer()
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const io = testIo()
    expect(await sandboxCommand(['--port', String(port)], io.io)).toBe(EXIT.usageOrInput)
    expect(io.err()).toContain(`Port ${port} is already in use`)
    expect(io.err()).toContain('--port 0')
  })
})
