// Numbers, amounts, dates and durations in each language, and how the language is chosen.
import { describe, expect, it } from 'vitest'
import { formatsFor } from '#shared/i18n/format'
import { commandLineLanguage, environmentLanguage, languageOf, pickLanguage } from '#shared/i18n/language'

const NBSP = '\u00a0'
const moment = Date.UTC(2026, 11, 5, 7, 30, 9)

describe('formatsFor', () => {
  const en = formatsFor('en', { timeZone: 'Europe/Moscow' })
  const ru = formatsFor('ru', { timeZone: 'Europe/Moscow' })

  it('writes counts, rates and percentages the way each language does', () => {
    expect([en.count(1266), ru.count(1266)]).toEqual(['1,266', `1${NBSP}266`])
    expect([en.rate(1266.44), ru.rate(1266.44)]).toEqual(['1,266.4', `1${NBSP}266,4`])
    expect([en.percent(0.95), ru.percent(0.95)]).toEqual(['95%', `95${NBSP}%`])
    expect([en.decimalSign, ru.decimalSign]).toEqual(['.', ','])
  })

  it('keeps an amount exact: digits are grouped, never rounded through a float', () => {
    expect(ru.amount('1100.00')).toBe(`1${NBSP}100,00`)
    expect(en.amount('1100.00')).toBe('1,100.00')
    expect(en.amount('12345678901234567890.99')).toBe('12,345,678,901,234,567,890.99')
    expect(ru.amount('-0.10')).toBe('-0,10')
    expect(en.amount('0.1000')).toBe('0.1000')
    expect(ru.amount('not a number')).toBe('not a number')
  })

  it('writes durations with the language units', () => {
    expect([0, 45, 60, 125, 3600, 3900].map(en.duration)).toEqual(['0 sec', '45 sec', '1 min', '2 min 5 sec', '1 hr', '1 hr 5 min'])
    expect([45, 125, 3900].map(ru.duration)).toEqual(['45 с', '2 мин 5 с', '1 ч 5 мин'])
  })

  it('writes dates and times in the given zone', () => {
    expect(en.dateTime(moment)).toBe('5 Dec 2026, 10:30')
    expect(ru.dateTime(moment)).toBe('5 дек. 2026 г., 10:30')
    expect(ru.date(moment)).toBe('5 дек. 2026 г.')
    expect([en.clock(moment), ru.clock(moment)]).toEqual(['10:30:09', '10:30:09'])
  })
})

describe('language', () => {
  it('reads a language from browser tags and POSIX locales', () => {
    expect(['ru', 'ru-RU', 'ru_RU.UTF-8', 'RU', 'en-US', 'en_GB.utf8', 'de-DE', '', undefined].map(languageOf)).toEqual(['ru', 'ru', 'ru', 'ru', 'en', 'en', null, null, null])
    expect(pickLanguage(['de-DE', 'ru-RU', 'en'])).toBe('ru')
    expect(pickLanguage(['fr'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })

  it('follows LC_ALL, then LC_MESSAGES, then LANG; C and unknown ones mean English', () => {
    expect(environmentLanguage({ LANG: 'ru_RU.UTF-8' })).toBe('ru')
    expect(environmentLanguage({ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' })).toBe('en')
    expect(environmentLanguage({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ru')
    expect(environmentLanguage({ LC_ALL: '', LANG: 'ru_RU.UTF-8' })).toBe('ru')
    expect(environmentLanguage({})).toBe('en')
  })

  it('takes --lang from anywhere on the command line, before the environment', () => {
    expect(commandLineLanguage(['import', 'a.csv', '--lang', 'ru', '--yes'], { LANG: 'en_US.UTF-8' })).toEqual({ language: 'ru', args: ['import', 'a.csv', '--yes'], unknown: null })
    expect(commandLineLanguage(['--lang=en', 'status'], { LANG: 'ru_RU.UTF-8' })).toEqual({ language: 'en', args: ['status'], unknown: null })
    expect(commandLineLanguage(['status'], { LANG: 'ru_RU.UTF-8' })).toEqual({ language: 'ru', args: ['status'], unknown: null })
    expect(commandLineLanguage(['status', '--lang', 'de'], {})).toEqual({ language: 'en', args: ['status'], unknown: 'de' })
    expect(commandLineLanguage(['x', '--', '--lang', 'ru'], {}).args).toEqual(['x', '--', '--lang', 'ru'])
  })
})
