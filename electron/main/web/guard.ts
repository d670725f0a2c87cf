// Who may talk to the browser host. It listens on 127.0.0.1 only, but a web page in the same
// browser can still send requests to it: the Host check stops DNS rebinding (evil.example
// resolving to 127.0.0.1), the Origin check stops other sites, and the per-start token (which only
// the printed address carries) stops everything else, including other local users' processes.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { msg, type Message } from '#shared/i18n/message'

export interface GuardConfig {
  port: number
  token: string
}

export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([...loopbackHosts(port)].map((host) => `http://${host}`))
}

/** null when the request may go on, else why it may not (for a 403). */
export function refuseOrigin(req: IncomingMessage, port: number): Message | null {
  const host = (req.headers.host ?? '').toLowerCase()
  if (!loopbackHosts(port).has(host)) return msg('web.onlyLoopback')
  const origin = req.headers.origin
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) return msg('web.otherSite')
  return null
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(token, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
