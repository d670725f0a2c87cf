import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../../../electron/main/api/api-client'
import type { ApiClientOptions } from '../../../electron/main/api/api-client'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { closedPort, md5, startFakeApi, startSilentTcp, startTls } from './fake-api-server'
import type { FakeApi } from './fake-api-server'

const SECRET = 'Zq9-distinctive-api-key-0451-do-not-leak'
const LOGIN = 'demo'
const FAST = { connectTimeoutMs: 2_000, headersTimeoutMs: 2_000, bodyTimeoutMs: 2_000 }

let api: FakeApi
beforeAll(async () => {
  api = await startFakeApi(SECRET)
})
afterAll(() => api.close())
afterEach(() => {
  api.requests.length = 0
})

function client(options: Partial<ApiClientOptions> = {}): ApiClient {
  return new ApiClient({ baseUrl: api.baseUrl, login: LOGIN, secret: SECRET, ...FAST, ...options })
}

function expectKind<K extends CallOutcome['kind']>(outcome: CallOutcome, kind: K): Extract<CallOutcome, { kind: K }> {
  expect(outcome.kind, JSON.stringify(outcome)).toBe(kind)
  return outcome as Extract<CallOutcome, { kind: K }>
}

// api-research.md §7.3 vector 1: the official CreateOrder sample, login "username", key 40 × "X".
const VECTOR_1_PAIRS: Array<[string, string]> = [
  ['goods[0][good_name]', 'invoice'],
  ['goods[0][good_sum]', '1500'],
  ['goods[1][good_name]', 'sales'],
  ['bill_first_name', 'Name'],
  ['bill_surname', 'Surname'],
  ['bill_middle_name', 'Middle Name'],
  ['bill_email', 'user4@email.com'],
  ['bill_phone', '+7(928)777-77-77'],
  ['bill_country', 'USA'],
  ['bill_region', 'New York'],
  ['bill_city', 'New York'],
  ['bill_address', 'Wall St.'],
  ['bill_postal_code', '345678'],
  ['bill_coupon', 'skidka50'],
  ['bill_tag', 'AdWords'],
  ['bill_comment', 'in a beautiful box'],
  ['bill_ip', '192.168.0.1'],
  ['bill_timer_kill', '1'],
  ['bill_created', '1291001819'],
  ['bill_domain', 'www.shop.com'],
  ['utm[utm_medium]', 'cpc'],
  ['utm[utm_source]', 'direct'],
  ['utm[utm_campaign]', 'my campaign'],
  ['utm[utm_content]', 'content_123'],
  ['utm[utm_term]', 'my_label']
]
const VECTOR_1_QUERY =
  'goods%5B0%5D%5Bgood_name%5D=invoice&goods%5B0%5D%5Bgood_sum%5D=1500&goods%5B1%5D%5Bgood_name%5D=sales&bill_first_name=Name&bill_surname=Surname&bill_middle_name=Middle+Name&bill_email=user4%40email.com&bill_phone=%2B7%28928%29777-77-77&bill_country=USA&bill_region=New+York&bill_city=New+York&bill_address=Wall+St.&bill_postal_code=345678&bill_coupon=skidka50&bill_tag=AdWords&bill_comment=in+a+beautiful+box&bill_ip=192.168.0.1&bill_timer_kill=1&bill_created=1291001819&bill_domain=www.shop.com&utm%5Butm_medium%5D=cpc&utm%5Butm_source%5D=direct&utm%5Butm_campaign%5D=my+campaign&utm%5Butm_content%5D=content_123&utm%5Butm_term%5D=my_label'

