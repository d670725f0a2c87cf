// Cell -> bill_domain: the shop's host name as the API wants it, without protocol or path.
import type { Cell } from '../sheet/sheet'
import { quote } from './quote'
import { NOTHING, failWith, ok } from './result'
import type { Transformed } from './result'
import { cellToText } from './text'

const SCHEME = /^(?:[a-z][a-z\d+.-]*:)?\/\//i
const HOST_END = /[/?#\\]/
const PORT = /:\d*$/
const SPACE = /\s/
// Dot-separated labels of letters (any script: кто.рф is fine), digits, marks, '-' and '_'.
const HOST = /^[\p{L}\p{N}\p{M}_-]+(?:\.[\p{L}\p{N}\p{M}_-]+)+$/u

/** 'https://user@www.Shop.com:8080/buy?x=1#top' -> 'www.shop.com'. Lowercased, trailing dot
 * dropped; international names are kept as written (not converted to xn--). */
export function normalizeDomain(cell: Cell): Transformed<string> {
  if (cell === null) return NOTHING
  if (typeof cell === 'string' && isPlainHost(cell)) return ok(cell)
  if (typeof cell === 'boolean') return failWith('domain.yes-no', { text: quote(String(cell)) })
  const text = cellToText(cell)
  if (text === '') return NOTHING
  const scheme = SCHEME.exec(text)
  let host = scheme ? text.slice(scheme[0].length) : text
  const end = host.search(HOST_END)
  if (end >= 0) host = host.slice(0, end)
  const at = host.lastIndexOf('@')
  if (at >= 0) {
    // In a URL the part before '@' is a login; without a scheme it is an email address.
    if (!scheme) return failWith('domain.email', { text: quote(text) })
    host = host.slice(at + 1)
  }
  host = host.replace(PORT, '')
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host === '') return failWith('domain.empty', { text: quote(text) })
  if (SPACE.test(host)) return failWith('domain.space', { text: quote(text) })
  host = host.toLowerCase()
  if (!HOST.test(host)) return failWith('domain.invalid', { text: quote(text) })
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
