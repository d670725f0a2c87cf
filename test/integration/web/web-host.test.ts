// The browser host over real HTTP: the built renderer served read-only, the API behind the token,
// Host and Origin checks, the body cap, bytes both ways, and events over Server-Sent Events.
import { mkdirSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeWire, encodeWire, ipcErrorText } from '#shared/ipc/wire'
import { translatorFor } from '#shared/i18n/translate'
import type { EventName, IpcResult } from '#shared/ipc/contract'
import { startWebHost, type WebHost } from '../../../electron/main/web/web-host'
import { sampleBytes, useTestApp, waitFor } from '../service/helpers'

const app = useTestApp()
let host: WebHost
let port: number

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

function api(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send('POST', `/api/${channel}`, {
    headers: { 'Content-Type': 'application/json', 'X-Orderbatch-Token': host.token, ...headers },
    body: encodeWire(input)
  })
}

async function value<T>(channel: string, input: unknown): Promise<T> {
  const reply = await api(channel, input)
  const result = decodeWire(reply.body) as IpcResult<T>
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/** An SSE reader: every event the stream delivers, decoded. */
function listen(token: string): Promise<{ events: Array<{ name: EventName; payload: unknown }>; status: number; ended: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const events: Array<{ name: EventName; payload: unknown }> = []
    const req = request({ host: '127.0.0.1', port, path: `/events?token=${encodeURIComponent(token)}` }, (res) => {
      let buffer = ''
      const ended = new Promise<void>((done) => res.on('close', () => done()))
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block.split('\n').find((line) => line.startsWith('data: '))
          if (data) events.push(decodeWire(data.slice('data: '.length)) as { name: EventName; payload: unknown })
        }
      })
      resolve({ events, status: res.statusCode ?? 0, ended, close: () => req.destroy() })
    })
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)))
    req.end()
  })
}

beforeAll(async () => {
  const rendererDir = join(app.dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Orderbatch</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(app.dir, 'secret.txt'), 'outside the renderer')
  host = await startWebHost({ service: app.service, rendererDir })
  port = Number(new URL(host.url).port)
})

afterAll(async () => {
  await host.close()
})

