// A pseudo-locale for tests: every catalog text wrapped in ⟦ ⟧, its letters accented and its
// words made about 40% longer (every few letters doubled, so words grow the way Russian ones are
// longer, without one unbreakable run), with {{placeholders}} and <tags> left as they are. Text on screen
// without the brackets did not come from the catalog; layouts that break show the long words.
import type { Catalog } from './catalog/index'

/** The app shows the pseudo-locale when this localStorage key holds "1" (layout checks). */
export const PSEUDO_STORAGE_KEY = 'orderbatch-pseudo-locale'

export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

const ACCENTS: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý',
  c: 'ç', n: 'ñ', s: 'š', z: 'ž', C: 'Ç', N: 'Ñ', S: 'Š', Z: 'Ž'
}

const KEEP = /(\{\{[^}]*\}\}|<[^>]+>)/

export function pseudoText(text: string): string {
  const parts = text.split(KEEP)
  let growth = 0
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part
      return part.replace(/\p{L}/gu, (ch) => {
        const shown = ACCENTS[ch] ?? ch
        growth += 0.4
        if (growth < 1) return shown
        growth -= 1
        return shown + shown
      })
    })
    .join('')
  return `${PSEUDO_OPEN}${body}${PSEUDO_CLOSE}`
}

export function pseudoCatalog(catalog: Catalog): Catalog {
  return Object.fromEntries(Object.entries(catalog).map(([key, text]) => [key, pseudoText(text)]))
}
