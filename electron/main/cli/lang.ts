// The language the CLI speaks: --lang ru|en anywhere on the command line, else LC_ALL,
// LC_MESSAGES, LANG (see shared/i18n/language.ts). runCli puts it on the CliIo.
import type { Language } from '#shared/i18n/language'
import { translatorFor, type Translate } from '#shared/i18n/translate'
import type { CliIo } from './io'

export function cliLanguage(io: Pick<CliIo, 'language'>): Language {
  return io.language ?? 'en'
}

export function cliT(io: Pick<CliIo, 'language'>): Translate {
  return translatorFor(cliLanguage(io))
}

export const ENGLISH: Translate = translatorFor('en')
