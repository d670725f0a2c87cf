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

// md5 runs once per order when a sheet is planned (the fingerprint), so it allocates nothing but
// the hex string it returns: a reused scratch buffer for the UTF-8 bytes, one for the padded tail.
let scratch = new Uint8Array(1024)
const tail = new Uint8Array(128)

function scratchFor(length: number): Uint8Array {
  if (scratch.length < length) scratch = new Uint8Array(Math.max(length, scratch.length * 2))
  return scratch
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

const HEX_DIGITS = '0123456789abcdef'
// Character codes of the result, reused: one flat string is made from them per digest.
let codes: number[] = new Array<number>(32).fill(0)

/** Lowercase hex of the digest in `state`, after `prefix`, as one flat string. */
function toHex(prefix: string): string {
  const size = prefix.length + 32
  if (codes.length !== size) codes = new Array<number>(size).fill(0)
  let k = 0
  for (; k < prefix.length; k++) codes[k] = prefix.charCodeAt(k)
  for (let w = 0; w < 4; w++) {
    const word = state[w]!
    for (let shift = 0; shift < 32; shift += 8) {
      const byte = (word >>> shift) & 0xff
      codes[k++] = HEX_DIGITS.charCodeAt(byte >>> 4)
      codes[k++] = HEX_DIGITS.charCodeAt(byte & 15)
    }
  }
  return String.fromCharCode.apply(null, codes)
}

const state = new Uint32Array(4)
const words = new Uint32Array(16)

/** Runs MD5 over bytes [0, length) of `bytes` into `state`; `bytes` is only read. */
function digest(bytes: Uint8Array, length: number): void {
  state[0] = 0x67452301
  state[1] = 0xefcdab89
  state[2] = 0x98badcfe
  state[3] = 0x10325476
  const whole = length - (length % 64)
  for (let offset = 0; offset < whole; offset += 64) compress(state, bytes, offset, words)
  // The last partial block, 0x80, zeros and the bit length (little endian) fill one or two blocks.
  const rest = length - whole
  for (let i = 0; i < rest; i++) tail[i] = bytes[whole + i]!
  const end = rest < 56 ? 64 : 128
  tail.fill(0, rest, end)
  tail[rest] = 0x80
  const bitLength = length * 8
  writeUint32(tail, end - 8, bitLength >>> 0)
  writeUint32(tail, end - 4, Math.floor(bitLength / 2 ** 32))
  for (let offset = 0; offset < end; offset += 64) compress(state, tail, offset, words)
}

/** MD5 digest as lowercase hex, like PHP's md5(). Strings are hashed as their UTF-8 bytes. */
export function md5(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    const buffer = scratchFor(input.length * 3)
    digest(buffer, encodeInto(input, buffer))
  } else {
    digest(input, input.length)
  }
  return toHex('')
}

/** `prefix` followed by the md5 hex of bytes [0, length) of `bytes`, as one string: for callers
 * that write their input as bytes themselves (the order fingerprint). */
export function md5OfBytes(bytes: Uint8Array, length: number, prefix = ''): string {
  digest(bytes, length)
  return toHex(prefix)
}
