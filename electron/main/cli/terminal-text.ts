// Text from outside (file names, sheet and column names, cell values, the API's texts) printed to
// a terminal. Control characters in it could move the cursor, recolour, retitle or clear the
// terminal, or forge a line ("Run 1 finished: ..."), so they are shown escaped: "\n", "\t",
// "\u001b". Bidirectional overrides and line separators are escaped too (they reorder or split
// what is shown). Two levels: a value inside a line (everything escaped), and a whole output
// (the line breaks that Orderbatch writes itself kept; the CLI's io does this for every write).

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** A value shown inside a line: every control character escaped, line breaks included. */
export function termText(value: string): string {
  return value.replace(CONTROLS, escapeOne)
}

/** The exact sequence the progress line uses to redraw itself (carriage return, erase line). */
const REDRAW = '\r\x1b[2K'
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const OUTPUT_CONTROLS = /\r\x1b\[2K|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** A whole piece of output: line breaks (\n) and the progress redraw are kept, every other
 * control character is escaped. JSON output means the same after this (an escaped character in
 * a JSON string is the same character). */
export function termOutput(text: string): string {
  return text.replace(OUTPUT_CONTROLS, (match) => (match === REDRAW ? match : escapeOne(match)))
}

/** A name (file, sheet, column) shown quoted and escaped, cut to `max` characters. */
export function termName(name: string, max = 100): string {
  const short = name.length > max ? `${name.slice(0, max - 1)}…` : name
  return `"${termText(short)}"`
}

/** A list shown on one line, at most `max` items, then how many more. */
export function limitedList(items: readonly string[], max: number, show: (item: string) => string = (item) => termName(item)): string {
  const shown = items.slice(0, max).map(show).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}
