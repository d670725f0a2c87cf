// The IPC adapter: one ipcMain.handle per contract channel ('ob:<channel>'), each refusing
// untrusted senders and validating its input through the same door as the browser host; events
// go to the app's windows as ('ob:event', name, payload).
import type { IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES, type IpcResult } from '#shared/ipc/contract'
import { errorResult } from '#shared/ipc/wire'
import { msg } from '#shared/i18n/message'
import { callChannel } from '../service/dispatch'
import type { AppService } from '../service/types'

export const CHANNEL_PREFIX = 'ob:'
export const EVENT_CHANNEL = 'ob:event'

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void
  isDestroyed(): boolean
}

/** Returns a function that removes every handler and stops forwarding events. */
export function registerIpc(
  ipcMain: IpcMainLike,
  service: AppService,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  targets: () => EventTargetLike[] = () => []
): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(`${CHANNEL_PREFIX}${channel}`, async (event, input): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event)) return errorResult('forbidden', msg('web.notOurPage'))
      return callChannel(service.handlers, channel, input)
    })
  }
  const off = service.onEvent((name, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    off()
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(`${CHANNEL_PREFIX}${channel}`)
  }
}
