// Over HTTPS the "sent" boundary is the end of the TLS handshake. The client trusts only the
// system's roots, so these tests go one level down and add the test certificate as a trust
// anchor (verification stays on).
import { describe, expect, it } from 'vitest'
import { postOnce } from '../../../electron/main/api/http-post'
import type { PostRequest } from '../../../electron/main/api/http-post'
import { startTls, testCertificate } from './fake-api-server'

function request(baseUrl: string, overrides: Partial<PostRequest> = {}): PostRequest {
  return {
    url: new URL('CreateOrder', baseUrl),
    body: 'bill_email=a%40b.c&hash=0123456789abcdef0123456789abcdef',
    what: 'CreateOrder',
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
    maxBodyBytes: 1024,
    ca: testCertificate(),
    ...overrides
  }
}

describe('postOnce over HTTPS', () => {
  it('gets the answer from a server it trusts', async () => {
    const server = await startTls((_req, res) => res.end('{"error_code":0}'))
    try {
      const flushed: string[] = []
      const result = await postOnce(request(server.baseUrl, { onFlushed: () => flushed.push('flushed') }))
      expect(result).toEqual({ kind: 'response', status: 200, location: null, body: '{"error_code":0}' })
      expect(flushed).toEqual(['flushed'])
    } finally {
      await server.close()
    }
  })

  it('a server that never answers after the handshake is unknown, not not-sent', async () => {
    const server = await startTls(() => undefined)
    try {
      const result = await postOnce(request(server.baseUrl, { headersTimeoutMs: 150, connectTimeoutMs: 1_000 }))
      expect(result.kind).toBe('unknown')
      expect(server.requestCount()).toBe(1)
    } finally {
      await server.close()
    }
  })

  it('without the test anchor the certificate is refused before anything is sent', async () => {
    const server = await startTls()
    try {
      const { ca: _ca, ...untrusting } = request(server.baseUrl)
      const result = await postOnce(untrusting)
      expect(result).toMatchObject({ kind: 'not-sent', tls: true })
      expect(server.requestCount()).toBe(0)
    } finally {
      await server.close()
    }
  })

  it('an answer larger than the limit is unknown', async () => {
    const server = await startTls((_req, res) => res.end('x'.repeat(5000)))
    try {
      const result = await postOnce(request(server.baseUrl))
      expect(result).toMatchObject({ kind: 'unknown', httpStatus: 200 })
    } finally {
      await server.close()
    }
  })
})
