// The API domains a shop can live on; anything else is a full custom URL.
import type { Translate } from '../../lib/i18n'

export const BRAND_DOMAINS = ['influencersoft.com', 'justclick.ru'] as const
export const CUSTOM = 'custom'

export type DomainChoice = (typeof BRAND_DOMAINS)[number] | typeof CUSTOM

export function domainChoiceOf(domain: string): DomainChoice {
  return (BRAND_DOMAINS as readonly string[]).includes(domain) ? (domain as DomainChoice) : CUSTOM
}

/** A sentence saying what is wrong with a custom URL, or null when it is usable. */
export function customUrlProblem(url: string, t: Translate): string | null {
  const text = url.trim()
  if (!text) return t('connection.urlEmpty')
  try {
    const parsed = new URL(text)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return t('connection.urlScheme')
    return null
  } catch {
    return t('connection.urlInvalid', { text })
  }
}
