// The bridge between the sandboxed renderer and main, exposed as window.orderbatch: invoke(channel,
// input) for the contract's channels and on(event, listener) for its events, nothing else (no raw
// ipcRenderer). A sandboxed preload is one CommonJS file that may load only 'electron', so the
// allow-lists are written out here; the Record types make the compiler check them against the
// contract (a missing or unknown name does not compile).
import { contextBridge, ipcRenderer } from 'electron'
import type { Channel, EventName, EventPayloads, IpcResult, OrderbatchApi } from '#shared/ipc/contract'

const CHANNELS: Record<Channel, true> = {
  'app.info': true,
  'appearance.get': true,
  'appearance.set': true,
  'language.get': true,
  'language.set': true,
  'connection.get': true,
  'connection.set': true,
  'connection.useSandbox': true,
  'connection.test': true,
  'sheet.load': true,
  'sheet.reload': true,
  'sheet.close': true,
  'mapping.set': true,
  'mapping.previewOrder': true,
  'templates.list': true,
  'catalog.get': true,
  'catalog.continueWithout': true,
  'products.list': true,
  'products.choose': true,
  'templates.save': true,
  'rows.page': true,
  'rows.edit': true,
  'rows.exclude': true,
  'run.start': true,
  'run.notice': true,
  'run.pause': true,
  'run.resume': true,
  'run.cancel': true,
  'runs.list': true,
  'runs.orders': true,
  'runs.resolve': true,
  'runs.editFailed': true,
  'runs.retryFailed': true,
  'runs.retryStatus': true,
  'runs.export': true,
  'runs.undo': true
}

const EVENTS: Record<EventName, true> = {
  'run.progress': true,
  'run.log': true,
  'job.progress': true,
  'app.openFile': true
}

const has = (list: object, name: unknown): boolean => typeof name === 'string' && Object.prototype.hasOwnProperty.call(list, name)

type Listener = (payload: unknown) => void
const listeners = new Map<string, Set<Listener>>()

ipcRenderer.on('ob:event', (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload)
    } catch (error) {
      console.error(`Orderbatch: a listener for ${name} failed:`, error)
    }
  }
})

const bridge: OrderbatchApi = {
  invoke(channel, input) {
    if (!has(CHANNELS, channel)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-channel', message: `"${String(channel)}" is not something Orderbatch can do.` } })
    }
    return (ipcRenderer.invoke(`ob:${channel}`, input) as Promise<IpcResult<never>>).catch(() => ({
      ok: false as const,
      error: { code: 'internal', message: 'Orderbatch did not answer. Restart the app if this keeps happening.' }
    }))
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    if (!has(EVENTS, event)) throw new Error(`"${String(event)}" is not an Orderbatch event.`)
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    const wrapped: Listener = (payload) => listener(payload as EventPayloads[E])
    set.add(wrapped)
    return () => {
      set.delete(wrapped)
    }
  }
}

contextBridge.exposeInMainWorld('orderbatch', bridge)
