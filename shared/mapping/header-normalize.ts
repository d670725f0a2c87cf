// Header text reduced to what identifies a column: the same words in the same order, whatever
// the case, punctuation, script mixing or word endings the exporting program chose.

/** Lower case, ё read as е, "#" and "№" read as "no", every run of punctuation, symbols,
 * spaces, underscores and dashes folded to one space, digits split from letters and Latin from
 * Cyrillic ("Товар2" → "товар 2"), and "e mail" joined to "email". Numbers are kept: whether
 * a trailing number means "good 2" is for the caller to decide. */
export function normalizeHeader(h: string): string {
  // NFKC: full-width letters, non-breaking spaces, "№" → "No". One pass over the characters
  // after that, because this runs for every header and every known name.
  const text = (NON_ASCII.test(h) ? h.normalize('NFKC') : h).toLowerCase().replace(/ё/g, 'е').replace(/#/g, ' no ')
  const tokens: string[] = []
  let token = ''
  let kind: CharKind = 'separator'
  for (const ch of text) {
    const next = charKind(ch)
    if (next === 'separator' || (token !== '' && !sameWord(kind, next))) {
      if (token !== '') tokens.push(token)
      token = ''
    }
    if (next !== 'separator') {
      token += ch
      kind = next
    }
  }
  if (token !== '') tokens.push(token)
  return joinSplitEmail(tokens).join(' ')
}

const NON_ASCII = /[^ -~]/
const LETTER = /\p{L}|\p{M}/u
const NUMBER = /\p{N}/u

type CharKind = 'digit' | 'latin' | 'cyrillic' | 'letter' | 'separator'

function charKind(ch: string): CharKind {
  const code = ch.codePointAt(0)!
  if (code >= 48 && code <= 57) return 'digit'
  if (code >= 97 && code <= 122) return 'latin'
  if (code < 128) return 'separator'
  if (code >= 0x400 && code <= 0x4ff) return 'cyrillic'
  if (LETTER.test(ch)) return 'letter'
  return NUMBER.test(ch) ? 'digit' : 'separator'
}

/** Digits never join letters, and Latin never joins Cyrillic; other letters (é, ß) join either. */
function sameWord(a: CharKind, b: CharKind): boolean {
  if (a === 'digit' || b === 'digit') return a === b
  return a === b || a === 'letter' || b === 'letter'
}

function joinSplitEmail(tokens: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'e' && tokens[i + 1] === 'mail') {
      out.push('email')
      i += 1
    } else out.push(tokens[i]!)
  }
  return out
}

/** The normalized header without spaces, so "Zip code", "zipcode" and "ZIP-Code" compare equal. */
export function compactHeader(normalized: string): string {
  return normalized.replace(/ /g, '')
}

// Longest first, so "ами" is cut before "и".
const RUSSIAN_ENDINGS = [
  'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их',
  'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь'
]
const CYRILLIC = /[\u0400-\u04ff]/

/** A crude stem, enough to read "телефона" as "телефон" and "notes" as "note". Both sides of
 * a comparison are stemmed the same way, so a stem only has to be consistent, not correct. */
export function stemToken(token: string): string {
  if (token.length < 4) return token
  if (CYRILLIC.test(token)) {
    for (const ending of RUSSIAN_ENDINGS) {
      if (token.endsWith(ending) && token.length - ending.length >= 3) return token.slice(0, -ending.length)
    }
    return token
  }
  return token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token
}

/** Stemmed words of a normalized header. */
export function headerStems(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ').map(stemToken)
}

// Words that say whose value it is or in which currency, not which value: "Customer email",
// "Email клиента", "Ваш телефон", "Стоимость, RUB" all name the same thing as the bare word.
const FILLER_WORDS = [
  'of', 'the', 'a', 'an', 'and', 'for', 'to', 'in', 'at', 'by', 'your', 'customer', 'client', 'buyer', 'user', 'contact',
  'participant', 'attendee', 'member', 'person', 'recipient', 'billing', 'ваш', 'ваша', 'ваше', 'клиента',
  'покупателя', 'заказчика', 'участника', 'пользователя', 'получателя', 'контактный', 'контактное', 'и',
  'к', 'в', 'на', 'для', 'по', 'rub', 'руб', 'р', 'usd', 'eur', 'uah', 'kzt', 'byn', 'rur', 'utc'
]
const FILLER_STEMS: ReadonlySet<string> = new Set(FILLER_WORDS.map(stemToken))

export function isFillerStem(stem: string): boolean {
  return FILLER_STEMS.has(stem)
}

export function isNumberToken(token: string): boolean {
  return /^[0-9]+$/.test(token)
}
