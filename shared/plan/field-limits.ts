// How long one field of an order may be. No CreateOrder field needs more than a few kilobytes (a
// long comment, a list of tags); a cell of megabytes is a mistake (a pasted file, a broken export)
// and would make a request body of that size. Such a value is an error on its row, named here.
import { valueProblem, type ValueCheck, type ValueProblem } from './validate-order'

/** The limit for one field, in UTF-8 bytes (as the field goes on the wire, before escaping). */
export const MAX_FIELD_BYTES = 64 * 1024

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** Whether a value is longer than one field may be. A text of at most a third of the limit in
 * UTF-16 units cannot be (3 bytes per unit at most), so nearly every value is judged at once. */
export function overFieldLimit(value: string): boolean {
  return value.length * 3 > MAX_FIELD_BYTES && utf8Length(value) > MAX_FIELD_BYTES
}

export function fieldTooLong(value: string): ValueProblem {
  const kb = Math.ceil(utf8Length(value) / 1024)
  return valueProblem('too-long', 'too-long', { kb, max: MAX_FIELD_BYTES / 1024 })
}

/** The check of a field with the length limit in front of it. */
export function withFieldLimit(check: ValueCheck | null): ValueCheck {
  if (check === null) return (value) => (overFieldLimit(value) ? fieldTooLong(value) : null)
  return (value) => (overFieldLimit(value) ? fieldTooLong(value) : check(value))
}
