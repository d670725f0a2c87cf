// Cell text for the millions of cells a plan reads. Most cells need no trimming, and telling
// that from their first and last characters is much cheaper than the trimming regex.
import type { Cell } from '../sheet/sheet'
import { cellToText, type TextOptions } from '../transforms/index'

/** No white space of any kind (Unicode White_Space, U+200B, U+FEFF) lies in 0x21-0x7E or
 * 0xA1-0x167F, which covers Latin, Cyrillic, Greek, Arabic and Hebrew letters and digits. */
function solid(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code > 0xa0 && code < 0x1680)
}

/** True when `text` starts with a character that is certainly not white space, so it is not blank. */
export function startsSolid(text: string): boolean {
  return text !== '' && solid(text.charCodeAt(0))
}

/** True when `text` is not empty and trimming would certainly leave it as it is. */
export function isSolid(text: string): boolean {
  return text !== '' && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1))
}

/** Exactly cellToText(cell, options), faster for strings with nothing to trim. */
export function cellText(cell: Cell, options: TextOptions): string {
  if (typeof cell === 'string' && isSolid(cell)) return cell
  return cellToText(cell, options)
}
