// Strict UTF-8 decoding: both the test that bytes are UTF-8 and, usually, the text itself.

/** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
