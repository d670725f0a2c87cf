// Whether two orders have the same customer address, as the fingerprint compares addresses
// (normalizedEmail: trimmed, lower-cased), and a hash that agrees with that comparison.
import { normalizedEmail } from './fingerprint'

export function sameEmail(a: string, b: string): boolean {
  return a === b || normalizedEmail(a) === normalizedEmail(b)
}

/** FNV-1a of normalizedEmail(email), with A-Z folded: for an address of printable ASCII (the
 * usual case) that is the address's own letters, so nothing is copied to work it out. */
export function emailHash(email: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < email.length; i++) {
    let c = email.charCodeAt(i)
    if (c < 0x21 || c > 0x7e) return foldedHash(normalizedEmail(email))
    if (c >= 65 && c <= 90) c += 32
    hash = Math.imul(hash ^ c, 0x01000193)
  }
  return hash >>> 0
}

function foldedHash(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193)
  }
  return hash >>> 0
}
