// Cells a spreadsheet could run as a formula, made inert the way OWASP describes for CSV
// injection (and ASVS 5.0 V1.2.10 for CSV and XLSX alike): a cell that starts with = + - @,
// TAB, CR, LF or NUL gets a leading single quote, which Excel and LibreOffice show as text.
//
// Decisions:
// - The rule is applied to every cell, including the API's own error texts (the remote side
//   is untrusted) and the header row.
// - Leading spaces do not hide a trigger: " =1+1" is prefixed too, because some programs trim
//   spaces before they look for a formula.
// - No exceptions for harmless-looking values: "-" alone, "-5" and "+7 916 123-45-67" are
//   prefixed as well. We export text, never numbers, so there is no numeric column to spare;
//   a phone number keeps its digits and shows a visible quote.
// - A cell that already starts with a quote before a trigger ("'=x") gets one more quote, so
//   unFormulaSafe() gives back exactly the original text: a fixed export read by
//   "orderbatch retry --from" sends what the user typed, not our quotes.
// - Commas, semicolons and quotes inside a cell are the CSV writer's job: it quotes every
//   field, so ",=1+1" stays one cell that starts with a comma even where Excel splits on ";".

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0'])
/** Spaces a spreadsheet may trim before reading the cell. */
const LEADING_SPACE = /^[ \u00a0\u3000]+/

function needsQuote(text: string): boolean {
  const first = text.replace(LEADING_SPACE, '').charAt(0)
  if (TRIGGERS.has(first)) return true
  return text.startsWith("'") && needsQuote(text.slice(1))
}

export function formulaSafe(text: string): string {
  // Most cells start with a letter or a digit: nothing to look at.
  const first = text.charCodeAt(0)
  if ((first > 0x40 && first !== 0xa0 && first !== 0x3000) || (first >= 0x30 && first <= 0x39)) return text
  return needsQuote(text) ? `'${text}` : text
}

/** The inverse of formulaSafe, for reading a file we exported (and the user edited) back in. */
export function unFormulaSafe(text: string): string {
  return text.startsWith("'") && needsQuote(text.slice(1)) ? text.slice(1) : text
}
