// The signed body of one CreateOrder call built straight from its flat [key, value] pairs
// (createOrderParams), or from the order itself, for the places that sign many orders in a row
// (the dry run): the same bytes as signedBody(new Map(pairs), ...) without the general PHP array
// walk, and each key encoded once per process (an order's keys come from a small fixed set).
import { forEachOrderParam } from './create-order-params'
import type { OrderDraft } from '../plan/order'
import { httpBuildQuery, phpUrlencode } from './php-query'
import { hashParam, requestHash } from './signature'

/** A key's encoding, and the encodings of its values while it has few distinct ones (a product,
 * a country, a tag repeat across orders; an e-mail or a name does not, and stops being cached). */
interface KeyEncoding {
  key: string
  /** `key=` and `&key=`, so that a query grows by two strings per parameter. */
  first: string
  next: string
  values: Map<string, string> | null
}

const MAX_KEYS = 10_000
const MAX_VALUES_PER_KEY = 256
const keys = new Map<string, KeyEncoding>()

function keyEncoding(key: string): KeyEncoding {
  let found = keys.get(key)
  if (found === undefined) {
    const encoded = phpUrlencode(key)
    found = { key: encoded, first: `${encoded}=`, next: `&${encoded}=`, values: new Map() }
    if (keys.size < MAX_KEYS) keys.set(key, found)
  }
  return found
}

function encodedValue(encoding: KeyEncoding, value: string): string {
  const cache = encoding.values
  if (cache === null) return phpUrlencode(value)
  let encoded = cache.get(value)
  if (encoded === undefined) {
    encoded = phpUrlencode(value)
    if (cache.size < MAX_VALUES_PER_KEY) cache.set(value, encoded)
    else encoding.values = null
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
    const encoding = keyEncoding(key)
    query += `${query === '' ? '' : '&'}${encoding.key}=${encodedValue(encoding, value)}`
  }
  return query
}

/** The body to POST for the pairs, as signedBody gives it: the query, then &hash=<md5>. */
export function signedPairsBody(pairs: ReadonlyArray<readonly [string, string]>, login: string, secret: string): string {
  if (pairs.some(([key]) => key === 'hash')) {
    throw new Error('Cannot sign the request: its parameters already contain "hash". Remove that parameter; the signature is added when the request is signed.')
  }
  const query = flatQuery(pairs)
  return query + hashParam(query, requestHash(query, login, secret))
}

/** The query of one CreateOrder call (createOrderQuery's bytes), built without the pair arrays. */
export function orderQuery(order: Pick<OrderDraft, 'fields' | 'goods' | 'backlogNoCancel'>): string {
  let query = ''
  forEachOrderParam(order, (key, value) => {
    const encoding = keyEncoding(key)
    query += (query === '' ? encoding.first : encoding.next) + encodedValue(encoding, value)
  })
  return query
}

/** signedPairsBody(createOrderParams(order), login, secret), built without the pair arrays. */
export function signedOrderBody(order: Pick<OrderDraft, 'fields' | 'goods' | 'backlogNoCancel'>, login: string, secret: string): string {
  const query = orderQuery(order)
  return query + hashParam(query, requestHash(query, login, secret))
}
