// The renderer's single way to main. In the desktop app the preload exposes window.orderbatch
// (Electron IPC); in a browser served by the browser host, the same API goes over HTTP: POST
// /api/<channel> with the access token, events from /events (Server-Sent Events).
import type { Channel, ChannelInput, ChannelOutputs, EventName, EventPayloads, IpcResult, OrderbatchApi } from '#shared/ipc/contract'
import { decodeWire, encodeWire, errorResult, isIpcResult } from '#shared/ipc/wire'
import { translateNow } from './i18n'

declare global {
  interface Window {
    orderbatch?: OrderbatchApi
  }
}

const TOKEN_KEY = 'orderbatch-token'
const TOKEN_HEADER = 'X-Orderbatch-Token'

/** The token arrives once in the address (#token=...); it is kept for this tab only and removed
 * from the address bar, so it does not end up in history, bookmarks or screenshots. */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash)
  if (match?.[1]) {
    const token = decodeURIComponent(match[1])
    storage.setItem(TOKEN_KEY, token)
    history.replaceState(history.state, '', `${location.pathname}${location.search}`)
    return token
  }
  return storage.getItem(TOKEN_KEY)
}

type Listener = (payload: unknown) => void

/** The browser's own base64 (btoa/atob) is many times faster than a JavaScript loop on a big file. */
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function createHttpApi(options: { token: string | null; base?: string; fetch?: typeof fetch; EventSource?: typeof EventSource }): OrderbatchApi {
  const base = options.base ?? ''
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const Source = options.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource)
  const listeners = new Map<EventName, Set<Listener>>()
  let source: EventSource | null = null

  const noToken = (): IpcResult<never> =>
    errorResult('forbidden', translateNow('error.noToken'))

  const openEvents = (): void => {
    if (source || !Source || !options.token) return
    source = new Source(`${base}/events?token=${encodeURIComponent(options.token)}`)
    source.onmessage = (message: MessageEvent<string>) => {
      let event: unknown
      try {
        event = decodeWire(message.data, fromBase64)
      } catch {
        return
      }
      if (typeof event !== 'object' || event === null) return
      const { name, payload } = event as { name?: EventName; payload?: unknown }
      if (name === undefined) return
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload)
    }
  }

  const closeEventsWhenUnused = (): void => {
    if ([...listeners.values()].some((set) => set.size > 0)) return
    source?.close()
    source = null
  }

  return {
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutputs[C]>> {
      if (!options.token) return noToken()
      let response: Response
      try {
        response = await doFetch(`${base}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: options.token },
          body: encodeWire(input ?? {}, toBase64)
        })
      } catch {
        return errorResult('offline', translateNow('error.offline'))
      }
      let answer: unknown
      try {
        answer = decodeWire(await response.text(), fromBase64)
      } catch {
        answer = null
      }
      if (isIpcResult(answer)) return answer as IpcResult<ChannelOutputs[C]>
      return errorResult('internal', translateNow('error.unreadableAnswer', { channel, status: response.status }))
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      const wrapped: Listener = (payload) => listener(payload as EventPayloads[E])
      set.add(wrapped)
      openEvents()
      return () => {
        set.delete(wrapped)
        closeEventsWhenUnused()
      }
    }
  }
}

function pickApi(): OrderbatchApi {
  if (typeof window !== 'undefined' && window.orderbatch) return window.orderbatch
  if (typeof window === 'undefined') return createHttpApi({ token: null })
  return createHttpApi({ token: takeToken(window.location, window.history, window.sessionStorage) })
}

export const api: OrderbatchApi = pickApi()
