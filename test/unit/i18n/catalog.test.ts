// The catalogs: the same keys in every language, the plural forms each language needs, and
// placeholders that match, so no text is missing or half-filled in either language.
import { describe, expect, it } from 'vitest'
import { baseKey, CATALOGS, isCatalogKey } from '#shared/i18n/catalog/index'
import { en } from '#shared/i18n/catalog/en'
import { ru } from '#shared/i18n/catalog/ru'
import { pseudoCatalog, pseudoText } from '#shared/i18n/pseudo'
import { translatorFor } from '#shared/i18n/translate'

const PLURALS = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const

function baseKeys(catalog: Record<string, string>): Set<string> {
  return new Set(Object.keys(catalog).map(baseKey))
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] as string).sort()
}

describe('catalogs', () => {
  it('have the same keys in English and Russian', () => {
    const english = baseKeys(en)
    const russian = baseKeys(ru)
    expect([...english].filter((k) => !russian.has(k))).toEqual([])
    expect([...russian].filter((k) => !english.has(k))).toEqual([])
  })

  it('have every plural category a language uses, and no other', () => {
    for (const [language, categories] of Object.entries(PLURALS) as Array<[keyof typeof PLURALS, readonly string[]]>) {
      const catalog: Record<string, string> = CATALOGS[language]
      const plural = new Set(Object.keys(catalog).filter((k) => k !== baseKey(k)).map(baseKey))
      for (const key of plural) {
        const present = categories.filter((c) => `${key}_${c}` in catalog)
        expect(present, `${language} ${key}`).toEqual([...categories])
        expect(key in catalog, `${language} ${key} has a plain form too`).toBe(false)
      }
      // A key plural in one language is plural in the other.
      for (const key of plural) expect(`${key}_other` in en, key).toBe(true)
    }
  })

  it('fill the same placeholders in both languages', () => {
    for (const key of baseKeys(en)) {
      const english = en[(key in en ? key : `${key}_other`) as keyof typeof en]
      const russian = ru[(key in ru ? key : `${key}_other`) as keyof typeof ru]
      expect(placeholders(russian), key).toEqual(placeholders(english))
    }
  })

  it('knows its keys', () => {
    expect(isCatalogKey('send.queued')).toBe(true)
    expect(isCatalogKey('send.queued_one')).toBe(true)
    expect(isCatalogKey('no.such.key')).toBe(false)
  })
})

describe('plurals (CLDR one/few/many/other)', () => {
  const ruT = translatorFor('ru')
  const enT = translatorFor('en')

  it('says 1 заказ, 2 заказа, 5 заказов, 21 заказ, 1,5 заказа', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((count) => ruT('send.queued', { count }))).toEqual([
      'В очереди 1 заказ',
      'В очереди 2 заказа',
      'В очереди 5 заказов',
      'В очереди 11 заказов',
      'В очереди 21 заказ',
      'В очереди 22 заказа',
      'В очереди 25 заказов',
      'В очереди 111 заказов'
    ])
    expect(ruT('send.queued', { count: 1.5 })).toBe('В очереди 1,5 заказа')
    expect(ruT('review.status.problems', { count: 3 })).toBe('3 проблемы')
    expect(ruT('load.columns', { count: 14 })).toBe('14 столбцов')
  })

  it('says 1 order, 2 orders and groups thousands the way the language does', () => {
    expect([1, 2, 21].map((count) => enT('send.queued', { count }))).toEqual(['1 order queued', '2 orders queued', '21 orders queued'])
    expect(enT('send.queued', { count: 12_500 })).toBe('12,500 orders queued')
    expect(ruT('send.queued', { count: 12_500 })).toBe('В очереди 12\u00a0500 заказов')
  })

  it('translates plain keys in each language', () => {
    expect(ruT('connection.title')).toBe('Подключение')
    expect(enT('connection.title')).toBe('Connection')
  })
})

describe('pseudo-locale', () => {
  it('wraps, accents and lengthens a text, keeping placeholders and tags', () => {
    const text = pseudoText('Look for <strong>{{who}}</strong> in your shop')
    expect(text.startsWith('⟦') && text.endsWith('⟧')).toBe(true)
    expect(text).toContain('<strong>{{who}}</strong>')
    expect(text.replace(/<[^>]+>|\{\{[^}]+\}\}/g, '')).not.toMatch(/[aeiou]/)
    const letters = 'Lookforinyourshop'.length
    expect(text.length).toBeGreaterThanOrEqual('Look for <strong>{{who}}</strong> in your shop'.length + Math.floor(letters * 0.4))
    expect(pseudoText('Send')).toBe('⟦Šéññd⟧')
    expect(Object.keys(pseudoCatalog(en))).toEqual(Object.keys(en))
  })
})
