// A full name in one cell, split into the parts CreateOrder takes. "John Smith" is given name
// first; a Russian ФИО ("Иванов Иван Иванович") is surname first; "Smith, John" says so itself.

export type NamePart = 'first' | 'last' | 'middle'
export type NameOrder = 'given-first' | 'surname-first'

export interface NameParts {
  first: string
  last: string
  middle: string
}

export function splitFullName(text: string, order: NameOrder): NameParts {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean === '') return { first: '', last: '', middle: '' }
  const comma = clean.indexOf(',')
  if (comma > 0) {
    // "Smith, John" / "Иванов, Иван Иванович": the part before the comma is the surname.
    const last = clean.slice(0, comma).trim()
    const rest = clean.slice(comma + 1).trim().split(' ').filter((t) => t !== '')
    return { last, first: rest[0] ?? '', middle: rest.slice(1).join(' ') }
  }
  const tokens = clean.split(' ')
  if (tokens.length === 1) return { first: tokens[0]!, last: '', middle: '' }
  if (order === 'surname-first') return { last: tokens[0]!, first: tokens[1]!, middle: tokens.slice(2).join(' ') }
  return { first: tokens[0]!, last: tokens.slice(1).join(' '), middle: '' }
}

export function namePart(text: string, part: NamePart, order: NameOrder): string {
  return splitFullName(text, order)[part]
}
