// The pseudo-locale in component tests: every catalog text wrapped in ⟦ ⟧, so any word on screen
// outside the brackets that is not data the test gave did not come from the catalog.
import { CATALOGS } from '#shared/i18n/catalog/index'
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoCatalog } from '#shared/i18n/pseudo'
import type { RenderOptions } from './render'

export const PSEUDO: RenderOptions = { language: 'en', catalogs: { en: pseudoCatalog(CATALOGS.en), ru: pseudoCatalog(CATALOGS.ru) } }

const READ_ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'aria-valuetext']

/** Words on screen outside ⟦ ⟧ that are not data from the fake (file names, headers, cells...). */
export function untranslated(data: string): string[] {
  // The page's text nodes in one string (a catalog text with markup inside, <strong> or a link,
  // spans several nodes); a separator keeps words of neighbouring nodes apart.
  const nodes: string[] = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node.textContent ?? '')
  const texts: string[] = [nodes.join('\u0001')]
  for (const element of document.body.querySelectorAll('*')) {
    for (const name of READ_ATTRIBUTES) {
      const value = element.getAttribute(name)
      if (value) texts.push(value)
    }
  }
  // Catalog texts nest (a sentence with translated words inside): strip the innermost first.
  const innermost = new RegExp(`${PSEUDO_OPEN}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`, 'g')
  const strip = (text: string): string => {
    const next = text.replace(innermost, ' ')
    return next === text ? text : strip(next)
  }
  const words = texts.flatMap((text) => strip(text).match(/\p{L}{2,}/gu) ?? [])
  return [...new Set(words.filter((word) => !data.includes(word)))]
}