describe('what goes on the wire', () => {
  const X40 = 'X'.repeat(40)
  let sampleApi: FakeApi
  beforeAll(async () => {
    sampleApi = await startFakeApi(X40)
  })
  afterAll(() => sampleApi.close())
  afterEach(() => {
    sampleApi.requests.length = 0
  })
  const sampleClient = (): ApiClient => new ApiClient({ baseUrl: sampleApi.baseUrl, login: 'username', secret: X40, ...FAST })

  it('CreateOrder posts exactly the signed query plus &hash=, as a form, with its length', async () => {
    sampleApi.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 258367 } })
    const outcome = await sampleClient().createOrder(VECTOR_1_PAIRS)

    const [request] = sampleApi.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api/CreateOrder')
    expect(request?.body).toBe(`${VECTOR_1_QUERY}&hash=e1bf174b1f0be55f8fe4c447dde8bb7e`)
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request?.headers['content-length']).toBe(String(Buffer.byteLength(request?.body ?? '')))
    expect(expectKind(outcome, 'answer')).toMatchObject({ errorCode: 0, errorText: 'ok', result: { bill_id: 258367 }, hashValid: true, httpStatus: 200 })
  })

  it('pairs and a PHP array sign and send the same bytes (vector 2)', async () => {
    await sampleClient().call('getOrderDetails', [
      ['bill_id', '102937'],
      ['good_info', '1']
    ])
    await sampleClient().call('getOrderDetails', new Map<string, string | boolean>([['bill_id', '102937'], ['good_info', true]]))
    const expected = 'bill_id=102937&good_info=1&hash=01b56970e1b2077106671065067ef2d4'
    expect(sampleApi.requests.map((r) => r.body)).toEqual([expected, expected])
  })

  it('the lookups call their functions with their parameters', async () => {
    const c = client()
    await c.getBills('a+b@example.com')
    await c.getOrderDetails(258367)
    await c.getOrdersWithGoods({ begin: new Date('2024-03-01T10:00:00Z'), end: new Date('2024-03-09T10:00:00Z') })
    await c.deleteOrder(77)
    const sent = api.requests.map((r) => `${r.url} ${r.body.replace(/&hash=[0-9a-f]{32}$/, '')}`)
    expect(sent).toEqual([
      '/api/GetBills email=a%2Bb%40example.com',
      '/api/getOrderDetails bill_id=258367',
      '/api/getOrdersWithGoods begin_date=01.03.2024&end_date=09.03.2024',
      '/api/DeleteOrder bill_id=77'
    ])
    for (const r of api.requests) expect(r.body).toMatch(/&hash=[0-9a-f]{32}$/)
  })

  it('opens a fresh connection for every call and asks to close it', async () => {
    const c = client()
    await c.createOrder([['bill_email', 'a@b.c']])
    await c.createOrder([['bill_email', 'd@e.f']])
    const [first, second] = api.requests
    expect(first?.connection).not.toBe(second?.connection)
    expect(first?.headers.connection).toBe('close')
  })

  it('refuses a parameter given twice instead of sending what was not signed', async () => {
    await expect(client().createOrder([['bill_email', 'a@b.c'], ['bill_email', 'x@y.z']])).rejects.toThrow(/"bill_email" is given twice/)
    expect(api.requests).toHaveLength(0)
  })
})

describe('answers', () => {
  it('reads a code sent as a digit string, hashed as received', async () => {
    api.script({ kind: 'answer', code: '601', text: 'order already exist. his number send in result array.', result: { bill_id: '12' } })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'answer')
    expect(outcome).toMatchObject({ errorCode: 601, hashValid: true, result: { bill_id: '12' } })
    expect(JSON.parse(outcome.raw)).toMatchObject({ hash: md5(`601::${outcome.errorText}::${SECRET}`) })
  })

  it('a success with a wrong answer signature is unknown', async () => {
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 5 }, badHash: true })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.reason).toContain('but the answer is signed with another key (is the API key right?)')
    expect(outcome.raw).toContain('"bill_id":5')
  })

  it('a 601 without a signature is unknown', async () => {
    api.script({ kind: 'answer', code: 601, text: 'order already exist.', result: { bill_id: 5 }, noHash: true })
    expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
  })

  it('an error code with a wrong signature is unknown, keeping what it claimed', async () => {
    api.script({ kind: 'answer', code: 4, text: 'incorrect hash', badHash: true })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome).toMatchObject({ unsigned: { errorCode: 4, errorText: 'incorrect hash' }, httpStatus: 200 })
  })

  it.each([8, 777])('an unsigned code %i is unknown (maybe created), not "slow down" or "not created"', async (code) => {
    api.script({ kind: 'answer', code, text: 'whatever', noHash: true })
    expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
  })

  it.each([
    ['not JSON', '<html>Service Unavailable</html>'],
    ['JSON without error_code', '{"error_text":"ok"}'],
    ['a fractional code', '{"error_code":0.5,"error_text":"ok"}'],
    ['a text that is not a string', '{"error_code":0,"error_text":null}'],
    ['an empty body', '']
  ])('a 200 with %s is unknown, keeping the body', async (_label, body) => {
    api.script({ kind: 'raw', status: 200, body })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome).toMatchObject({ httpStatus: 200, raw: body })
  })

  it.each([500, 502, 404, 400])('HTTP %i is unknown, with its status and body', async (status) => {
    api.script({ kind: 'raw', status, body: 'gateway says no' })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome).toMatchObject({ httpStatus: status, raw: 'gateway says no' })
    expect(outcome.reason).toContain(`HTTP ${status}`)
  })

  it.each([307, 302, 301])('a %i redirect is not followed and is unknown', async (status) => {
    api.script({ kind: 'raw', status, body: '', headers: { Location: '/api/CreateOrder2' } })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.httpStatus).toBe(status)
    expect(outcome.reason).toContain('/api/CreateOrder2')
    expect(api.requests.map((r) => r.url)).toEqual(['/api/CreateOrder'])
  })

  it('keeps at most 64 KB of the raw body, but reads the whole answer', async () => {
    const big = 'x'.repeat(100_000)
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 9, note: big } })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'answer')
    expect(outcome.raw).toHaveLength(64 * 1024)
    expect(outcome.result).toEqual({ bill_id: 9, note: big })
  })
})

