// Where an account's API lives. The API sits on the login's own sub-domain of the brand's
// domain; a custom domain (or a local test server) is given as a full URL instead.

const LOGIN = /^[a-z0-9_-]+$/
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i

export class ApiAddressError extends Error {
  override name = 'ApiAddressError'
}

/** The API base URL, always ending with '/': function names are appended to it. */
export function apiBaseUrl(login: string, domain: 'influencersoft.com' | 'justclick.ru' | string = 'influencersoft.com'): string {
  checkLogin(login)
  const where = domain.trim()
  if (where.includes('://')) return fullUrl(where)
  if (!HOST.test(where)) {
    throw new ApiAddressError(
      `The API domain "${where}" is not a domain name. Use influencersoft.com, justclick.ru, or a full address such as https://shop.example.com/api/.`
    )
  }
  return `https://${login}.${where.toLowerCase()}/api/`
}

export function checkLogin(login: string): void {
  if (LOGIN.test(login)) return
  const shown = login.length > 40 ? `${login.slice(0, 40)}…` : login
  throw new ApiAddressError(
    `The login "${shown}" is not valid: use the account login exactly as in your shop address ` +
      '(lowercase letters a-z, digits, "_" and "-"; for https://mylogin.influencersoft.com the login is mylogin).'
  )
}

function fullUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ApiAddressError(`The API address "${text}" is not a valid URL. Write it like https://shop.example.com/api/.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiAddressError(`The API address "${url.protocol}//…" must start with https:// (or http:// for a local test server).`)
  }
  // Credentials in a URL end up in logs; the API key travels only inside the signature.
  if (url.username !== '' || url.password !== '') {
    throw new ApiAddressError('The API address must not contain a user name or password. Remove the "user:password@" part.')
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ApiAddressError(`The API address "${url.origin}${url.pathname}" must not have a "?…" or "#…" part. Remove it.`)
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  return url.toString()
}
