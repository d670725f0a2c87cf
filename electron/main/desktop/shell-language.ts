// The language of the desktop shell (the application menu, About and the native dialogs): the one
// chosen with the in-app switch, else the system's (Russian when the system prefers Russian, else
// English), as the window does. Plain Node, so the rule is tested without Electron; the app gives
// it the system's preferred languages and redraws the menu when the language changes.
import { pickLanguage, type Language } from '#shared/i18n/language'
import { translatorFor, type Translate } from '#shared/i18n/translate'
import type { AppService, ServiceHandlers } from '../service/types'

export interface ShellLanguage {
  /** The language the shell speaks now. */
  language(): Language
  t(): Translate
  /** The user's choice (null: follow the system). Listeners hear of it when the language the shell
   * speaks changes. */
  choose(language: Language | null): void
  chosen(): Language | null
  onChange(listener: (language: Language) => void): () => void
}

/** `systemTags`: the system's preferred language tags, asked each time (none before the app is
 * ready, or when asking fails: English). */
export function createShellLanguage(systemTags: () => readonly string[]): ShellLanguage {
  let chosen: Language | null = null
  const listeners = new Set<(language: Language) => void>()
  const system = (): Language => {
    try {
      return pickLanguage(systemTags())
    } catch {
      return pickLanguage([])
    }
  }
  const language = (): Language => chosen ?? system()
  return {
    language,
    t: () => translatorFor(language()),
    choose(next) {
      const before = language()
      chosen = next
      const after = language()
      if (after === before) return
      for (const listener of [...listeners]) listener(after)
    },
    chosen: () => chosen,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** The shell takes the choice main remembers now (the first menu is already right) and every
 * choice the renderer sends after. */
export async function followChosenLanguage(service: { handlers: Pick<ServiceHandlers, 'language.get'> } & Pick<AppService, 'onLanguageChange'>, shell: ShellLanguage): Promise<() => void> {
  shell.choose((await service.handlers['language.get']({})).language)
  return service.onLanguageChange?.((language) => shell.choose(language)) ?? (() => undefined)
}
