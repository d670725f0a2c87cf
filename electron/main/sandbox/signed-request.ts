// The signature check exactly as a PHP server does it: parse the body into $_POST, unset hash,
// rebuild the query with http_build_query and compare md5(query::login::secret). So a client
// passes only if its body is canonical, i.e. PHP would re-encode the parsed values to the very
// bytes it hashed.
import { parsePhpQuery } from '#shared/wire/php-parse'
import { httpBuildQuery } from '#shared/wire/php-query'
import { ANSWERS, type Answer } from './answers'
import { md5Hex } from './php-json'
import type { Posted } from './posted'

export type CheckedRequest = { ok: true; data: Posted } | { ok: false; answer: Answer }

/** PHP fills $_POST only for form bodies; any other content type arrives as "no data". */
export function isFormBody(contentType: string | undefined): boolean {
  return (contentType ?? '').trim().toLowerCase().startsWith('application/x-www-form-urlencoded')
}

export function checkSignedRequest(body: string, account: string, secret: string): CheckedRequest {
  const data = body === '' ? new Map() : parsePhpQuery(body)
  if (data.size === 0) return { ok: false, answer: ANSWERS.noData }
  const hash = data.get('hash')
  if (typeof hash !== 'string' || hash === '') return { ok: false, answer: ANSWERS.noHash }
  data.delete('hash')
  const expected = md5Hex(`${httpBuildQuery(data)}::${account}::${secret}`)
  // PHP compares the two hex strings as plain strings: an upper-case hash is wrong.
  if (hash !== expected) return { ok: false, answer: ANSWERS.badHash }
  return { ok: true, data }
}
