// The contract's language channels: the chosen language is en or ru, or null for "follow the
// system"; nothing else passes main's door.
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, CHANNELS } from '#shared/ipc/contract'
import { LANGUAGES } from '#shared/i18n/language'

describe('language channels', () => {
  it('are in the contract', () => {
    expect(CHANNEL_NAMES).toEqual(expect.arrayContaining(['language.get', 'language.set']))
  })

  it('language.set takes every language Orderbatch has, or null', () => {
    for (const language of [...LANGUAGES, null]) {
      expect(CHANNELS['language.set'].input.safeParse({ language })).toEqual({ success: true, data: { language } })
    }
  })

  it('language.set refuses other languages, tags, other cases and a missing language', () => {
    for (const input of [{ language: 'de' }, { language: 'ru-RU' }, { language: 'RU' }, { language: '' }, { language: 1 }, {}, null]) {
      expect(CHANNELS['language.set'].input.safeParse(input).success).toBe(false)
    }
  })

  it('language.get takes nothing', () => {
    expect(CHANNELS['language.get'].input.safeParse({}).success).toBe(true)
    expect(CHANNELS['language.get'].input.safeParse(null).success).toBe(false)
  })
})
