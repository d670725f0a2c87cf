// The source detection's notes are codes with parameters; their words are in the catalog in both
// languages, and the guess warning too. English stays as it was (source-map.test.ts asserts it).
import { describe, expect, it } from 'vitest'
import { mapSource } from '#shared/mapping/source-map'
import { NOTE_KEYS, guessText, noteText, translateNote } from '#shared/presets/notes'
import { en } from '#shared/i18n/catalog/en'
import { ru } from '#shared/i18n/catalog/ru'
import { translatorFor } from '#shared/i18n/translate'
import type { Cell } from '#shared/sheet/sheet'

const RU = translatorFor('ru')
const inCatalog = (catalog: Record<string, string>, key: string) => key in catalog || `${key}_other` in catalog

function notesOf(headers: string[], rows: Cell[][]) {
  return mapSource(headers, rows, { timeZone: 'Europe/Moscow', timeZoneWhy: 'set with --time-zone' })
}

describe('notes in the catalog', () => {
  it('have a key in both catalogs for every code, and for every part a note is made of', () => {
    const parts = Object.keys(en).filter((k) => k.startsWith('note.'))
    for (const key of [...Object.values(NOTE_KEYS), ...parts]) {
      expect(inCatalog(en, key.replace(/_(one|other)$/, '')), `en ${key}`).toBe(true)
      expect(inCatalog(ru, key.replace(/_(one|other)$/, '')), `ru ${key}`).toBe(true)
    }
  })

  it('render every note of a sheet in Russian, with nothing left to fill in', () => {
    const result = notesOf(['ФИО', 'Email', 'Product name', 'Product SKU', 'Price', 'Date'], [
      ['Иванова Мария Петровна', 'm@x.ru', 'Nice course for you', 'C-1', '5', '11/20/2026 10:00'],
      ['Петров Иван', 'i@x.ru', 'Another nice course', 'C-2', '7', '03/04/2026 10:00']
    ])
    expect(result.notes.length).toBeGreaterThan(2)
    for (const note of result.notes) {
      const text = translateNote(note, RU)
      expect(text, note.code).not.toContain('{{')
      expect(text, note.code).not.toBe(noteText(note))
    }
    const texts = result.notes.map((n) => translateNote(n, RU)).join('\n')
    expect(texts).toContain('Полные имена в «ФИО» разделяются так: сначала фамилия (ФИО); «Иванова Мария Петровна» даёт имя «Мария», фамилию «Иванова», отчество «Петровна».')
    expect(texts).toContain('Даты в «Date» читаются так: сначала месяц; «11/20/2026 10:00» можно прочитать, только если первым идёт месяц.')
    expect(texts).toContain('Время без часового пояса читается в поясе Europe/Moscow (задан через --time-zone).')
    expect(texts).not.toMatch(/can only be read|set with|[a-z]+ [a-z]+ [a-z]+ [a-z]+/)
  })

  it('word the guess warning in Russian, and in English as the plan has it', () => {
    const result = notesOf(['Email', 'Product name', 'Product SKU', 'Price'], [['a@x.com', 'Nice course for you', 'C-1', '5']])
    const guess = result.mapping.guesses![0]!
    expect(guessText(guess)).toBe(
      'Column "Product SKU" was chosen for Product ID (goods[0][good_name]) by a rule (Column "Product SKU" (product IDs) is the product, not "Product name" (titles).); confirm it in the mapping, or pick another column with --map goods[0][good_name]=COLUMN.'
    )
    expect(guessText(guess, RU)).toBe(
      'Столбец «Product SKU» выбран для поля «Идентификатор продукта (goods[0][good_name])» по правилу (Товар — столбец «Product SKU» (идентификаторы товаров), а не «Product name» (названия).); подтвердите это в сопоставлении или выберите другой столбец через --map goods[0][good_name]=COLUMN.'
    )
  })

  it('word why dates are read in an order, in Russian too', () => {
    const ambiguous = notesOf(['Email', 'Product', 'Date'], [['a@x.com', 'P', '03/04/2026']]).notes.find((n) => n.code === 'date.ambiguous')!
    expect(noteText(ambiguous)).toBe(
      'The day/month order of "Date" cannot be told: no date in the column has a day above 12, so "03/04/2026" could be read either way: choose the date order. Set it with --date-order dmy|mdy (or in the Map step).'
    )
    expect(translateNote(ambiguous, RU)).toBe(
      'Порядок дня и месяца в «Date» определить нельзя: ни в одной дате столбца день не больше 12, поэтому «03/04/2026» читается двояко: выберите порядок даты. Задайте его через --date-order dmy|mdy (или на шаге «Поля»).'
    )
    // A note made before the reason was a code keeps its English reason.
    expect(translateNote({ code: 'date.order', params: { column: 'D', order: 'dmy', reason: 'old words' } }, RU)).toBe('Даты в «D» читаются так: сначала день; old words.')
  })

  it('use the Russian plural forms', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => String(i + 2)).join(', ')
    const skipped = (count: number) => translateNote({ code: 'totals.skipped', params: { rows: rows(count), count, example: 'Итого' } }, RU)
    expect(skipped(1)).toBe('Строка 2 — строка итогов («Итого»), она пропущена.')
    expect(skipped(3)).toBe('Строки 2, 3, 4 — строки итогов («Итого»), они пропущены.')
    const repeats = (count: number) => translateNote({ code: 'group.repeats', params: { column: 'Ref', value: '#1001', count } }, RU)
    expect(repeats(2)).toContain('«#1001» стоит в 2 строках подряд')
    expect(repeats(21)).toContain('«#1001» стоит в 21 строке подряд')
    expect(noteText({ code: 'totals.skipped', params: { rows: '3', count: 1, example: 'Итого' } })).toBe('Row 3 is a totals row ("Итого") and is left out.')
  })
})
