// MD5 (RFC 1321) in plain TypeScript: shared/ cannot reach node:crypto, and the request
// signature must be computed the same way in the engine, the sandbox server and the renderer.

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

// The 64 steps of one block, unrolled with the RFC's shift amounts and constants written inline
// (step i adds floor(abs(sin(i + 1)) * 2^32), here as a signed 32-bit number): md5 runs once per
// order of a plan, and a table-driven loop spends most of its time on lookups and branches.
function word(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)
}

function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  const x0 = word(bytes, offset + 0)
  const x1 = word(bytes, offset + 4)
  const x2 = word(bytes, offset + 8)
  const x3 = word(bytes, offset + 12)
  const x4 = word(bytes, offset + 16)
  const x5 = word(bytes, offset + 20)
  const x6 = word(bytes, offset + 24)
  const x7 = word(bytes, offset + 28)
  const x8 = word(bytes, offset + 32)
  const x9 = word(bytes, offset + 36)
  const x10 = word(bytes, offset + 40)
  const x11 = word(bytes, offset + 44)
  const x12 = word(bytes, offset + 48)
  const x13 = word(bytes, offset + 52)
  const x14 = word(bytes, offset + 56)
  const x15 = word(bytes, offset + 60)
  let a = state[0]!
  let b = state[1]!
  let c = state[2]!
  let d = state[3]!
  let n: number
  n = (a + ((b & c) | (~b & d)) + x0 + -680876936) | 0
  a = (((n << 7) | (n >>> 25)) + b) | 0
  n = (d + ((a & b) | (~a & c)) + x1 + -389564586) | 0
  d = (((n << 12) | (n >>> 20)) + a) | 0
  n = (c + ((d & a) | (~d & b)) + x2 + 0x242070db) | 0
  c = (((n << 17) | (n >>> 15)) + d) | 0
  n = (b + ((c & d) | (~c & a)) + x3 + -1044525330) | 0
  b = (((n << 22) | (n >>> 10)) + c) | 0
  n = (a + ((b & c) | (~b & d)) + x4 + -176418897) | 0
  a = (((n << 7) | (n >>> 25)) + b) | 0
  n = (d + ((a & b) | (~a & c)) + x5 + 0x4787c62a) | 0
  d = (((n << 12) | (n >>> 20)) + a) | 0
  n = (c + ((d & a) | (~d & b)) + x6 + -1473231341) | 0
  c = (((n << 17) | (n >>> 15)) + d) | 0
  n = (b + ((c & d) | (~c & a)) + x7 + -45705983) | 0
  b = (((n << 22) | (n >>> 10)) + c) | 0
  n = (a + ((b & c) | (~b & d)) + x8 + 0x698098d8) | 0
  a = (((n << 7) | (n >>> 25)) + b) | 0
  n = (d + ((a & b) | (~a & c)) + x9 + -1958414417) | 0
  d = (((n << 12) | (n >>> 20)) + a) | 0
  n = (c + ((d & a) | (~d & b)) + x10 + -42063) | 0
  c = (((n << 17) | (n >>> 15)) + d) | 0
  n = (b + ((c & d) | (~c & a)) + x11 + -1990404162) | 0
  b = (((n << 22) | (n >>> 10)) + c) | 0
  n = (a + ((b & c) | (~b & d)) + x12 + 0x6b901122) | 0
  a = (((n << 7) | (n >>> 25)) + b) | 0
  n = (d + ((a & b) | (~a & c)) + x13 + -40341101) | 0
  d = (((n << 12) | (n >>> 20)) + a) | 0
  n = (c + ((d & a) | (~d & b)) + x14 + -1502002290) | 0
  c = (((n << 17) | (n >>> 15)) + d) | 0
  n = (b + ((c & d) | (~c & a)) + x15 + 0x49b40821) | 0
  b = (((n << 22) | (n >>> 10)) + c) | 0
  n = (a + ((b & d) | (c & ~d)) + x1 + -165796510) | 0
  a = (((n << 5) | (n >>> 27)) + b) | 0
  n = (d + ((a & c) | (b & ~c)) + x6 + -1069501632) | 0
  d = (((n << 9) | (n >>> 23)) + a) | 0
  n = (c + ((d & b) | (a & ~b)) + x11 + 0x265e5a51) | 0
  c = (((n << 14) | (n >>> 18)) + d) | 0
  n = (b + ((c & a) | (d & ~a)) + x0 + -373897302) | 0
  b = (((n << 20) | (n >>> 12)) + c) | 0
  n = (a + ((b & d) | (c & ~d)) + x5 + -701558691) | 0
  a = (((n << 5) | (n >>> 27)) + b) | 0
  n = (d + ((a & c) | (b & ~c)) + x10 + 0x02441453) | 0
  d = (((n << 9) | (n >>> 23)) + a) | 0
  n = (c + ((d & b) | (a & ~b)) + x15 + -660478335) | 0
  c = (((n << 14) | (n >>> 18)) + d) | 0
  n = (b + ((c & a) | (d & ~a)) + x4 + -405537848) | 0
  b = (((n << 20) | (n >>> 12)) + c) | 0
  n = (a + ((b & d) | (c & ~d)) + x9 + 0x21e1cde6) | 0
  a = (((n << 5) | (n >>> 27)) + b) | 0
  n = (d + ((a & c) | (b & ~c)) + x14 + -1019803690) | 0
  d = (((n << 9) | (n >>> 23)) + a) | 0
  n = (c + ((d & b) | (a & ~b)) + x3 + -187363961) | 0
  c = (((n << 14) | (n >>> 18)) + d) | 0
  n = (b + ((c & a) | (d & ~a)) + x8 + 0x455a14ed) | 0
  b = (((n << 20) | (n >>> 12)) + c) | 0
  n = (a + ((b & d) | (c & ~d)) + x13 + -1444681467) | 0
  a = (((n << 5) | (n >>> 27)) + b) | 0
  n = (d + ((a & c) | (b & ~c)) + x2 + -51403784) | 0
  d = (((n << 9) | (n >>> 23)) + a) | 0
  n = (c + ((d & b) | (a & ~b)) + x7 + 0x676f02d9) | 0
  c = (((n << 14) | (n >>> 18)) + d) | 0
  n = (b + ((c & a) | (d & ~a)) + x12 + -1926607734) | 0
  b = (((n << 20) | (n >>> 12)) + c) | 0
  n = (a + (b ^ c ^ d) + x5 + -378558) | 0
  a = (((n << 4) | (n >>> 28)) + b) | 0
  n = (d + (a ^ b ^ c) + x8 + -2022574463) | 0
  d = (((n << 11) | (n >>> 21)) + a) | 0
  n = (c + (d ^ a ^ b) + x11 + 0x6d9d6122) | 0
  c = (((n << 16) | (n >>> 16)) + d) | 0
  n = (b + (c ^ d ^ a) + x14 + -35309556) | 0
  b = (((n << 23) | (n >>> 9)) + c) | 0
  n = (a + (b ^ c ^ d) + x1 + -1530992060) | 0
  a = (((n << 4) | (n >>> 28)) + b) | 0
  n = (d + (a ^ b ^ c) + x4 + 0x4bdecfa9) | 0
  d = (((n << 11) | (n >>> 21)) + a) | 0
  n = (c + (d ^ a ^ b) + x7 + -155497632) | 0
  c = (((n << 16) | (n >>> 16)) + d) | 0
  n = (b + (c ^ d ^ a) + x10 + -1094730640) | 0
  b = (((n << 23) | (n >>> 9)) + c) | 0
  n = (a + (b ^ c ^ d) + x13 + 0x289b7ec6) | 0
  a = (((n << 4) | (n >>> 28)) + b) | 0
  n = (d + (a ^ b ^ c) + x0 + -358537222) | 0
  d = (((n << 11) | (n >>> 21)) + a) | 0
  n = (c + (d ^ a ^ b) + x3 + -722521979) | 0
  c = (((n << 16) | (n >>> 16)) + d) | 0
  n = (b + (c ^ d ^ a) + x6 + 0x04881d05) | 0
  b = (((n << 23) | (n >>> 9)) + c) | 0
  n = (a + (b ^ c ^ d) + x9 + -640364487) | 0
  a = (((n << 4) | (n >>> 28)) + b) | 0
  n = (d + (a ^ b ^ c) + x12 + -421815835) | 0
  d = (((n << 11) | (n >>> 21)) + a) | 0
  n = (c + (d ^ a ^ b) + x15 + 0x1fa27cf8) | 0
  c = (((n << 16) | (n >>> 16)) + d) | 0
  n = (b + (c ^ d ^ a) + x2 + -995338651) | 0
  b = (((n << 23) | (n >>> 9)) + c) | 0
  n = (a + (c ^ (b | ~d)) + x0 + -198630844) | 0
  a = (((n << 6) | (n >>> 26)) + b) | 0
  n = (d + (b ^ (a | ~c)) + x7 + 0x432aff97) | 0
  d = (((n << 10) | (n >>> 22)) + a) | 0
  n = (c + (a ^ (d | ~b)) + x14 + -1416354905) | 0
  c = (((n << 15) | (n >>> 17)) + d) | 0
  n = (b + (d ^ (c | ~a)) + x5 + -57434055) | 0
  b = (((n << 21) | (n >>> 11)) + c) | 0
  n = (a + (c ^ (b | ~d)) + x12 + 0x655b59c3) | 0
  a = (((n << 6) | (n >>> 26)) + b) | 0
  n = (d + (b ^ (a | ~c)) + x3 + -1894986606) | 0
  d = (((n << 10) | (n >>> 22)) + a) | 0
  n = (c + (a ^ (d | ~b)) + x10 + -1051523) | 0
  c = (((n << 15) | (n >>> 17)) + d) | 0
  n = (b + (d ^ (c | ~a)) + x1 + -2054922799) | 0
  b = (((n << 21) | (n >>> 11)) + c) | 0
  n = (a + (c ^ (b | ~d)) + x8 + 0x6fa87e4f) | 0
  a = (((n << 6) | (n >>> 26)) + b) | 0
  n = (d + (b ^ (a | ~c)) + x15 + -30611744) | 0
  d = (((n << 10) | (n >>> 22)) + a) | 0
  n = (c + (a ^ (d | ~b)) + x6 + -1560198380) | 0
  c = (((n << 15) | (n >>> 17)) + d) | 0
  n = (b + (d ^ (c | ~a)) + x13 + 0x4e0811a1) | 0
  b = (((n << 21) | (n >>> 11)) + c) | 0
  n = (a + (c ^ (b | ~d)) + x4 + -145523070) | 0
  a = (((n << 6) | (n >>> 26)) + b) | 0
  n = (d + (b ^ (a | ~c)) + x11 + -1120210379) | 0
  d = (((n << 10) | (n >>> 22)) + a) | 0
  n = (c + (a ^ (d | ~b)) + x2 + 0x2ad7d2bb) | 0
  c = (((n << 15) | (n >>> 17)) + d) | 0
  n = (b + (d ^ (c | ~a)) + x9 + -343485551) | 0
  b = (((n << 21) | (n >>> 11)) + c) | 0
  state[0] = (state[0]! + a) | 0
  state[1] = (state[1]! + b) | 0
  state[2] = (state[2]! + c) | 0
  state[3] = (state[3]! + d) | 0
}

