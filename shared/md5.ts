// MD5 (RFC 1321) in plain TypeScript: shared/ cannot reach node:crypto, and the request
// signature must be computed the same way in the engine, the sandbox server and the renderer.

// Per-round left-rotation amounts.
const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
]

// floor(abs(sin(i + 1)) * 2^32), as the RFC defines the table.
const SINES = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0)

/** UTF-8 bytes of a string. A lone surrogate becomes U+FFFD (EF BF BD), as TextEncoder does, so
 * a malformed string still hashes and encodes the same way everywhere. */
export function utf8Encode(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 3)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code < 0x80) {
      bytes[n++] = code
      continue
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)
        i++
      } else {
        code = 0xfffd
      }
    }
    if (code < 0x800) {
      bytes[n++] = 0xc0 | (code >> 6)
    } else if (code < 0x10000) {
      bytes[n++] = 0xe0 | (code >> 12)
      bytes[n++] = 0x80 | ((code >> 6) & 0x3f)
    } else {
      bytes[n++] = 0xf0 | (code >> 18)
      bytes[n++] = 0x80 | ((code >> 12) & 0x3f)
      bytes[n++] = 0x80 | ((code >> 6) & 0x3f)
    }
    bytes[n++] = 0x80 | (code & 0x3f)
  }
  return bytes.subarray(0, n)
}

/** The message padded to a multiple of 64 bytes with 0x80, zeros and the bit length (little endian). */
function pad(message: Uint8Array): DataView {
  const paddedLength = (((message.length + 8) >>> 6) + 1) << 6
  const padded = new Uint8Array(paddedLength)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  const bitLength = message.length * 8
  view.setUint32(paddedLength - 8, bitLength >>> 0, true)
  view.setUint32(paddedLength - 4, Math.floor(bitLength / 2 ** 32), true)
  return view
}

function compress(state: Uint32Array, view: DataView, offset: number, words: Uint32Array): void {
  for (let i = 0; i < 16; i++) words[i] = view.getUint32(offset + i * 4, true)
  let a = state[0]
  let b = state[1]
  let c = state[2]
  let d = state[3]
  for (let i = 0; i < 64; i++) {
    let f: number
    let g: number
    if (i < 16) {
      f = (b & c) | (~b & d)
      g = i
    } else if (i < 32) {
      f = (d & b) | (~d & c)
      g = (5 * i + 1) & 15
    } else if (i < 48) {
      f = b ^ c ^ d
      g = (3 * i + 5) & 15
    } else {
      f = c ^ (b | ~d)
      g = (7 * i) & 15
    }
    const sum = (a + f + SINES[i] + words[g]) | 0
    const shift = SHIFTS[i]
    a = d
    d = c
    c = b
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0
  }
  state[0] += a
  state[1] += b
  state[2] += c
  state[3] += d
}

function toHex(state: Uint32Array): string {
  let hex = ''
  for (const word of state) {
    for (let byte = 0; byte < 4; byte++) hex += ((word >>> (byte * 8)) & 0xff).toString(16).padStart(2, '0')
  }
  return hex
}

/** MD5 digest as lowercase hex, like PHP's md5(). Strings are hashed as their UTF-8 bytes. */
export function md5(input: string | Uint8Array): string {
  const view = pad(typeof input === 'string' ? utf8Encode(input) : input)
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476])
  const words = new Uint32Array(16)
  for (let offset = 0; offset < view.byteLength; offset += 64) compress(state, view, offset, words)
  return toHex(state)
}
