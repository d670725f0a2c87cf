// Which language Orderbatch speaks: Russian or English. The app follows the system (or browser)
// language and a switch the user can flip; the CLI follows --lang, then LC_ALL, LC_MESSAGES, LANG.

export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'en'

/** 'ru' for a Russian tag ('ru', 'ru-RU', 'ru_RU.UTF-8'), 'en' for an English one, else null. */
export function languageOf(tag: string | null | undefined): Language | null {
  if (!tag) return null
  const base = tag.trim().toLowerCase().split(/[-_.@]/)[0]
  return base === 'ru' ? 'ru' : base === 'en' ? 'en' : null
}

/** The first of the preferred tags that names a language Orderbatch has; English otherwise. */
export function pickLanguage(tags: ReadonlyArray<string | null | undefined>): Language {
  for (const tag of tags) {
    const language = languageOf(tag)
    if (language) return language
  }
  return DEFAULT_LANGUAGE
}

/** The locale-category variables in the order POSIX gives them precedence. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const

/** The language of a POSIX environment: the first set locale variable decides (C and POSIX mean English). */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name]?.trim()
    if (value) return languageOf(value) ?? DEFAULT_LANGUAGE
  }
  return DEFAULT_LANGUAGE
}

export interface CommandLineLanguage {
  language: Language
  /** The arguments without --lang and its value. */
  args: string[]
  /** The --lang value when it names no language Orderbatch has. */
  unknown: string | null
}

/** `--lang ru|en` (or `--lang=ru`) anywhere on the command line, else the environment. */
export function commandLineLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CommandLineLanguage {
  const args: string[] = []
  let chosen: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    if (arg === '--lang') {
      chosen = argv[i + 1] ?? ''
      i++
    } else if (arg.startsWith('--lang=')) {
      chosen = arg.slice('--lang='.length)
    } else {
      args.push(arg)
    }
  }
  const fromEnv = environmentLanguage(env)
  if (chosen === null) return { language: fromEnv, args, unknown: null }
  const language = languageOf(chosen)
  return language ? { language, args, unknown: null } : { language: fromEnv, args, unknown: chosen }
}
