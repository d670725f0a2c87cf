// One POST on one fresh connection, with Node's own http/https (never Chromium's stack, which
// resends POSTs on reused connections). What matters about a failure is its phase: before the
// connection was up no byte of the request can have left, so the call was not sent; after
// that, the server may have acted on it, so the outcome is unknown.
import http from 'node:http'
import https from 'node:https'
import type { ClientRequest, IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { connectErrorMessage, isTlsFailure, sentErrorMessage } from './network-errors'
import { englishOf, msg, type Message } from '#shared/i18n/message'

export interface PostRequest {
  url: URL
  body: string
  /** What is being called, for messages ("CreateOrder"). */
  what: string
  connectTimeoutMs: number
  headersTimeoutMs: number
  bodyTimeoutMs: number
  maxBodyBytes: number
  /** Called once, when the whole request has been handed to the network. */
  onFlushed?: () => void
  /** Extra trust anchors (PEM), for tests against a local HTTPS server. Verification stays on. */
  ca?: string
}

export type PostResult =
  | { kind: 'response'; status: number; location: string | null; body: string }
  /** tls: the certificate or the TLS set-up failed (a configuration problem, not retried). */
  | { kind: 'not-sent'; reason: string; tls?: true; reasonMessage?: Message }
  | { kind: 'unknown'; reason: string; httpStatus?: number; raw?: string; reasonMessage?: Message }

export function postOnce(request: PostRequest): Promise<PostResult> {
  return new Promise<PostResult>((resolve) => new PostExchange(request, resolve).start())
}

class PostExchange {
  private readonly host: string
  private readonly timers = new Set<NodeJS.Timeout>()
  private req: ClientRequest | null = null
  private connected = false
  private flushed = false
  private finished = false

  constructor(
    private readonly request: PostRequest,
    private readonly resolve: (result: PostResult) => void
  ) {
    this.host = request.url.host
  }

  start(): void {
    const { url, body } = this.request
    const transport = url.protocol === 'https:' ? https : http
    const req = transport.request(url, {
      method: 'POST',
      // A fresh connection per call: no keep-alive race, and no POST is ever sent twice.
      agent: false,
      // Explicit, so NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment cannot turn it off.
      rejectUnauthorized: true,
      ...(this.request.ca === undefined ? {} : { ca: this.request.ca }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        Accept: 'application/json',
        'User-Agent': 'Orderbatch'
      }
    })
    this.req = req
    req.on('socket', (socket: Socket) => {
      // Over TLS the request is written only after the handshake, so that is the boundary.
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => this.onConnected())
    })
    req.on('error', (error: NodeJS.ErrnoException) => this.onError(error))
    req.on('response', (res) => this.onResponse(res))
    this.after(this.request.connectTimeoutMs, () => {
      if (this.connected) return
      const reasonMessage = msg('net.connectTimeout', { host: this.host, duration: duration(this.request.connectTimeoutMs), what: this.request.what })
      this.finish({ kind: 'not-sent', reason: englishOf(reasonMessage), reasonMessage })
    })
    req.end(body, () => this.onFlushed())
  }

  private onConnected(): void {
    if (this.connected || this.finished) return
    this.connected = true
    const ms = this.request.headersTimeoutMs
    this.after(ms, () =>
      this.unknown(msg('net.noAnswer', { what: this.request.what, host: this.host, duration: duration(ms) }))
    )
  }

  private onFlushed(): void {
    if (this.flushed || this.finished) return
    // Bytes went out, so the connection was up, whatever events we saw.
    this.onConnected()
    this.flushed = true
    try {
      this.request.onFlushed?.()
    } catch {
      this.unknown(msg('net.stoppedWaiting', { what: this.request.what, host: this.host }))
    }
  }

  private onError(error: NodeJS.ErrnoException): void {
    if (!this.connected) {
      const reasonMessage = connectErrorMessage(error, this.host, this.request.what)
      const reason = englishOf(reasonMessage)
      this.finish(isTlsFailure(error) ? { kind: 'not-sent', reason, tls: true, reasonMessage } : { kind: 'not-sent', reason, reasonMessage })
    }
    else this.unknown(sentErrorMessage(error, this.host, this.request.what))
  }

  private onResponse(res: IncomingMessage): void {
    // An answer implies the request was written; this keeps afterWrite before afterAnswer.
    this.onFlushed()
    if (this.finished) {
      res.destroy()
      return
    }
    this.clearTimers()
    this.readBody(res)
  }

  private readBody(res: IncomingMessage): void {
    const { what, bodyTimeoutMs, maxBodyBytes } = this.request
    const status = res.statusCode ?? 0
    const chunks: Buffer[] = []
    let size = 0
    let ended = false
    const partial = (): string => Buffer.concat(chunks).toString('utf8')
    const cutOff = (): void =>
      this.unknown(msg('net.cutOff', { what, host: this.host, size }), status, partial())

    this.after(bodyTimeoutMs, () =>
      this.unknown(msg('net.bodyTimeout', { what, host: this.host, duration: duration(bodyTimeoutMs) }), status, partial())
    )
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBodyBytes) chunks.push(chunk)
      else this.unknown(msg('net.tooLarge', { what, host: this.host }), status)
    })
    res.on('end', () => {
      ended = true
      if (!res.complete) cutOff()
      else this.finish({ kind: 'response', status, location: firstHeader(res.headers.location), body: partial() })
    })
    res.on('error', cutOff)
    res.on('close', () => {
      if (!ended) cutOff()
    })
  }

  private unknown(reasonMessage: Message, httpStatus?: number, raw?: string): void {
    this.finish({
      kind: 'unknown',
      reason: englishOf(reasonMessage),
      reasonMessage,
      ...(httpStatus === undefined ? {} : { httpStatus }),
      ...(raw === undefined ? {} : { raw })
    })
  }

  private finish(result: PostResult): void {
    if (this.finished) return
    this.finished = true
    this.clearTimers()
    // Destroying frees the socket at once: a timed-out call is over only when its connection is.
    if (result.kind !== 'response') this.req?.destroy()
    this.resolve(result)
  }

  private after(ms: number, onTimeout: () => void): void {
    this.timers.add(setTimeout(onTimeout, ms))
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

function firstHeader(value: string | string[] | undefined): string | null {
  if (value === undefined) return null
  return Array.isArray(value) ? (value[0] ?? null) : value
}

function duration(ms: number): Message {
  if (ms < 1000) return msg('net.ms', { value: ms })
  return msg('net.s', { value: ms % 1000 === 0 ? ms / 1000 : Math.round(ms / 100) / 10 })
}
