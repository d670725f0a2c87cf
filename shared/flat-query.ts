// The signed body of one CreateOrder call built straight from its flat [key, value] pairs
// (createOrderParams), for the places that sign many orders in a row (the dry run): the same
// bytes as signedBody(new Map(pairs), ...) without the general PHP array walk, and each key
// encoded once per process (an order's keys come from a small fixed set).
import { httpBuildQuery, phpUrlencode } from './php-query'
import { requestHash } from './signature'

const encodedKeys = new Map<string, string>()

function encodedKey(key: string): string {
  let encoded = encodedKeys.get(key)
  if (encoded === undefined) {
    encoded = phpUrlencode(key)
    if (encodedKeys.size < 10_000) encodedKeys.set(key, encoded)
  }
  return encoded
}

/** http_build_query of the pairs as a PHP array in that order; the same bytes as
 * httpBuildQuery(new Map(pairs)). */
export function flatQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  let query = ''
  const seen = new Set<string>()
  for (const [key, value] of pairs) {
    // A repeated key keeps its first place and takes the last value in a PHP array (and a Map).
    if (seen.has(key)) return httpBuildQuery(new Map(pairs))
    seen.add(key)
    query += `${query === '' ? '' : '&'}${encodedKey(key)}=${phpUrlencode(value)}`
  }
  return query
}

/** The body to POST for the pairs, as signedBody gives it: the query, then &hash=<md5>. */
export function signedPairsBody(pairs: ReadonlyArray<readonly [string, string]>, login: string, secret: string): string {
  if (pairs.some(([key]) => key === 'hash')) {
    throw new Error('Cannot sign the request: its parameters already contain "hash". Remove that parameter; the signature is added when the request is signed.')
  }
  const query = flatQuery(pairs)
  const hash = requestHash(query, login, secret)
  return query === '' ? `hash=${hash}` : `${query}&hash=${hash}`
}
