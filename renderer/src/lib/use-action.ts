// Calls one channel and turns the answer into a value or a sentence for the user. Main already
// words its errors; a rejected promise means the bridge itself broke, which gets a generic sentence
// so no stack trace ever reaches the screen.
import { useCallback, useRef, useState } from 'react'
import type { Channel, ChannelInput, ChannelOutputs } from '#shared/ipc/contract'
import { useApi } from './api-context'
import { useT } from './i18n'

export interface Action {
  /** The answer, or undefined when the call failed (the error is then in `error`). */
  run: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutputs[C] | undefined>
  busy: boolean
  error: string | null
  setError: (message: string | null) => void
}

export function useAction(): Action {
  const api = useApi()
  const t = useT()
  const [pending, setPending] = useState(0)
  const [error, setError] = useState<string | null>(null)
  // Only the latest call's failure is shown; an older one finishing late must not hide it.
  const latest = useRef(0)

  const run = useCallback(
    async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutputs[C] | undefined> => {
      const ticket = ++latest.current
      setPending((n) => n + 1)
      setError(null)
      try {
        const result = await api.invoke(channel, input)
        if (result.ok) return result.value
        if (ticket === latest.current) setError(result.error.message)
        return undefined
      } catch {
        if (ticket === latest.current) setError(t('error.bridge'))
        return undefined
      } finally {
        setPending((n) => n - 1)
      }
    },
    [api, t]
  )

  return { run, busy: pending > 0, error, setError }
}
