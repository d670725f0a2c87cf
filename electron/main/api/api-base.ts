// Where an account's API lives. The API sits on the login's own sub-domain of the brand's
// domain; a custom domain (or a local test server) is given as a full URL instead.

import { englishOf, msg, type Localized, type Message } from '#shared/i18n/message'

const LOGIN = /^[a-z0-9_-]+$/
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i

export class ApiAddressError extends Error implements Localized {
  override name = 'ApiAddressError'
  readonly localized: Message

  constructor(message: Message) {
    super(englishOf(message))
    this.localized = message
  }
}

/** The API base URL, always ending with '/': function names are appended to it. */
export function apiBaseUrl(login: string, domain: 'influencersoft.com' | 'justclick.ru' | string = 'influencersoft.com'): string {
  checkLogin(login)
  const where = domain.trim()
  if (where.includes('://')) return fullUrl(where)
  if (!HOST.test(where)) {
    throw new ApiAddressError(msg('api.address.domain', { domain: where }))
  }
  return `https://${login}.${where.toLowerCase()}/api/`
}

export function checkLogin(login: string): void {
  if (LOGIN.test(login)) return
  const shown = login.length > 40 ? `${login.slice(0, 40)}…` : login
  throw new ApiAddressError(msg('api.address.login', { login: shown }))
}

function fullUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ApiAddressError(msg('api.address.url', { address: text }))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiAddressError(msg('api.address.scheme', { scheme: url.protocol }))
  }
  // Credentials in a URL end up in logs; the API key travels only inside the signature.
  if (url.username !== '' || url.password !== '') {
    throw new ApiAddressError(msg('api.address.credentials'))
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ApiAddressError(msg('api.address.query', { address: `${url.origin}${url.pathname}` }))
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  return url.toString()
}
