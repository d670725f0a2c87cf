// A tiny stand-in for the InfluencerSoft API, for the client's wire tests. Each request takes
// the next scripted behaviour; the server records what arrived, byte for byte. It signs its
// answers with node:crypto's md5, independently of the code under test.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export type Behaviour =
  /** A signed JSON answer, optionally with a wrong hash, after an optional delay. */
  | { kind: 'answer'; code: number | string; text: string; result?: unknown; status?: number; badHash?: boolean; noHash?: boolean; delayMs?: number }
  /** Read the whole request, then cut the connection without answering. */
  | { kind: 'drop-after-body' }
  /** Read the whole request and never answer. */
  | { kind: 'hang' }
  /** Send headers, part of the body, then cut the connection. */
  | { kind: 'truncated' }
  /** Send headers and part of the body, then go quiet. */
  | { kind: 'stall-body' }
  /** Any status and body as given. */
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }

export interface ReceivedRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
  /** Index of the TCP connection it came on (0-based, in accept order). */
  connection: number
}

export interface FakeApi {
  baseUrl: string
  requests: ReceivedRequest[]
  /** Queue behaviours for the next requests; when empty, answers 0 "ok" with a new bill_id. */
  script(...behaviours: Behaviour[]): void
  close(): Promise<void>
}

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex')
}

export async function startFakeApi(secret: string): Promise<FakeApi> {
  const queue: Behaviour[] = []
  const requests: ReceivedRequest[] = []
  const connectionIds = new WeakMap<net.Socket, number>()
  let connections = 0
  let nextBill = 1000

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection: connectionIds.get(req.socket) ?? -1
      })
      behave(queue.shift() ?? { kind: 'answer', code: 0, text: 'ok', result: { bill_id: nextBill++ } }, req, res, secret)
    })
  })
  server.on('connection', (socket: net.Socket) => connectionIds.set(socket, connections++))
  await listen(server)
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}/api/`,
    requests,
    script: (...behaviours) => queue.push(...behaviours),
    close: () => closeServer(server)
  }
}

function behave(behaviour: Behaviour, req: http.IncomingMessage, res: http.ServerResponse, secret: string): void {
  switch (behaviour.kind) {
    case 'answer': {
      const code = String(behaviour.code)
      const hash = behaviour.badHash === true ? md5('not the right key') : md5(`${code}::${behaviour.text}::${secret}`)
      const body: Record<string, unknown> = { error_code: behaviour.code, error_text: behaviour.text }
      if (behaviour.result !== undefined) body['result'] = behaviour.result
      if (behaviour.noHash !== true) body['hash'] = hash
      const send = (): void => {
        res.writeHead(behaviour.status ?? 200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (behaviour.delayMs === undefined) send()
      else setTimeout(send, behaviour.delayMs)
      return
    }
    case 'drop-after-body':
      req.socket.destroy()
      return
    case 'hang':
      return
    case 'truncated':
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      res.write('{"error_code":0,"error_text":"ok","res', () => setTimeout(() => req.socket.destroy(), 20))
      return
    case 'stall-body':
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      res.write('{"error_code":0,')
      return
    case 'raw':
      res.writeHead(behaviour.status, behaviour.headers ?? {})
      res.end(behaviour.body)
      return
  }
}

/** A port where nothing listens: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await listen(server)
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** The test-only self-signed certificate (for 127.0.0.1), PEM. */
export function testCertificate(): string {
  return fixture('self-signed-test-only.crt').toString('utf8')
}

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
}

/** An HTTPS server with the self-signed test certificate; it counts the requests that reach
 * it and answers each as `handle` says (by default `{}`). */
export async function startTls(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end('{}')
): Promise<{ baseUrl: string; requestCount: () => number; close: () => Promise<void> }> {
  let count = 0
  const server = https.createServer({ key: fixture('self-signed-test-only.key'), cert: fixture('self-signed-test-only.crt') }, (req, res) => {
    count++
    req.resume()
    req.on('end', () => handle(req, res))
  })
  await listen(server)
  const { port } = server.address() as AddressInfo
  return { baseUrl: `https://127.0.0.1:${port}/api/`, requestCount: () => count, close: () => closeServer(server) }
}

/** A TCP server that accepts connections and never speaks: TLS handshakes to it never finish. */
export async function startSilentTcp(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await listen(server)
  const { port } = server.address() as AddressInfo
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function listen(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
}

function closeServer(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
