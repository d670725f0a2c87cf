// The fault matrix of reliability.md §5.3, row by row where it concerns the sender, against the
// in-process sandbox over real HTTP. After each: the invariants I1-I4 and I7.
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../electron/main/api/api-client'
import type { SandboxFault, SandboxOptions } from '../../../electron/main/sandbox/sandbox'
import { closedPort } from '../api/fake-api-server'
import type { OrderSpec, TempJournal } from '../../unit/sender/fixtures'
import { CountingClient, checkInvariants, clientFor, sendAll, useSenderScene } from './helpers'

const sender = useSenderScene()

async function scene(orders: number | OrderSpec[], options: Partial<SandboxOptions> = {}) {
  const { sandbox, t } = await sender.start(orders, options)
  return { sandbox, t, client: clientFor(sandbox.baseUrl) }
}

function outcomes(journal: TempJournal, ordinal: number): Array<string | null> {
  return journal.journal.attempts(journal.ids[ordinal - 1]!).map((a) => a.outcome)
}

describe('sender fault matrix (reliability.md §5.3)', () => {
  it('#7-8 connection refused: not sent, retried with back-off, then created once', async () => {
    const { sandbox, t, client } = await scene(3)
    const refused = clientFor(`http://127.0.0.1:${await closedPort()}/api/`)
    let calls = 0
    const flaky: Pick<ApiClient, 'createOrder' | 'getBills' | 'getOrderDetails'> = {
      createOrder: (params) => (++calls <= 2 ? refused : client).createOrder(params),
      getBills: (email) => client.getBills(email),
      getOrderDetails: (billId) => client.getOrderDetails(billId)
    }
    const { result, events } = await sendAll(t, flaky, { retryBackoff: { baseMs: 20, capMs: 100 } })
    expect(result.outcome).toBe('finished')
    expect(events.filter((e) => e.kind === 'retry')).toHaveLength(2)
    expect(events.find((e) => e.kind === 'retry')).toMatchObject({ reason: expect.stringMatching(/refused the connection\. The CreateOrder request was not sent/) })
    // The same reason as a message, for the live log and the CLI in the reader's language.
    expect(events.find((e) => e.kind === 'retry')).toMatchObject({ reasonWhy: { key: 'net.refused' } })
    // Each refusal holds every start and puts its order back with a delay; no order is lost.
    const all = [1, 2, 3].map((n) => outcomes(t, n))
    expect(all.flat().filter((o) => o === 'retry')).toHaveLength(2)
    for (const attempts of all) expect(attempts.at(-1)).toBe('created')
    expect(sandbox.requests()).toBe(3)
    checkInvariants(t, sandbox)
  })

  it('#7 a connection that never comes back: the run stops, every order still pending', async () => {
    const { sandbox, t } = await scene(2)
    const refused = clientFor(`http://127.0.0.1:${await closedPort()}/api/`)
    const { result } = await sendAll(t, refused, { networkGiveUpMs: 300, retryBackoff: { baseMs: 20, capMs: 60 } })
    expect(result.outcome).toBe('stopped')
    expect(result.message).toMatch(/Nothing could be sent .* run \d+ stopped/)
    expect(result.counts).toMatchObject({ pending: 2 })
    expect(t.journal.getRun(t.runId)?.status).toBe('stopped')
    checkInvariants(t, sandbox)
  })

  it.each<[string, SandboxFault, 'created' | 'absent']>([
    ['#9 connection dropped after the order was created', 'drop-after-create', 'created'],
    ['#10 no answer after the order was created (client timeout)', 'hang-after-create', 'created'],
    ['#11 HTTP 500 before anything was created', 'http500-before', 'absent'],
    ['#12 HTTP 500 after the order was created', 'http500-after', 'created'],
    ['#13 HTTP 502 from a gateway, nothing created', 'http502-before', 'absent'],
    ['#13 HTTP 502 from a gateway, order created', 'http502-after', 'created'],
    ['#19 a 200 answer cut in half', 'truncated-body', 'created'],
    ['connection reset after connecting, nothing created', 'reset-before', 'absent']
  ])('%s: unknown, reconciled as %s, never sent twice', async (_name, fault, found) => {
    const { sandbox, t, client } = await scene(3)
    sandbox.injectFaults([fault])
    const { result, events } = await sendAll(t, client)
    expect(result.outcome).toBe('finished')
    expect(events.find((e) => e.kind === 'unknown')).toMatchObject({ ordinal: 1 })
    expect(events.find((e) => e.kind === 'reconciled')).toMatchObject({ ordinal: 1, result: found })
    expect(outcomes(t, 1)).toEqual(found === 'created' ? ['unknown', 'reconciled-created'] : ['unknown', 'reconciled-absent', 'created'])
    expect(sandbox.requests()).toBe(found === 'created' ? 3 : 4)
    expect(result.counts).toMatchObject({ succeeded: 3 })
    checkInvariants(t, sandbox)
  })

  it('#14 request limit (code 8): backs off, slows down, and creates every order once', async () => {
    const { sandbox, t, client } = await scene(8, { rateLimit: 5 })
    const { result, events } = await sendAll(t, client, { rate: 12, concurrency: 2, limitBackoff: { baseMs: 200, capMs: 800 } })
    expect(result.outcome).toBe('finished')
    const backoffs = events.filter((e) => e.kind === 'backoff')
    expect(backoffs.length).toBeGreaterThan(0)
    expect(backoffs[0]).toMatchObject({ code: 8, rate: 6 })
    expect(result.counts).toMatchObject({ succeeded: 8 })
    checkInvariants(t, sandbox)
  })

  it('#16 validation failures: failed with the advice, never sent again; the others are created', async () => {
    const { sandbox, t, client } = await scene([{}, { email: 'not-an-email' }, { goods: [['no-such-course', '10']] }], { products: ['course-1'] })
    const { result } = await sendAll(t, client)
    expect(result.counts).toMatchObject({ succeeded: 1, failed: 2 })
    expect(t.journal.getOrder(t.ids[1]!)).toMatchObject({ state: 'failed', errorCode: 600 })
    expect(t.journal.getOrder(t.ids[2]!)).toMatchObject({ state: 'failed', errorCode: 604 })
    expect(t.journal.getOrder(t.ids[2]!)?.errorText).toMatch(/no-such-course/)
    expect(sandbox.requests()).toBe(3)
    checkInvariants(t, sandbox)
  })

  it('#17 wrong API key: the run stops at the first answer (unclear: it is not signed), nothing created; the right key resumes it', async () => {
    const { sandbox, t } = await scene(3)
    const wrong = clientFor(sandbox.baseUrl, { secret: 'not-the-key' })
    const stopped = await sendAll(t, wrong)
    expect(stopped.result.outcome).toBe('stopped')
    // Code 4 signed with another key cannot be checked: the order is unclear, the run stops.
    expect(stopped.result.message).toMatch(/code 4\), but the answer is not signed with this API key.*The API key or the login is wrong/)
    expect(stopped.result.message).not.toContain('not-the-key')
    expect(stopped.result.counts).toMatchObject({ unknown: 1, pending: 2 })
    expect(sandbox.ledger.count()).toBe(0)
    checkInvariants(t, sandbox, { allowUnknown: true })

    const resumed = await sendAll(t, clientFor(sandbox.baseUrl))
    expect(resumed.result.outcome).toBe('finished')
    checkInvariants(t, sandbox)
  })

  it('#20 latency with jitter below the timeout: all created, concurrency never exceeded', async () => {
    const { sandbox, t } = await scene(12, { latencyMs: 80, jitterMs: 60 })
    const client = new CountingClient(clientFor(sandbox.baseUrl, { headersTimeoutMs: 2000 }))
    const { result } = await sendAll(t, client, { rate: 100, concurrency: 3 })
    expect(result.counts).toMatchObject({ succeeded: 12 })
    expect(client.maxInFlight).toBe(3)
    checkInvariants(t, sandbox)
  })

  it('a 601 answer: the second copy of the same order is recorded as existing, not created again', async () => {
    const same = { email: 'twice@example.com', tag: 'same' }
    const { sandbox, t, client } = await scene([same, same])
    const { result, events } = await sendAll(t, client)
    expect(result.counts).toMatchObject({ succeeded: 2 })
    expect(events.map((e) => e.kind === 'created' && e.existed)).toEqual([false, true])
    expect(t.journal.getOrder(t.ids[1]!)?.billId).toBe(t.journal.getOrder(t.ids[0]!)?.billId)
    expect(sandbox.ledger.count()).toBe(1)
    checkInvariants(t, sandbox)
  })
})
