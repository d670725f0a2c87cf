// The one door to main. Screens read the api from context instead of importing the bridge, so the
// entry point wires the real bridge and tests wire a fake built from the same contract types.
// Main sends an error's sentence in English and, when it has them, its catalog key and values: the
// door words it in the language on screen, so every screen shows error.message as it is.
import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react'
import type { OrderbatchApi } from '#shared/ipc/contract'
import { ipcErrorText } from '#shared/ipc/wire'
import { useT, type Translate } from './i18n'

const ApiContext = createContext<OrderbatchApi | null>(null)

export function ApiProvider({ api, children }: { api: OrderbatchApi; children: ReactNode }) {
  const t = useT()
  // The latest translator, read at answer time: a language switch does not make a new api (which
  // would load every screen's data again).
  const current = useRef<Translate>(t)
  current.current = t
  const worded = useMemo(() => inUserLanguage(api, () => current.current), [api])
  return <ApiContext.Provider value={worded}>{children}</ApiContext.Provider>
}

export function useApi(): OrderbatchApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.')
  return api
}

/** The api with every error worded by the translator (from its key, else its English message). */
export function inUserLanguage(api: OrderbatchApi, translator: () => Translate): OrderbatchApi {
  return {
    invoke: async (channel, input) => {
      const result = await api.invoke(channel, input)
      if (result.ok || result.error.key === undefined) return result
      return { ok: false, error: { ...result.error, message: ipcErrorText(translator(), result.error) } }
    },
    on: (event, listener) => api.on(event, listener)
  }
}
