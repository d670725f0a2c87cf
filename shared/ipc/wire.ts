// The JSON form of IPC values for the browser host, where requests and answers travel over HTTP
// instead of Electron's structured clone. JSON has no bytes, so a Uint8Array travels as
// {"$bytes":"<base64>"}; object keys that start with "$" get one more "$" on the wire, so a
// user's column named "$bytes" can never be mistaken for bytes. Also the ok/error envelopes.
import type { IpcError, IpcResult } from './contract'
import { englishOf, keyedText, type Message } from '../i18n/message'
import type { Translate } from '../i18n/translate'

const BYTES_KEY = '$bytes'

export type Base64Decoder = (text: string) => Uint8Array
export type Base64Encoder = (bytes: Uint8Array) => string

/** JSON text of a value, bytes included. A host with a faster base64 encoder may pass it in. */
export function encodeWire(value: unknown, encode: Base64Encoder = encodeBase64): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array) return { [BYTES_KEY]: encode(item) }
    if (isPlainObject(item) && Object.keys(item).some((k) => k.startsWith('$'))) return escapeKeys(item)
    return item
  })
}

/** The value back from encodeWire's text. Throws SyntaxError on text that is not JSON.
 * A host with a faster base64 decoder (Node's Buffer) may pass it in. */
export function decodeWire(text: string, decode: Base64Decoder = decodeBase64): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (!isPlainObject(item)) return item
    const keys = Object.keys(item)
    const bytes = item[BYTES_KEY]
    if (keys.length === 1 && typeof bytes === 'string') return decode(bytes)
    return keys.some((k) => k.startsWith('$')) ? unescapeKeys(item) : item
  })
}

export function okResult<T>(value: T): IpcResult<T> {
  return { ok: true, value }
}

export function errorResult<T = never>(code: string, message: string | Message): IpcResult<T> {
  if (typeof message === 'string') return { ok: false, error: { code, message } }
  return { ok: false, error: { code, message: englishOf(message), key: message.key, ...(message.params ? { params: message.params } : {}) } }
}

/** The error's sentence in the translator's language: from its key and values when it has them. */
export function ipcErrorText(t: Translate, error: IpcError): string {
  return keyedText(t, error)
}

/** Whether an unknown value has the shape of an IpcResult (for answers read off the wire). */
export function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (!isPlainObject(value)) return false
  if (value['ok'] === true) return 'value' in value
  if (value['ok'] !== false || !isPlainObject(value['error'])) return false
  const error = value['error'] as Partial<IpcError>
  return typeof error.code === 'string' && typeof error.message === 'string'
}

// ---- keys ----

function escapeKeys(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(item)) out[key.startsWith('$') ? `$${key}` : key] = value
  return out
}

function unescapeKeys(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(item)) out[key.startsWith('$$') ? key.slice(1) : key] = value
  return out
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

// ---- base64 (shared/ has neither Buffer nor btoa) ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

/** Chunked so a large file never builds one enormous argument list or string concatenation chain. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 3 * 16_384
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length)
    let part = ''
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] ?? 0
      const b = bytes[i + 1] ?? 0
      const c = bytes[i + 2] ?? 0
      const left = end - i
      part +=
        ALPHABET.charAt(a >> 2) +
        ALPHABET.charAt(((a & 3) << 4) | (b >> 4)) +
        (left > 1 ? ALPHABET.charAt(((b & 15) << 2) | (c >> 6)) : '=') +
        (left > 2 ? ALPHABET.charAt(c & 63) : '=')
    }
    parts.push(part)
  }
  return parts.join('')
}

export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '')
  if (clean.length % 4 === 1) throw new SyntaxError('Invalid base64 text: wrong length.')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let at = 0
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i)
    const digit = code < 128 ? (LOOKUP[code] ?? -1) : -1
    if (digit < 0) throw new SyntaxError(`Invalid base64 text: unexpected character at ${i}.`)
    value = (value << 6) | digit
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (value >> bits) & 0xff
    }
  }
  return out
}
