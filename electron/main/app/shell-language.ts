// The desktop shell's language for this app: the chosen one, else the system's preferred languages
// as Electron reports them (the rule lives in ../desktop/shell-language.ts).
import { app } from 'electron'
import { createShellLanguage } from '../desktop/shell-language'
import type { Translate } from '#shared/i18n/translate'

function systemTags(): string[] {
  const tags = typeof app.getPreferredSystemLanguages === 'function' ? app.getPreferredSystemLanguages() : []
  // Before the app is ready there is no locale yet: '' names no language, so English.
  return tags.length > 0 ? tags : [app.getLocale()]
}

export const shellLanguage = createShellLanguage(systemTags)

/** The shell's words now: dialogs call it when they open, so they follow a later switch. */
export function shellT(): Translate {
  return shellLanguage.t()
}
