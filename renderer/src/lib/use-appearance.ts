// The appearance setting applied to the page: data-theme="light|dark" on <html>, from the saved
// setting, or from the system's (the browser's) preference when it says "system", following that
// preference live as it changes.
import { useCallback, useEffect, useState } from 'react'
import { DEFAULT_APPEARANCE, effectiveTheme, type Appearance } from '#shared/ipc/appearance'
import { useApi } from './api-context'
import { translateNow } from './i18n'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
}

export function applyTheme(appearance: Appearance): void {
  const root = document.documentElement
  root.dataset['theme'] = effectiveTheme(appearance, systemPrefersDark())
  root.dataset['appearance'] = appearance
}

export function useAppearance(): { appearance: Appearance; setAppearance: (next: Appearance) => void; error: string | null } {
  const api = useApi()
  const [appearance, setLocal] = useState<Appearance>(DEFAULT_APPEARANCE)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api.invoke('appearance.get', {}).then(
      (result) => {
        if (live && result.ok) setLocal(result.value.appearance)
      },
      () => undefined
    )
    return () => {
      live = false
    }
  }, [api])

  useEffect(() => {
    applyTheme(appearance)
    if (appearance !== 'system' || typeof window.matchMedia !== 'function') return
    const query = window.matchMedia(DARK_QUERY)
    const follow = () => applyTheme('system')
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [appearance])

  const setAppearance = useCallback(
    (next: Appearance) => {
      setLocal(next)
      api.invoke('appearance.set', { appearance: next }).then(
        (result) => setError(result.ok ? null : result.error.message),
        () => setError(translateNow('error.appearanceNotSaved'))
      )
    },
    [api]
  )
  return { appearance, setAppearance, error }
}
