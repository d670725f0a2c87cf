// The one door to main. Screens read the api from context instead of importing the bridge, so the
// entry point wires the real bridge and tests wire a fake built from the same contract types.
import { createContext, useContext, type ReactNode } from 'react'
import type { OrderbatchApi } from '#shared/ipc/contract'

const ApiContext = createContext<OrderbatchApi | null>(null)

export function ApiProvider({ api, children }: { api: OrderbatchApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useApi(): OrderbatchApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.')
  return api
}
