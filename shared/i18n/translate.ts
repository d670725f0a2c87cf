// A translator for code that is not React: the CLI and the engine. One i18next instance per
// language, set up synchronously from the bundled catalogs (nothing is loaded at run time).
import { createInstance, type i18n } from 'i18next'
import { CATALOGS, type CatalogKey } from './catalog/index'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language'

export type TranslateOptions = Readonly<Record<string, unknown>>
export type Translate = (key: CatalogKey, options?: TranslateOptions) => string

/** The options every instance shares: flat keys (dots and colons are part of a key), no HTML
 * escaping (React and terminals escape for themselves). */
export const I18NEXT_OPTIONS = {
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false
} as const

export function resourcesOf(catalogs = CATALOGS): Record<string, { translation: Record<string, string> }> {
  return Object.fromEntries(Object.entries(catalogs).map(([language, catalog]) => [language, { translation: { ...catalog } }]))
}

export function createI18nInstance(language: Language, catalogs = CATALOGS): i18n {
  const instance = createInstance()
  void instance.init({ ...I18NEXT_OPTIONS, lng: language, resources: resourcesOf(catalogs) })
  return instance
}

const translators = new Map<Language, Translate>()

export function translatorFor(language: Language): Translate {
  let translate = translators.get(language)
  if (!translate) {
    const instance = createI18nInstance(language)
    translate = (key, options) => instance.t(key, options as Record<string, unknown>) as string
    translators.set(language, translate)
  }
  return translate
}
