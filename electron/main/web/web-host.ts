// The browser host: the same app service the Electron window uses, served to the built renderer
// in an ordinary browser over loopback HTTP. POST /api/<channel> carries one request (JSON, bytes
// as base64), GET /events streams events (Server-Sent Events). Loopback only, one random token per
// start, Host and Origin checked, bodies capped.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { msg } from '#shared/i18n/message'
import { decodeWire, encodeWire, errorResult } from '#shared/ipc/wire'
import { callChannel, isChannel } from '../service/dispatch'
import type { AppService } from '../service/types'
import { refuseOrigin, tokenMatches } from './guard'
import { SECURITY_HEADERS, serveStatic } from './static-files'

export const TOKEN_HEADER = 'x-orderbatch-token'
/** A 200 MB sheet (the reader's limit) is about 267 MB as base64 in JSON. */
export const MAX_BODY_BYTES = 280 * 1024 * 1024
const HEARTBEAT_MS = 15_000

export interface WebHostOptions {
  service: AppService
  /** 0 or absent: a free port. */
  port?: number
  /** The built renderer, e.g. out/renderer. */
  rendererDir: string
}

export interface WebHost {
  /** http://127.0.0.1:PORT/ */
  url: string
  token: string
  close(): Promise<void>
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url')
  const streams = new Set<ServerResponse>()
  let port = 0

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refused = refuseOrigin(req, port)
    if (refused) return sendJson(res, 403, errorResult('forbidden', refused))
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length))
    if (url.pathname === '/events') return handleEvents(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorResult('method', 'Only GET is served here.'))
    return serveStatic(options.rendererDir, url.pathname, res, req.method === 'HEAD')
  }

  const handleApi = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') return sendJson(res, 405, errorResult('method', 'API requests are POST only.'))
    if (!tokenMatches(header(req, TOKEN_HEADER), token)) {
      return sendJson(res, 403, errorResult('forbidden', msg('web.badTokenOpen')))
    }
    if (!isChannel(channel)) return sendJson(res, 404, errorResult('invalid-channel', msg('web.invalidChannel', { channel: channel.slice(0, 60) })))
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, errorResult('invalid-input', 'Requests must be JSON (Content-Type: application/json).'))
    }
    const body = await readBody(req, res)
    if (body === null) return
    let input: unknown
    try {
      input = decodeWire(body, (text) => plainBytes(Buffer.from(text, 'base64')))
    } catch {
      return sendJson(res, 400, errorResult('invalid-input', msg('web.notJson', { channel })))
    }
    sendJson(res, 200, await callChannel(options.service.handlers, channel, input))
  }

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.method !== 'GET') return sendJson(res, 405, errorResult('method', msg('web.eventsGet')))
    if (!tokenMatches(url.searchParams.get('token'), token)) return sendJson(res, 403, errorResult('forbidden', msg('web.badToken')))
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write('retry: 2000\n\n')
    streams.add(res)
    // One line per event: JSON text has no raw line breaks, so it fits one "data:" field.
    const off = options.service.onEvent((name, payload) => {
      res.write(`data: ${encodeWire({ name, payload }, base64)}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS)
    const stop = (): void => {
      off()
      clearInterval(heartbeat)
      streams.delete(res)
    }
    req.on('close', stop)
    res.on('close', stop)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Orderbatch browser host: a request failed:', error)
      if (!res.headersSent) sendJson(res, 500, errorResult('internal', msg('web.internal')))
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const stream of streams) stream.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    }
  }
}

/** The whole body as text, or null after answering 413 when it is too large. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (declared > MAX_BODY_BYTES) {
    tooLarge(req, res)
    return null
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const bytes = chunk as Buffer
    size += bytes.length
    if (size > MAX_BODY_BYTES) {
      tooLarge(req, res)
      return null
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close')
  sendJson(res, 413, errorResult('too-large', msg('web.tooLarge', { size: Math.round(MAX_BODY_BYTES / 1024 / 1024), files: 200 })))
  // Stop reading the rest of a huge upload once the answer is out.
  res.on('finish', () => req.destroy())
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = encodeWire(value, base64)
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

function plainBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