describe('static files', () => {
  it('serves the renderer with the content security policy, and nothing outside it', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${port}/`)
    const page = await send('GET', '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Orderbatch</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect((await send('GET', '/assets/app.js')).headers['content-type']).toMatch(/javascript/)
    expect((await send('GET', '/../secret.txt')).status).toBe(404)
    expect((await send('GET', '/%2e%2e/secret.txt')).status).toBe(404)
    expect((await send('GET', '/nope.js')).status).toBe(404)
  })
})

describe('the API door', () => {
  it('answers with the token', async () => {
    const reply = await api('app.info', {})
    expect(reply.status).toBe(200)
    expect(decodeWire(reply.body)).toEqual({ ok: true, value: { version: '9.9.9', host: 'browser', journalPath: app.journalPath } })
  })

  it('refuses a missing or wrong token', async () => {
    const missing = await send('POST', '/api/app.info', { headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(missing.status).toBe(403)
    expect((await api('app.info', {}, { 'X-Orderbatch-Token': `${host.token}x` })).status).toBe(403)
    expect((await api('app.info', {}, { 'X-Orderbatch-Token': 'short' })).status).toBe(403)
    // Its refusal carries its key, so the page words it in the reader's language.
    const said = decodeWire(missing.body) as IpcResult<never>
    if (said.ok) throw new Error('expected a refusal')
    expect(said.error.message).toBe('The access token is missing or wrong. Open Orderbatch with the address it printed at start.')
    expect(ipcErrorText(translatorFor('ru'), said.error)).toBe('Ключ доступа не указан или неверен. Откройте Orderbatch по адресу, который он вывел при запуске.')
    const evil = decodeWire((await api('app.info', {}, { Origin: 'http://evil.example' })).body) as IpcResult<never>
    if (evil.ok) throw new Error('expected a refusal')
    expect(ipcErrorText(translatorFor('ru'), evil.error)).toBe('Запросы с других сайтов отклоняются.')
  })

  it('refuses other origins and non-loopback host names (DNS rebinding)', async () => {
    expect((await api('app.info', {}, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('app.info', {}, { Origin: `http://localhost:${port + 1}` })).status).toBe(403)
    expect((await api('app.info', {}, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200)
    expect((await api('app.info', {}, { Host: `evil.example:${port}` })).status).toBe(403)
    expect((await send('GET', '/', { headers: { Host: 'rebind.example' } })).status).toBe(403)
    expect((await api('app.info', {}, { Host: `localhost:${port}` })).status).toBe(200)
  })

  it('refuses unknown channels, other methods, non-JSON and oversized bodies', async () => {
    expect((await api('app.shutdown', {})).status).toBe(404)
    expect((await send('GET', '/api/app.info', { headers: { 'X-Orderbatch-Token': host.token } })).status).toBe(405)
    expect((await api('app.info', {}, { 'Content-Type': 'text/plain' })).status).toBe(415)
    const broken = await send('POST', '/api/app.info', { headers: { 'Content-Type': 'application/json', 'X-Orderbatch-Token': host.token }, body: '{not json' })
    expect(broken.status).toBe(400)
    const huge = await send('POST', '/api/sheet.load', {
      headers: { 'Content-Type': 'application/json', 'X-Orderbatch-Token': host.token, 'Content-Length': String(300 * 1024 * 1024) }
    }).catch(() => ({ status: 413 }) as Reply)
    expect(huge.status).toBe(413)
  })

  it('validates input at the door like the desktop app', async () => {
    const reply = await api('rows.page', { sessionId: 'x', offset: -1, limit: 1, filter: 'all' })
    expect(reply.status).toBe(200)
    expect(decodeWire(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('serves the chosen language too (kept for the session), refusing other languages', async () => {
    expect(await value('language.set', { language: 'ru' })).toEqual({ language: 'ru' })
    expect(await value('language.get', {})).toEqual({ language: 'ru' })
    expect(decodeWire((await api('language.set', { language: 'de' })).body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await value('language.set', { language: null })).toEqual({ language: null })
  })
})

describe('bytes and events', () => {
  it('loads a sheet from bytes, streams the events of a run, and sends export bytes back', async () => {
    expect((await listen('wrong')).status).toBe(403)
    const stream = await listen(host.token)
    expect(stream.status).toBe(200)

    const summary = await value<{ sessionId: string; counts: { validOrders: number }; headers: string[] }>('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(summary.counts.validOrders).toBe(29)
    await waitFor('job events', () => (stream.events.some((e) => e.name === 'job.progress') ? true : undefined))

    await value('rows.exclude', { sessionId: summary.sessionId, rows: Array.from({ length: 26 }, (_, i) => i + 6), excluded: true })
    const { runId } = await value<{ runId: number }>('run.start', { sessionId: summary.sessionId, rate: 100, concurrency: 2 })
    await waitFor('the run to finish', () => (stream.events.some((e) => e.name === 'run.log' && (e.payload as { kind: string }).kind === 'finished') ? true : undefined))
    expect(stream.events.filter((e) => e.name === 'run.log' && (e.payload as { kind: string }).kind === 'created')).toHaveLength(3)
    expect(stream.events.some((e) => e.name === 'run.progress' && (e.payload as { runId: number }).runId === runId)).toBe(true)

    const exported = await value<{ name: string; bytes: Uint8Array }>('runs.export', { runId, format: 'csv', only: 'succeeded' })
    expect(exported.bytes).toBeInstanceOf(Uint8Array)
    expect([...exported.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(exported.bytes).trim().split('\r\n')).toHaveLength(4)
    stream.close()
  })

  it('ends open event streams when it closes', async () => {
    const other = await startWebHost({ service: app.service, rendererDir: join(app.dir, 'renderer') })
    const otherPort = port
    port = Number(new URL(other.url).port)
    const stream = await listen(other.token)
    expect(stream.status).toBe(200)
    await other.close()
    port = otherPort
    await stream.ended
    await expect(fetch(other.url)).rejects.toThrow()
  })
})
