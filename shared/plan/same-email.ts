// Whether two orders have the same customer address, as the fingerprint compares addresses
// (normalizedEmail: trimmed, lower-cased), a hash that agrees with that comparison, and which
// orders of a plan share an address.
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

/** Positions, ascending, of the orders whose e-mail (as the fingerprint normalizes it) another
 * order also has. The search is an open-addressing table of order positions in one typed array,
 * since a Map of 100k addresses costs more than the search itself; each slot keeps the hash
 * too, so addresses are compared only when their hashes are equal. */
export function ordersSharingEmail(emails: ReadonlyArray<string | undefined>, emailHashes: Uint32Array): number[] {
  let size = 16
  while (size < emails.length * 2) size *= 2
  const slots = new Int32Array(size)
  const hashes = new Uint32Array(size)
  const mask = size - 1
  const shared = new Uint8Array(emails.length)
  for (let o = 0; o < emails.length; o++) {
    const hash = emailHashes[o] as number
    let at = hash & mask
    for (;;) {
      const slot = slots[at] as number
      if (slot === 0) {
        slots[at] = o + 1
        hashes[at] = hash
        break
      }
      if (hashes[at] === hash && sameEmail(emails[slot - 1] ?? '', emails[o] ?? '')) {
        shared[slot - 1] = 1
        shared[o] = 1
        break
      }
      at = (at + 1) & mask
    }
  }
  const positions: number[] = []
  for (let o = 0; o < emails.length; o++) if (shared[o] === 1) positions.push(o)
  return positions
}