describe('failures after the request was sent are unknown', () => {
  it('the connection dropped after the body was read', async () => {
    api.script({ kind: 'drop-after-body' })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.reason).toMatch(/cut after the CreateOrder request was sent/)
    expect(api.requests).toHaveLength(1)
  })

  it('no answer at all (headers timeout)', async () => {
    api.script({ kind: 'hang' })
    const outcome = expectKind(await client({ headersTimeoutMs: 150 }).createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.reason).toMatch(/No answer to CreateOrder .* within 150 ms/)
  })

  it('headers slower than the timeout', async () => {
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 1 }, delayMs: 600 })
    const outcome = expectKind(await client({ headersTimeoutMs: 100 }).createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.reason).toMatch(/No answer/)
  })

  it('slow headers within the timeout are fine', async () => {
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 1 }, delayMs: 50 })
    expectKind(await client({ headersTimeoutMs: 5_000 }).createOrder([['bill_email', 'a@b.c']]), 'answer')
  })

  it('a truncated body', async () => {
    api.script({ kind: 'truncated' })
    const outcome = expectKind(await client().createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.reason).toMatch(/cut off/)
    expect(outcome.raw).toBe('{"error_code":0,"error_text":"ok","res')
    expect(outcome.httpStatus).toBe(200)
  })

  it('a body that stops coming (body timeout)', async () => {
    api.script({ kind: 'stall-body' })
    const outcome = expectKind(await client({ bodyTimeoutMs: 150 }).createOrder([['bill_email', 'a@b.c']]), 'unknown')
    expect(outcome.reason).toMatch(/did not finish within/)
    expect(outcome.raw).toBe('{"error_code":0,')
  })
})

describe('failures before the request was sent are not-sent', () => {
  it('connection refused (closed port)', async () => {
    const port = await closedPort()
    const c = new ApiClient({ baseUrl: `http://127.0.0.1:${port}/api/`, login: LOGIN, secret: SECRET, ...FAST })
    const outcome = expectKind(await c.createOrder([['bill_email', 'a@b.c']]), 'not-sent')
    expect(outcome.reason).toContain('refused the connection')
  })

  it('a certificate nobody trusts, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const tls = await startTls()
    const before = process.env['NODE_TLS_REJECT_UNAUTHORIZED']
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'
    try {
      const c = new ApiClient({ baseUrl: tls.baseUrl, login: LOGIN, secret: SECRET, ...FAST })
      const outcome = expectKind(await c.createOrder([['bill_email', 'a@b.c']]), 'not-sent')
      expect(outcome.reason).toMatch(/certificate is not trusted/)
      expect(tls.requestCount()).toBe(0)
    } finally {
      if (before === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED']
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = before
      await tls.close()
    }
  })

  it('a TLS handshake that never finishes (connect timeout)', async () => {
    const silent = await startSilentTcp()
    try {
      const c = new ApiClient({ baseUrl: `https://127.0.0.1:${silent.port}/api/`, login: LOGIN, secret: SECRET, ...FAST, connectTimeoutMs: 150 })
      const outcome = expectKind(await c.createOrder([['bill_email', 'a@b.c']]), 'not-sent')
      expect(outcome.reason).toMatch(/Could not connect to 127\.0\.0\.1:\d+ within 150 ms/)
    } finally {
      await silent.close()
    }
  })

  it('a host that does not exist', async () => {
    const c = new ApiClient({ baseUrl: 'http://orderbatch-no-such-host.invalid/api/', login: LOGIN, secret: SECRET, ...FAST })
    expectKind(await c.createOrder([['bill_email', 'a@b.c']]), 'not-sent')
  })
})

