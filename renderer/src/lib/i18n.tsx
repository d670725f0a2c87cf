// The app's language: the system's (Electron) or the browser's, Russian if it is Russian and
// English otherwise, until the user picks one with the switch in the header, which is remembered.
// Components read words with useT(), numbers and dates with useFormats().
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import type { i18n } from 'i18next'
import { CATALOGS, type Catalog } from '#shared/i18n/catalog/index'
import { formatsFor, type Formats } from '#shared/i18n/format'
import { PSEUDO_STORAGE_KEY, pseudoCatalog } from '#shared/i18n/pseudo'
import { languageOf, pickLanguage, type Language } from '#shared/i18n/language'
import { createI18nInstance, translatorFor, type Translate } from '#shared/i18n/translate'

export const LANGUAGE_KEY = 'orderbatch-language'
/** Set to "1" in localStorage to see every text of the app wrapped and 40% longer (layout checks). */
export const PSEUDO_KEY = PSEUDO_STORAGE_KEY

function storedCatalogs(): Record<Language, Catalog> | undefined {
  if (storage()?.getItem(PSEUDO_KEY) !== '1') return undefined
  return { en: pseudoCatalog(CATALOGS.en), ru: pseudoCatalog(CATALOGS.ru) }
}

export type { Language, Translate }

/** The language of the system (Electron passes the app locale) or the browser. */
export function systemLanguage(nav: Pick<Navigator, 'language' | 'languages'> | undefined = typeof navigator === 'undefined' ? undefined : navigator): Language {
  if (!nav) return 'en'
  return pickLanguage(nav.languages && nav.languages.length > 0 ? nav.languages : [nav.language])
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The language the user chose before with the switch, or null when they never did. */
export function storedLanguage(): Language | null {
  return languageOf(storage()?.getItem(LANGUAGE_KEY))
}

/** The language the user chose before, else the system's. */
export function initialLanguage(): Language {
  return storedLanguage() ?? systemLanguage()
}

/** An i18next instance for React, with the bundled catalogs (or others: the pseudo-locale). */
export function createI18n(language: Language, catalogs: Record<Language, Catalog> = CATALOGS): i18n {
  const instance = createI18nInstance(language, catalogs)
  instance.options.react = { ...instance.options.react, useSuspense: false }
  return instance
}

// Code outside React (the HTTP bridge) words its failures in the language on screen.
let active: Translate = translatorFor('en')

/** A translation in the language on screen, for code outside components. */
export function translateNow(...args: Parameters<Translate>): string {
  return active(...args)
}

interface LanguageContextValue {
  language: Language
  /** The user's choice with the switch (remembered), null while they follow the system. */
  chosen: Language | null
  setLanguage: (language: Language) => void
  formats: Formats
}

const LanguageContext = createContext<LanguageContextValue | null>(null)

interface LanguageProviderProps {
  children: ReactNode
  /** The starting language; initialLanguage() when not given. */
  language?: Language
  /** Other catalogs than the bundled ones (the pseudo-locale of the component tests). */
  catalogs?: Record<Language, Catalog>
  /** Time zone for dates and times; the system's when not given (tests fix it). */
  timeZone?: string
}

export function LanguageProvider({ children, language: start, catalogs, timeZone }: LanguageProviderProps) {
  const [language, setState] = useState<Language>(() => start ?? initialLanguage())
  const [chosen, setChosen] = useState<Language | null>(storedLanguage)
  const instance = useMemo(() => createI18n(language, catalogs ?? storedCatalogs()), [catalogs])

  useEffect(() => {
    if (instance.language !== language) void instance.changeLanguage(language)
    active = (key, options) => instance.t(key, { ...options, lng: language }) as string
    if (typeof document !== 'undefined') document.documentElement.lang = language
  }, [instance, language])

  const setLanguage = useCallback((next: Language) => {
    storage()?.setItem(LANGUAGE_KEY, next)
    void instance.changeLanguage(next)
    setState(next)
    setChosen(next)
  }, [instance])

  const value = useMemo(() => ({ language, chosen, setLanguage, formats: formatsFor(language, timeZone ? { timeZone } : {}) }), [language, chosen, setLanguage, timeZone])
  return (
    <I18nextProvider i18n={instance}>
      <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>
    </I18nextProvider>
  )
}

function useLanguageContext(): LanguageContextValue {
  const value = useContext(LanguageContext)
  if (!value) throw new Error('useLanguage() needs a <LanguageProvider> above it.')
  return value
}

export function useLanguage(): { language: Language; chosen: Language | null; setLanguage: (language: Language) => void } {
  const { language, chosen, setLanguage } = useLanguageContext()
  return { language, chosen, setLanguage }
}

export function useFormats(): Formats {
  return useLanguageContext().formats
}

/** The catalog's words in the language on screen; keys are checked against the catalog. */
export function useT(): Translate {
  const { t } = useTranslation()
  const { language } = useLanguageContext()
  return useCallback<Translate>((key, options) => t(key, { ...options, lng: language }) as string, [t, language])
}
