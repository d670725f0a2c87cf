// Issue 8: a TLS certificate error is a configuration problem. Against a local HTTPS server with a
// self-signed certificate (not trusted: verification stays on), the run stops at the first order
// with a message naming the host and the error, and nothing is retried.
import { afterEach, describe, expect, it } from 'vitest'
import { classifyCreateOrder } from '#shared/wire/create-order-answers'
import { startTls } from '../api/fake-api-server'
import { tempJournal, type TempJournal } from '../../unit/sender/fixtures'
import { CountingClient, clientFor, sendAll } from './helpers'

let cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

describe('a TLS certificate error', () => {
  it('stops the run at once with the host and the error, without retrying', async () => {
    const server = await startTls((_req, res) => res.end('{}'))
    cleanups.push(() => server.close())
    const t: TempJournal = tempJournal(3)
    cleanups.push(t.cleanup)
    const client = new CountingClient(clientFor(server.baseUrl))

    const { result, events } = await sendAll(t, client, { concurrency: 1 })
    expect(result.outcome).toBe('stopped')
    const host = new URL(server.baseUrl).host
    expect(result.message).toContain(`The secure connection to ${host} failed: its certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)`)
    expect(result.message).toContain('Orderbatch stops instead of trying again')
    expect(client.starts).toHaveLength(1)
    expect(events.filter((e) => e.kind === 'retry')).toHaveLength(0)
    expect(server.requestCount()).toBe(0)
    // Nothing was sent: every order is still waiting, to be sent once the setting is fixed.
    expect(t.journal.runCounts(t.runId)).toMatchObject({ pending: 3, sending: 0, unknown: 0 })
  })

  it('other connection failures are still retried', () => {
    expect(classifyCreateOrder({ kind: 'not-sent', reason: 'refused' })).toEqual({ state: 'retry', reason: 'refused' })
  })
})
