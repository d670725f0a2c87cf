// Main is told the language chosen with the switch (null while the user follows the system): at
// start-up, with the choice remembered here, and at every switch after. The desktop app then
// speaks it in its menu and dialogs too; the browser host keeps it for the session. Not being
// told is no reason to bother the user: the window's language is right either way.
import { useEffect } from 'react'
import { useApi } from './api-context'
import { useLanguage } from './i18n'

export function useShellLanguage(): void {
  const api = useApi()
  const { chosen } = useLanguage()
  useEffect(() => {
    api.invoke('language.set', { language: chosen }).then(
      () => undefined,
      () => undefined
    )
  }, [api, chosen])
}
