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
  return bytes.slice(0, encodeInto(text, bytes))
}

/** Writes the UTF-8 bytes of `text` into `bytes` (which must hold text.length * 3) and returns
 * how many were written. */
function encodeInto(text: string, bytes: Uint8Array): number {
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
  return n
}

// md5 runs once per order when a sheet is planned (the fingerprint), so it reuses one scratch
// buffer instead of allocating three arrays per call.
let scratch = new Uint8Array(1024)

function scratchFor(length: number): Uint8Array {
  if (scratch.length < length) scratch = new Uint8Array(Math.max(length, scratch.length * 2))
  return scratch
}

/** Pads the first `length` bytes of `buffer` in place to a multiple of 64 bytes with 0x80, zeros
 * and the bit length (little endian); returns the padded length. */
function padInPlace(buffer: Uint8Array, length: number): number {
  const paddedLength = (((length + 8) >>> 6) + 1) << 6
  buffer.fill(0, length, paddedLength)
  buffer[length] = 0x80
  const bitLength = length * 8
  writeUint32(buffer, paddedLength - 8, bitLength >>> 0)
  writeUint32(buffer, paddedLength - 4, Math.floor(bitLength / 2 ** 32))
  return paddedLength
}

function writeUint32(buffer: Uint8Array, at: number, value: number): void {
  buffer[at] = value & 0xff
  buffer[at + 1] = (value >>> 8) & 0xff
  buffer[at + 2] = (value >>> 16) & 0xff
  buffer[at + 3] = (value >>> 24) & 0xff
}

function compress(state: Uint32Array, bytes: Uint8Array, offset: number, words: Uint32Array): void {
  for (let i = 0, at = offset; i < 16; i++, at += 4) {
    words[i] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)
  }
  let a = state[0]!
  let b = state[1]!
  let c = state[2]!
  let d = state[3]!
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
    const sum = (a + f + SINES[i]! + words[g]!) | 0
    const shift = SHIFTS[i]!
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

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function toHex(state: Uint32Array): string {
  let hex = ''
  for (let w = 0; w < 4; w++) {
    const word = state[w]!
    hex += HEX[word & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[(word >>> 16) & 0xff]! + HEX[word >>> 24]!
  }
  return hex
}

const state = new Uint32Array(4)
const words = new Uint32Array(16)

/** MD5 digest as lowercase hex, like PHP's md5(). Strings are hashed as their UTF-8 bytes. */
export function md5(input: string | Uint8Array): string {
  let buffer: Uint8Array
  let length: number
  if (typeof input === 'string') {
    buffer = scratchFor(input.length * 3 + 72)
    length = encodeInto(input, buffer)
  } else {
    buffer = scratchFor(input.length + 72)
    buffer.set(input)
    length = input.length
  }
  const padded = padInPlace(buffer, length)
  state[0] = 0x67452301
  state[1] = 0xefcdab89
  state[2] = 0x98badcfe
  state[3] = 0x10325476
  for (let offset = 0; offset < padded; offset += 64) compress(state, buffer, offset, words)
  return toHex(state)
}
