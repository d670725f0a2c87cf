// Subscribes to one event from main for as long as the component lives.
import { useEffect, useRef } from 'react'
import type { EventName, EventPayloads } from '#shared/ipc/contract'
import { useApi } from './api-context'

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const api = useApi()
  // The latest listener is read through a ref so a re-render does not resubscribe.
  const current = useRef(listener)
  current.current = listener
  useEffect(() => api.on(event, (payload) => current.current(payload)), [api, event])
}
