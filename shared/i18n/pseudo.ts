// A pseudo-locale for tests: every catalog text wrapped in ⟦ ⟧, its letters accented and the
// text made about 40% longer, with {{placeholders}} and <tags> left as they are. Text on screen
// without the brackets did not come from the catalog; layouts that break show the long words.
import type { Catalog } from './catalog/index'

export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

const ACCENTS: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý',
  c: 'ç', n: 'ñ', s: 'š', z: 'ž', C: 'Ç', N: 'Ñ', S: 'Š', Z: 'Ž'
}

const KEEP = /(\{\{[^}]*\}\}|<[^>]+>)/

export function pseudoText(text: string): string {
  const parts = text.split(KEEP)
  let letters = 0
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part
      letters += part.replace(/[^\p{L}]/gu, '').length
      return part.replace(/[A-Za-z]/g, (ch) => ACCENTS[ch] ?? ch)
    })
    .join('')
  return `${PSEUDO_OPEN}${body}${'~'.repeat(Math.ceil(letters * 0.4))}${PSEUDO_CLOSE}`
}

export function pseudoCatalog(catalog: Catalog): Catalog {
  return Object.fromEntries(Object.entries(catalog).map(([key, text]) => [key, pseudoText(text)]))
}
