// Turns the bytes of a text file into a string, detecting the encoding: a byte order mark first,
// then UTF-16 without one, then valid UTF-8, and otherwise the Windows code page the letters fit
// (Cyrillic 1251 or Western 1252), which is what Excel's "CSV" on Windows writes.
import type { Detected } from '#shared/sheet/sheet'
import { detected } from './detected'
import { sheetReadError, why } from './sheet-error'
import { looksLikeUtf16 } from './sniff-content'
import { strictUtf8 } from './utf8'

export interface DecodedText {
  text: string
  encoding: Detected<string>
}

/** `utf8`: the bytes already decoded by strictUtf8(), when sniffing did that. */
export function decodeText(bytes: Uint8Array, file: string, override?: string, utf8Known?: string): DecodedText {
  if (override !== undefined && override.trim() !== '') return decodeAs(bytes, chosenEncoding(override, file))
  const marked = detectMarkedEncoding(bytes)
  if (marked) return decodeAs(bytes, marked)
  // Decoding strictly as UTF-8 is both the validity test and, usually, the result.
  const utf8 = utf8Known ?? strictUtf8(bytes)
  if (utf8 !== null) return { text: withoutBom(utf8), encoding: utf8Detected(bytes, utf8) }
  return decodeAs(bytes, guessWindowsCodePage(bytes))
}

export function detectEncoding(bytes: Uint8Array): Detected<string> {
  const marked = detectMarkedEncoding(bytes)
  if (marked) return marked
  const utf8 = strictUtf8(bytes)
  return utf8 !== null ? utf8Detected(bytes, utf8) : guessWindowsCodePage(bytes)
}

/** An encoding the bytes announce: a byte order mark, or the zero bytes of UTF-16. */
function detectMarkedEncoding(bytes: Uint8Array): Detected<string> | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return detected('utf-8', 1, 'UTF-8 byte order mark', 'detect.bom', { encoding: 'UTF-8' })
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return detected('utf-16le', 1, 'UTF-16LE byte order mark', 'detect.bom', { encoding: 'UTF-16LE' })
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return detected('utf-16be', 1, 'UTF-16BE byte order mark', 'detect.bom', { encoding: 'UTF-16BE' })
  const utf16 = looksLikeUtf16(bytes)
  if (utf16) return detected(utf16, 0.8, `no byte order mark, but every other byte is zero, as in ${utf16.toUpperCase()} text`, 'detect.utf16', { encoding: utf16.toUpperCase() })
  return null
}

/** `text` is `bytes` decoded as UTF-8: every character beyond ASCII takes more than one byte,
 * so the text is plain ASCII exactly when it has as many characters as there are bytes. */
function utf8Detected(bytes: Uint8Array, text: string): Detected<string> {
  return text.length === bytes.length
    ? detected('utf-8', 1, 'plain ASCII text (reads the same in every common encoding)', 'detect.ascii')
    : detected('utf-8', 0.98, 'the text is valid UTF-8', 'detect.utf8')
}

function decodeAs(bytes: Uint8Array, encoding: Detected<string>): DecodedText {
  return { text: withoutBom(new TextDecoder(encoding.value).decode(bytes)), encoding }
}

/** TextDecoder drops a BOM only when it matches the encoding; a forced encoding may leave one. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function chosenEncoding(label: string, file: string): Detected<string> {
  try {
    return detected(new TextDecoder(label.trim()).encoding, 1, 'chosen by you', 'detect.chosen')
  } catch {
    throw sheetReadError('encoding', file, `"${label}" is not an encoding this app knows. Use a name such as utf-8, windows-1251, windows-1252 or utf-16le.`, why('sheet.unknownEncoding', { label }))
  }
}

/** Bytes 0xC0-0xFF are Cyrillic letters in Windows-1251 and accented Latin letters in 1252.
 * Cyrillic words are made of them, so they come in runs; Western accents sit between plain
 * ASCII letters ("Müller", "café"). Counting both neighbourhoods tells the two apart. */
function guessWindowsCodePage(bytes: Uint8Array): Detected<string> {
  let inRuns = 0
  let besideAscii = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0xc0) continue
    const before = i > 0 ? bytes[i - 1]! : 0x20
    const after = i + 1 < bytes.length ? bytes[i + 1]! : 0x20
    if (isHighLetter(before) || isHighLetter(after)) inRuns++
    if (isAsciiLetter(before) || isAsciiLetter(after)) besideAscii++
  }
  const total = inRuns + besideAscii
  if (total === 0) {
    return detected('windows-1252', 0.5, 'not valid UTF-8, and no letters tell Cyrillic from Western text; assuming Windows-1252', 'detect.assume1252')
  }
  if (inRuns > besideAscii) {
    return detected('windows-1251', round(0.5 + 0.45 * (inRuns / total)), 'not valid UTF-8; the letters form Cyrillic words in Windows-1251', 'detect.cyrillic1251')
  }
  return detected('windows-1252', round(0.5 + 0.45 * (besideAscii / total)), 'not valid UTF-8; accented letters inside Latin words, as in Windows-1252', 'detect.latin1252')
}

/** 0xA8 and 0xB8 are Ё and ё in Windows-1251. */
function isHighLetter(b: number): boolean {
  return b >= 0xc0 || b === 0xa8 || b === 0xb8
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
