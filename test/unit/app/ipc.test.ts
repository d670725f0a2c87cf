// The IPC adapter with a fake ipcMain and fake events: one handler per channel, untrusted senders
// refused before anything runs, input validated at the door, events forwarded to live windows.
import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, type EventName, type EventPayloads } from '#shared/ipc/contract'
import { registerIpc, type EventTargetLike, type IpcMainLike } from '../../../electron/main/app/ipc'
import { trustedSenderCheck } from '../../../electron/main/app/trusted-sender'
import type { AppService, EventListener, ServiceHandlers } from '../../../electron/main/service/types'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => {
      handlers.delete(channel)
    }
  }
}

function fakeService(): AppService & { calls: Array<{ channel: string; input: unknown }>; emit: EventListener } {
  const calls: Array<{ channel: string; input: unknown }> = []
  const listeners = new Set<EventListener>()
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input })
        if (channel === 'app.info') return { version: '1.2.3', host: 'electron', journalPath: '/j' }
        throw new Error('boom at /home/user/secret/path')
      }
    ])
  ) as unknown as ServiceHandlers
  return {
    calls,
    handlers,
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit: <E extends EventName>(name: E, payload: EventPayloads[E]) => {
      for (const listener of listeners) listener(name, payload)
    },
    sendingRuns: () => [],
    onSendingChange: () => () => undefined,
    dispose: async () => undefined
  }
}

const INDEX = '/opt/Orderbatch/resources/app.asar/out/renderer/index.html'
const trusted = trustedSenderCheck({ indexPath: INDEX })
const appFrame = { senderFrame: { url: `file://${INDEX}`, parent: null } } as unknown as IpcMainInvokeEvent
const strangerFrame = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent

describe('registerIpc', () => {
  it('registers exactly one ob:<channel> handler per contract channel', () => {
    const ipcMain = fakeIpcMain()
    registerIpc(ipcMain, fakeService(), trusted)
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `ob:${c}`).sort())
  })

  it('answers the app page, and refuses any other sender without calling the service', async () => {
    const ipcMain = fakeIpcMain()
    const service = fakeService()
    registerIpc(ipcMain, service, trusted)
    const handler = ipcMain.handlers.get('ob:app.info')!
    expect(await handler(appFrame, {})).toEqual({ ok: true, value: { version: '1.2.3', host: 'electron', journalPath: '/j' } })
    expect(await handler(strangerFrame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const iframe = { senderFrame: { url: `file://${INDEX}`, parent: {} } } as unknown as IpcMainInvokeEvent
    expect(await handler(iframe, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(service.calls).toHaveLength(1)
  })

  it('validates input at the door and turns failures into one plain sentence', async () => {
    const ipcMain = fakeIpcMain()
    const service = fakeService()
    registerIpc(ipcMain, service, trusted)
    const bad = await ipcMain.handlers.get('ob:rows.page')!(appFrame, { sessionId: 's', offset: 0, limit: 0, filter: 'all' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('"limit"') } })
    expect(service.calls).toHaveLength(0)
    const failed = (await ipcMain.handlers.get('ob:runs.list')!(appFrame, {})) as { ok: false; error: { code: string; message: string } }
    expect(failed.error.code).toBe('internal')
    expect(failed.error.message).toMatch(/^Orderbatch could not list the runs/)
    expect(failed.error.message).not.toContain('/home/user')
  })

  it('forwards events to live windows only, and stops when unregistered', () => {
    const ipcMain = fakeIpcMain()
    const service = fakeService()
    const sent: unknown[][] = []
    const live: EventTargetLike = { send: (...args) => sent.push(args), isDestroyed: () => false }
    const gone: EventTargetLike = { send: () => { throw new Error('destroyed') }, isDestroyed: () => true }
    const unregister = registerIpc(ipcMain, service, trusted, () => [live, gone])
    const payload = { jobId: 'j', stage: 'reading' as const, done: 0, total: null, finished: false }
    service.emit('job.progress', payload)
    expect(sent).toEqual([['ob:event', 'job.progress', payload]])
    unregister()
    service.emit('job.progress', payload)
    expect(sent).toHaveLength(1)
    expect(ipcMain.handlers.size).toBe(0)
  })
})