const HEX_DIGITS = '0123456789abcdef'
// Character codes of the result by its length, reused: one flat string is made from them per digest.
const codeArrays = new Map<number, number[]>()

/** Lowercase hex of the digest in `state`, after `prefix`, as one flat string. */
function toHex(prefix: string): string {
  const size = prefix.length + 32
  let codes = codeArrays.get(size)
  if (codes === undefined) {
    codes = new Array<number>(size).fill(0)
    codeArrays.set(size, codes)
  }
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

const state = new Int32Array(4)

/** Runs MD5 over bytes [0, length) of `bytes` into `state`; `bytes` is only read. */
function digest(bytes: Uint8Array, length: number): void {
  state[0] = 0x67452301
  state[1] = 0xefcdab89
  state[2] = 0x98badcfe
  state[3] = 0x10325476
  const whole = length - (length % 64)
  for (let offset = 0; offset < whole; offset += 64) compress(state, bytes, offset)
  // The last partial block, 0x80, zeros and the bit length (little endian) fill one or two blocks.
  const rest = length - whole
  for (let i = 0; i < rest; i++) tail[i] = bytes[whole + i]!
  const end = rest < 56 ? 64 : 128
  tail.fill(0, rest, end)
  tail[rest] = 0x80
  const bitLength = length * 8
  writeUint32(tail, end - 8, bitLength >>> 0)
  writeUint32(tail, end - 4, Math.floor(bitLength / 2 ** 32))
  for (let offset = 0; offset < end; offset += 64) compress(state, tail, offset)
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
