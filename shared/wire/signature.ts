// The API 1.0 signatures: requests carry md5("query::login::key") as `hash`; answers carry
// md5("error_code::error_text::key"), which does not cover `result`.
import { md5Text as md5 } from './md5-choice'
import { httpBuildQuery } from './php-query'
import type { PhpArray } from './php-value'

/** What follows the query in the text a request hash is taken of. */
export function requestHashTail(login: string, secret: string): string {
  return `::${login}::${secret}`
}

/** The request hash over an already built query string (without `hash`). */
export function requestHash(query: string, login: string, secret: string): string {
  return md5(query + requestHashTail(login, secret))
}

/** What follows the query in a signed body: `&hash=<md5>`, or `hash=<md5>` alone after an empty
 * query. */
export function hashParam(query: string, hash: string): string {
  return query === '' ? `hash=${hash}` : `&hash=${hash}`
}

/** The hash an answer must carry; code and text exactly as received. */
export function responseHash(errorCode: number | string, errorText: string, secret: string): string {
  return md5(`${errorCode}::${errorText}::${secret}`)
}

function hasTopLevelHash(params: PhpArray): boolean {
  if (params instanceof Map) return params.has('hash')
  if (Array.isArray(params)) return false
  return Object.hasOwn(params, 'hash')
}

/** The body to POST: the exact string that was hashed, then `&hash=<md5>`, as the vendor's PHP
 * sample sends it. Sending the hashed bytes themselves keeps the signature valid whether the
 * server hashes the raw body or rebuilds it from $_POST. */
export function signedBody(params: PhpArray, login: string, secret: string): { query: string; hash: string; body: string } {
  if (hasTopLevelHash(params)) {
    // PHP would keep the old key's position and hash over it; the server could never agree.
    throw new Error('Cannot sign the request: its parameters already contain "hash". Remove that parameter; the signature is added when the request is signed.')
  }
  const query = httpBuildQuery(params)
  const hash = requestHash(query, login, secret)
  return { query, hash, body: query + hashParam(query, hash) }
}
