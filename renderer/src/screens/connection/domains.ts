// The API domains a shop can live on; anything else is a full custom URL.

export const BRAND_DOMAINS = ['influencersoft.com', 'justclick.ru'] as const
export const CUSTOM = 'custom'

export type DomainChoice = (typeof BRAND_DOMAINS)[number] | typeof CUSTOM

export function domainChoiceOf(domain: string): DomainChoice {
  return (BRAND_DOMAINS as readonly string[]).includes(domain) ? (domain as DomainChoice) : CUSTOM
}

/** A sentence saying what is wrong with a custom URL, or null when it is usable. */
export function customUrlProblem(url: string): string | null {
  const text = url.trim()
  if (!text) return 'Enter the full address of your API, for example https://shop.example.com.'
  try {
    const parsed = new URL(text)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'The API address must start with https:// (or http:// for a local test server).'
    return null
  } catch {
    return `"${text}" is not a full web address. Write it with https://, for example https://shop.example.com.`
  }
}
