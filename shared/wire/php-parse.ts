// What PHP puts in $_POST for an application/x-www-form-urlencoded body (parse_str semantics:
// add_post_var and php_register_variable_ex in main/php_variables.c). The sandbox rebuilds the
// signed string from this with httpBuildQuery, exactly as a PHP server would, so every quirk
// below is deliberate.
import type { PhpValue } from './php-value'

type PhpMap = Map<string | number, PhpValue>

// PHP's default ini limits: max_input_vars and max_input_nesting_level.
const MAX_INPUT_VARS = 1000
const MAX_NESTING_LEVEL = 64

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** The integer a PHP array key string stands for ("5", "-3"; not "05", "-0", "1.5", or out of
 * 64-bit range), or null when PHP keeps it as a string. */
function integerKey(text: string): bigint | null {
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(text)) return null
  const value = BigInt(text)
  return value >= INT64_MIN && value <= INT64_MAX ? value : null
}

/** JS form of a PHP key: integers that JS holds exactly become numbers. Larger ones stay in their
 * (canonical decimal) text, which rebuilds to the same bytes and never collides with a number. */
function jsKey(text: string): string | number {
  const integer = integerKey(text)
  if (integer === null) return text
  const number = Number(integer)
  return Number.isSafeInteger(number) ? number : text
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10
  return -1
}

/** UTF-8 bytes to text; an invalid sequence becomes U+FFFD (maximal subpart, like TextDecoder). */
function utf8Decode(bytes: readonly number[]): string {
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]
    if (lead < 0x80) {
      out += String.fromCharCode(lead)
      i++
      continue
    }
    let need = 0
    let code = 0
    let lower = 0x80
    let upper = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1
      code = lead & 0x1f
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2
      code = lead & 0x0f
      if (lead === 0xe0) lower = 0xa0
      if (lead === 0xed) upper = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3
      code = lead & 0x07
      if (lead === 0xf0) lower = 0x90
      if (lead === 0xf4) upper = 0x8f
    } else {
      out += '\ufffd'
      i++
      continue
    }
    let j = i + 1
    let complete = true
    for (let k = 0; k < need; k++, j++) {
      const byte = j < bytes.length ? bytes[j] : -1
      if (byte < lower || byte > upper) {
        complete = false
        break
      }
      code = (code << 6) | (byte & 0x3f)
      lower = 0x80
      upper = 0xbf
    }
    out += complete ? String.fromCodePoint(code) : '\ufffd'
    i = j
  }
  return out
}

/** php_url_decode: '+' is a space, %XX a byte, a '%' without two hex digits stays as it is.
 * Decoded bytes of 0x80 and up are gathered and read as UTF-8 together. */
function urlDecode(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw
  let out = ''
  const pending: number[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    out += utf8Decode(pending)
    pending.length = 0
  }
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    if (code === 0x25 && i + 2 < raw.length) {
      const high = hexValue(raw.charCodeAt(i + 1))
      const low = hexValue(raw.charCodeAt(i + 2))
      if (high >= 0 && low >= 0) {
        i += 2
        const byte = high * 16 + low
        if (byte >= 0x80) {
          pending.push(byte)
          continue
        }
        flush()
        out += String.fromCharCode(byte)
        continue
      }
    }
    // A raw character never continues a pending sequence: its UTF-8 starts with a lead byte.
    flush()
    out += code === 0x2b ? ' ' : raw[i]
  }
  flush()
  return out
}

/** The parts of a variable name: the top-level name and the bracket indices after it
 * (null for "[]", append). */
interface VariablePath {
  name: string
  indices: Array<string | null>
}

/** Splits a decoded variable name the way php_register_variable_ex does, or returns null when
 * PHP drops the variable (empty name, or nested deeper than max_input_nesting_level: then the
 * whole top-level name is removed, `dropName`). */
