// Auto-map says why as codes with parameters; the words are in the catalog, in both languages.
import { describe, expect, it } from 'vitest'
import { autoMap } from '#shared/mapping/auto-map'
import { AMBIGUITY_KEYS, GROUP_BY_KEYS, MATCH_REASON_KEYS, ambiguityText, groupByText, matchReasonText } from '#shared/mapping/auto-map-reasons'
import { FIELD_CATALOG } from '#shared/mapping/catalog'
import { en } from '#shared/i18n/catalog/en'
import { ru } from '#shared/i18n/catalog/ru'
import { translatorFor } from '#shared/i18n/translate'

const RU = translatorFor('ru')

function inCatalog(catalog: Record<string, string>, key: string): boolean {
  return key in catalog || `${key}_other` in catalog
}

describe('auto-map reasons', () => {
  it('have a key in both catalogs for every code, and a name for every field they mention', () => {
    const keys = [...Object.values(MATCH_REASON_KEYS), ...Object.values(AMBIGUITY_KEYS).flat(), ...Object.values(GROUP_BY_KEYS)]
    keys.push('automap.match.numbered', 'automap.column', 'automap.list', 'automap.listSeparator', 'automap.orderNumber', 'automap.field', 'automap.groupBy.rejected', 'automap.groupBy.notFound')
    for (const key of keys) {
      expect(inCatalog(en, key), `en ${key}`).toBe(true)
      expect(inCatalog(ru, key), `ru ${key}`).toBe(true)
    }
    for (const spec of FIELD_CATALOG) {
      // The English label is the catalog's English name, so English messages keep their words.
      expect(en[`field.${spec.key}` as keyof typeof en], spec.key).toBe(spec.label)
      expect(inCatalog(ru, `field.${spec.key}`), spec.key).toBe(true)
    }
  })

  it('fill the English strings from the English catalog', () => {
    const result = autoMap(['E-mail', 'Почта', 'Product 2'])
    expect(result.matches.map((m) => m.reason)).toEqual(['is a known name for this field ("Product"), good number 2'])
    expect(result.matches[0]!.why).toEqual({ code: 'known-name', params: { name: 'Product' }, good: 2 })
    expect(result.ambiguities[0]!.message).toBe(
      'Columns "E-mail" (column A) and "Почта" (column B) both look like E-mail (bill_email); none was used so nothing is guessed. Pick the right column for E-mail (bill_email) by hand.'
    )
  })

  it('render in Russian, with Russian plural forms', () => {
    const result = autoMap(['E-mail', 'Почта', 'Product 2', '№'], [1, 2, 3, 4].map((n) => ['a@x.ru', 'b@x.ru', 'p', String(n)]))
    expect(ambiguityText(result.ambiguities[0]!, RU)).toBe(
      'Оба столбца «E-mail» (столбец A) и «Почта» (столбец B) похожи на поле «E-mail (bill_email)»; ни один не взят, чтобы ничего не угадывать. Выберите нужный столбец для поля «E-mail (bill_email)» вручную.'
    )
    expect(matchReasonText(result.matches[0]!.why, RU)).toBe('известное название этого поля («Product»), товар номер 2')
    expect(groupByText(result.groupByWhy, RU)).toContain('Столбец «№» (столбец D) не использован для объединения строк: в первых 4 строках ни одно значение не повторяется')
    expect(result.groupByReason).toContain('no value repeats in the first 4 rows')

    const one = autoMap(['№', 'Email'], [['7', 'a@x.ru']])
    expect(groupByText(one.groupByWhy, RU)).toContain('в первой 1 строке ни одно значение не повторяется')
    const grouped = autoMap(['Order', 'Email'], [['1043', 'a'], ['1043', 'b'], ['1044', 'c']])
    expect(groupByText(grouped.groupByWhy, RU)).toBe('Строки с одинаковым значением в столбце «Order» (столбец A) — один заказ: значения повторяются («1043» — в 2 из первых 3 строк).')
    const either = autoMap(['Телефон и email', 'Product'])
    expect(ambiguityText(either.ambiguities[0]!, RU)).toMatch(/^Столбец «Телефон и email» \(столбец A\) может быть и полем «(E-mail \(bill_email\)|Телефон \(bill_phone\))»/)
  })
})
