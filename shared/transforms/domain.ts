// Cell -> bill_domain: the shop's host name as the API wants it, without protocol or path.
import type { Cell } from '../sheet/sheet'
import { quote } from './quote'
import { NOTHING, fail, ok } from './result'
import type { Transformed } from './result'
import { cellToText } from './text'

const SCHEME = /^(?:[a-z][a-z\d+.-]*:)?\/\//i
const HOST_END = /[/?#\\]/
const PORT = /:\d*$/
const SPACE = /\s/
// Dot-separated labels of letters (any script: кто.рф is fine), digits, marks, '-' and '_'.
const HOST = /^[\p{L}\p{N}\p{M}_-]+(?:\.[\p{L}\p{N}\p{M}_-]+)+$/u
const WRITE_LIKE = 'write the site like www.shop.com'

/** 'https://user@www.Shop.com:8080/buy?x=1#top' -> 'www.shop.com'. Lowercased, trailing dot
 * dropped; international names are kept as written (not converted to xn--). */
export function normalizeDomain(cell: Cell): Transformed<string> {
  if (cell === null) return NOTHING
  if (typeof cell === 'string' && isPlainHost(cell)) return ok(cell)
  if (typeof cell === 'boolean') return fail(`${quote(String(cell))} is a yes/no value, not a domain: ${WRITE_LIKE}`)
  const text = cellToText(cell)
  if (text === '') return NOTHING
  const scheme = SCHEME.exec(text)
  let host = scheme ? text.slice(scheme[0].length) : text
  const end = host.search(HOST_END)
  if (end >= 0) host = host.slice(0, end)
  const at = host.lastIndexOf('@')
  if (at >= 0) {
    // In a URL the part before '@' is a login; without a scheme it is an email address.
    if (!scheme) return fail(`${quote(text)} looks like an email address, not a domain: ${WRITE_LIKE}`)
    host = host.slice(at + 1)
  }
  host = host.replace(PORT, '')
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host === '') return fail(`${quote(text)} has no domain name in it: ${WRITE_LIKE}`)
  if (SPACE.test(host)) return fail(`${quote(text)} is not a domain: it has a space in it`)
  host = host.toLowerCase()
  if (!HOST.test(host)) return fail(`${quote(text)} is not a domain: ${WRITE_LIKE}`)
  return ok(host)
}

/** True for a host name normalizeDomain would return unchanged, told without its regular
 * expressions: lower-case ASCII letters, digits, '-' and '_' in two or more non-empty labels. */
export function isPlainHost(text: string): boolean {
  let label = 0
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 46 /* . */) {
      if (label === 0) return false
      label = 0
      dots++
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95) label++
    else return false
  }
  return dots > 0 && label > 0
}