function splitName(raw: string): VariablePath | { dropName: string } | null {
  // The name is a C string: it ends at the first NUL byte.
  const nul = raw.indexOf('\0')
  const full = (nul < 0 ? raw : raw.slice(0, nul)).replace(/^ +/, '')
  const open = full.indexOf('[')
  // PHP variable names cannot hold ' ' or '.', so a top-level name has them as '_'.
  const name = (open < 0 ? full : full.slice(0, open)).replace(/[ .]/g, '_')
  if (name === '') return null
  const indices: Array<string | null> = []
  if (open < 0) return { name, indices }
  let at = open
  for (let level = 1; ; level++) {
    if (level > MAX_NESTING_LEVEL) return { dropName: name }
    const start = at + 1
    // One white-space character (C isspace) before ']' still means "[]".
    const skipSpace = /[ \t\n\v\f\r]/.test(full[start] ?? '') ? start + 1 : start
    if (full[skipSpace] === ']') {
      indices.push(null)
      at = skipSpace
    } else {
      const close = full.indexOf(']', skipSpace)
      if (close < 0) {
        // An unmatched '[' on the first level is not an index: it becomes part of the name.
        if (indices.length === 0) return { name: `${name}_${full.slice(start).replace(/[ .[]/g, '_')}`, indices }
        // Deeper, the value goes to the last complete index and the rest is ignored.
        return { name, indices }
      }
      indices.push(full.slice(start, close))
      at = close
    }
    // Anything but '[' right after a ']' ends the name; what follows is ignored.
    if (full[at + 1] !== '[') return { name, indices }
    at += 1
  }
}

/** PHP arrays remember the next free integer key (nNextFreeElement); Maps need it kept beside. */
class ArrayState {
  private readonly nextFree = new WeakMap<PhpMap, bigint>()

  /** Records an integer key so that a later "[]" appends after it. */
  noteKey(array: PhpMap, key: string | number): void {
    const integer = typeof key === 'number' ? BigInt(key) : integerKey(key)
    if (integer === null) return
    const next = this.nextFree.get(array)
    if (next === undefined || integer >= next) this.nextFree.set(array, integer < INT64_MAX ? integer + 1n : INT64_MAX)
  }

  /** The key "[]" appends at, or null when PHP cannot append (the next key is taken). */
  appendKey(array: PhpMap): string | number | null {
    const key = jsKey((this.nextFree.get(array) ?? 0n).toString())
    return array.has(key) ? null : key
  }
}

/** Sets array[key] (or appends when key is null); returns the key used, or null when PHP drops it. */
function store(state: ArrayState, array: PhpMap, key: string | null, value: PhpValue): string | number | null {
  const jsIndex = key === null ? state.appendKey(array) : jsKey(key)
  if (jsIndex === null) return null
  // Map.set on an existing key keeps its position: PHP's later duplicates overwrite in place.
  array.set(jsIndex, value)
  state.noteKey(array, jsIndex)
  return jsIndex
}

function register(root: PhpMap, state: ArrayState, rawName: string, value: string): void {
  const path = splitName(rawName)
  if (path === null) return
  if ('dropName' in path) {
    root.delete(jsKey(path.dropName))
    return
  }
  const keys: Array<string | null> = [path.name, ...path.indices]
  let array = root
  for (let level = 0; level < keys.length - 1; level++) {
    const key = keys[level]
    const existing = key === null ? undefined : array.get(jsKey(key))
    if (existing instanceof Map) {
      array = existing
      continue
    }
    // A scalar in the way is replaced by a new array, in the scalar's position.
    const child: PhpMap = new Map()
    if (store(state, array, key, child) === null) return
    array = child
  }
  store(state, array, keys[keys.length - 1], value)
}

/** What PHP puts in $_POST for this form body: '+' and %XX decoded as UTF-8, a[b][c] nesting,
 * a[] appends, integer-like keys as numbers, a bracket group kept at its first position, later
 * duplicates overwrite in place, '.' and ' ' in top-level names become '_'. Nested arrays are Maps.
 * Where parse_str() and $_POST differ (a raw NUL byte in the body, the max_input_vars count),
 * this follows $_POST. Invalid UTF-8 cannot be held in a JS string: it becomes U+FFFD. */
export function parsePhpQuery(body: string): Map<string | number, PhpValue> {
  const root: PhpMap = new Map()
  const state = new ArrayState()
  let count = 0
  for (const part of body.split('&')) {
    if (part !== '') {
      const equals = part.indexOf('=')
      const name = urlDecode(equals < 0 ? part : part.slice(0, equals))
      const value = equals < 0 ? '' : urlDecode(part.slice(equals + 1))
      register(root, state, name, value)
    }
    // PHP's POST reader counts every segment, empty ones too, and checks max_input_vars only
    // after registering one: $_POST keeps the first 1001 segments.
    if (++count > MAX_INPUT_VARS) break
  }
  return root
}
