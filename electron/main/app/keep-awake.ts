// While a run sends, the computer must not go to sleep in the middle of it: a request cut off by
// suspend becomes an unclear order that has to be checked in the shop.
import type { PowerSaveBlocker } from 'electron'
import type { AppService } from '../service/types'

export function keepAwakeWhileSending(service: Pick<AppService, 'onSendingChange'>, blocker: Pick<PowerSaveBlocker, 'start' | 'stop'>): () => void {
  let id: number | null = null
  const off = service.onSendingChange((runIds) => {
    if (runIds.length > 0 && id === null) id = blocker.start('prevent-app-suspension')
    else if (runIds.length === 0 && id !== null) {
      blocker.stop(id)
      id = null
    }
  })
  return () => {
    off()
    if (id !== null) blocker.stop(id)
    id = null
  }
}
