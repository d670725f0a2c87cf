// Splits well-formed CSV text into records exactly as Papa Parse does (same line-break guess,
// same fields, a record per line break, blank lines included), in about three quarters of its
// time and with row arrays of their exact size. Only text whose every quoted field is closed and
// directly followed by the delimiter, a line break or the end is taken; for anything else (an
// unclosed or malformed quote, spaces after a closing quote, a delimiter Papa would replace)
// it answers null and the caller lets Papa Parse read the text, errors and all.

/** Papa.BAD_DELIMITERS: Papa Parse falls back to ',' for these. */
const PAPA_BAD_DELIMITERS = new Set(['\r', '\n', '"', '\ufeff'])
const QUOTE = 34
const DOUBLED_QUOTES = /""/g
/** Papa Parse guesses the line break from the first megabyte. */
const GUESS_CHARS = 1024 * 1024

export type SplitOutcome = { kind: 'records'; records: string[][] } | { kind: 'too-many' } | { kind: 'not-plain' }

/** Papa Parse's guessLineEndings with '"' as the quote, verbatim in effect: text in quotes is
 * ignored, '\n' wins when it comes first or there is no '\r', else '\r\n' when at least half
 * the '\r' are followed by '\n'. */
export function papaLineBreak(text: string): '\n' | '\r\n' | '\r' {
  const head = text.substring(0, GUESS_CHARS).replace(/"([^]*?)"/gm, '')
  const r = head.split('\r')
  const n = head.split('\n')
  const nAppearsFirst = n.length > 1 && (n[0] as string).length < (r[0] as string).length
  if (r.length === 1 || nAppearsFirst) return '\n'
  let withN = 0
  for (let i = 0; i < r.length; i++) if ((r[i] as string)[0] === '\n') withN++
  return withN >= r.length / 2 ? '\r\n' : '\r'
}

/** Every record of `text` (blank ones as ['']), stopping with 'too-many' once `accept` says no.
 * `accept` sees each record and answers whether reading may go on. */
export function splitPlainCsv(text: string, delimiter: string, accept: (record: string[]) => boolean): SplitOutcome {
  if (delimiter.length !== 1 || PAPA_BAD_DELIMITERS.has(delimiter)) return { kind: 'not-plain' }
  const newline = papaLineBreak(text)
  const newlineLength = newline.length
  const length = text.length
  const records: string[][] = []
  const fields: string[] = []
  let count = 0
  let cursor = 0
  let nextDelimiter = text.indexOf(delimiter, 0)
  let nextNewline = text.indexOf(newline, 0)
  const endRecord = (): boolean => {
    const record = fields.slice(0, count)
    count = 0
    records.push(record)
    return accept(record)
  }
  for (;;) {
    if (text.charCodeAt(cursor) === QUOTE) {
      const close = closingQuote(text, cursor + 1)
      if (close < 0) return { kind: 'not-plain' }
      const inner = text.substring(cursor + 1, close)
      fields[count++] = inner.indexOf('"') < 0 ? inner : inner.replace(DOUBLED_QUOTES, '"')
      const after = close + 1
      if (after === length) return endRecord() ? { kind: 'records', records } : { kind: 'too-many' }
      if (text.startsWith(delimiter, after)) {
        cursor = after + 1
      } else if (text.startsWith(newline, after)) {
        cursor = after + newlineLength
        if (!endRecord()) return { kind: 'too-many' }
      } else {
        return { kind: 'not-plain' }
      }
      if (nextDelimiter !== -1 && nextDelimiter < cursor) nextDelimiter = text.indexOf(delimiter, cursor)
      if (nextNewline !== -1 && nextNewline < cursor) nextNewline = text.indexOf(newline, cursor)
      continue
    }
    if (nextDelimiter !== -1 && (nextDelimiter < nextNewline || nextNewline === -1)) {
      fields[count++] = text.substring(cursor, nextDelimiter)
      cursor = nextDelimiter + 1
      nextDelimiter = text.indexOf(delimiter, cursor)
      continue
    }
    if (nextNewline !== -1) {
      fields[count++] = text.substring(cursor, nextNewline)
      cursor = nextNewline + newlineLength
      nextNewline = text.indexOf(newline, cursor)
      if (!endRecord()) return { kind: 'too-many' }
      continue
    }
    // The last record runs to the end of the text ('' after a final line break, as in Papa).
    fields[count++] = text.substring(cursor)
    return endRecord() ? { kind: 'records', records } : { kind: 'too-many' }
  }
}

/** Index of the quote that closes a quoted field whose text starts at `from` ("" is a quote in
 * the text), or -1 when it is never closed. */
function closingQuote(text: string, from: number): number {
  let at = from
  for (;;) {
    const quote = text.indexOf('"', at)
    if (quote < 0) return -1
    if (text.charCodeAt(quote + 1) !== QUOTE) return quote // NaN past the end: the last quote closes
    at = quote + 2
  }
}
