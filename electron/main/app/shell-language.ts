// The language of the desktop shell (the application menu and the native dialogs): the system's,
// Russian when the system prefers Russian, else English, as the window starts out. The in-app
// language switch changes the window's content; the shell keeps the system's language.
import { app } from 'electron'
import { pickLanguage } from '#shared/i18n/language'
import { translatorFor, type Translate } from '#shared/i18n/translate'

export function shellT(): Translate {
  let tags: string[] = []
  try {
    tags = typeof app.getPreferredSystemLanguages === 'function' ? app.getPreferredSystemLanguages() : []
    if (tags.length === 0) tags = [app.getLocale()]
  } catch {
    // Before the app is ready there is no locale yet: English.
  }
  return translatorFor(pickLanguage(tags))
}