describe('hooks', () => {
  it('afterWrite fires once the body is flushed, before afterAnswer gets the raw answer', async () => {
    const events: string[] = []
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 3 } })
    const c = client({ hooks: { afterWrite: () => events.push('write'), afterAnswer: (raw) => events.push(`answer ${raw}`) } })
    const outcome = expectKind(await c.createOrder([['bill_email', 'a@b.c']]), 'answer')
    expect(events).toEqual(['write', `answer ${outcome.raw}`])
  })

  it('only afterWrite fires when the answer never comes', async () => {
    const events: string[] = []
    api.script({ kind: 'drop-after-body' })
    const c = client({ hooks: { afterWrite: () => events.push('write'), afterAnswer: () => events.push('answer') } })
    await c.createOrder([['bill_email', 'a@b.c']])
    expect(events).toEqual(['write'])
  })

  it('neither fires when the connection is refused', async () => {
    const events: string[] = []
    const port = await closedPort()
    const c = new ApiClient({
      baseUrl: `http://127.0.0.1:${port}/api/`,
      login: LOGIN,
      secret: SECRET,
      hooks: { afterWrite: () => events.push('write'), afterAnswer: () => events.push('answer') }
    })
    await c.createOrder([['bill_email', 'a@b.c']])
    expect(events).toEqual([])
  })

  it('a hook that throws leaves the outcome unknown', async () => {
    const throwing = (): never => {
      throw new Error('failpoint')
    }
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 3 } })
    expectKind(await client({ hooks: { afterAnswer: throwing } }).createOrder([['bill_email', 'a@b.c']]), 'unknown')
    api.script({ kind: 'answer', code: 0, text: 'ok', result: { bill_id: 3 } })
    expectKind(await client({ hooks: { afterWrite: throwing } }).createOrder([['bill_email', 'a@b.c']]), 'unknown')
  })
})

describe('the API key never shows', () => {
  it('in any outcome or message, whatever happens', async () => {
    const port = await closedPort()
    const outcomes: CallOutcome[] = []
    const order: Array<[string, string]> = [['bill_email', 'a@b.c']]
    api.script(
      { kind: 'answer', code: 0, text: 'ok', result: { bill_id: 1 }, badHash: true },
      { kind: 'answer', code: 4, text: 'incorrect hash', badHash: true },
      { kind: 'drop-after-body' },
      { kind: 'raw', status: 502, body: 'bad gateway' },
      { kind: 'truncated' },
      { kind: 'hang' }
    )
    for (let i = 0; i < 6; i++) outcomes.push(await client({ headersTimeoutMs: 150 }).createOrder(order))
    outcomes.push(await new ApiClient({ baseUrl: `http://127.0.0.1:${port}/api/`, login: LOGIN, secret: SECRET }).createOrder(order))

    expect(outcomes.map((o) => o.kind)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'not-sent'])
    expect(JSON.stringify(outcomes)).not.toContain(SECRET)
    for (const request of api.requests) expect(request.body).not.toContain(SECRET)
  })

  it('in configuration errors', () => {
    const attempts = [
      () => new ApiClient({ baseUrl: 'not a url', login: LOGIN, secret: SECRET }),
      () => new ApiClient({ baseUrl: api.baseUrl, login: 'Bad Login', secret: SECRET }),
      () => new ApiClient({ baseUrl: api.baseUrl, login: LOGIN, secret: SECRET, connectTimeoutMs: -1 })
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow()
      try {
        attempt()
      } catch (error) {
        expect(String(error)).not.toContain(SECRET)
      }
    }
  })

  it('refuses an empty key', () => {
    expect(() => new ApiClient({ baseUrl: api.baseUrl, login: LOGIN, secret: '' })).toThrow(/API key is empty/)
  })
})

describe('the client object', () => {
  it('does not show the API key when logged or serialized', () => {
    const c = client()
    expect(JSON.stringify(c)).not.toContain(SECRET)
    expect(inspect(c, { depth: 5, showHidden: true })).not.toContain(SECRET)
  })
})
