// Server answers are kept for audit and reconciliation, but a misbehaving server must not be able
// to bloat the journal: each answer is cut at 64 KB (on a character boundary).
export const RAW_ANSWER_LIMIT_BYTES = 64 * 1024

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export interface CappedRaw {
  raw: string | null
  /** UTF-8 size of the whole answer. */
  rawSize: number | null
}

export function capRaw(raw: string | null | undefined): CappedRaw {
  if (raw === null || raw === undefined) return { raw: null, rawSize: null }
  const bytes = encoder.encode(raw)
  if (bytes.length <= RAW_ANSWER_LIMIT_BYTES) return { raw, rawSize: bytes.length }
  let end = RAW_ANSWER_LIMIT_BYTES
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1
  return { raw: decoder.decode(bytes.subarray(0, end)), rawSize: bytes.length }
}
