// The language chosen in the app, as main keeps it: none (the system's) until the renderer tells
// one; the desktop app remembers it in the data folder across restarts and tells the shell; the
// browser host keeps it for the session only; anything but en, ru or null is refused at the door.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Language } from '#shared/i18n/language'
import { removeDir, startTestApp, type TestApp } from './helpers'

let apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps) await app.close()
  for (const app of apps) removeDir(app.dir)
  apps = []
})

async function start(host: 'electron' | 'browser', dir?: string): Promise<TestApp> {
  const app = await startTestApp({ ...(dir ? { dir } : {}), deps: { host } })
  apps.push(app)
  return app
}

describe('the chosen language (desktop app)', () => {
  it('is none until told, is told to the shell, and survives a restart', async () => {
    const app = await start('electron')
    expect(await app.ok('language.get', {})).toEqual({ language: null })
    const told: Array<Language | null> = []
    app.service.onLanguageChange?.((language) => told.push(language))
    expect(await app.ok('language.set', { language: 'ru' })).toEqual({ language: 'ru' })
    expect(told).toEqual(['ru'])
    expect(JSON.parse(readFileSync(join(app.dir, 'language.json'), 'utf8'))).toEqual({ language: 'ru' })
    await app.close()
    apps = apps.filter((a) => a !== app)
    const again = await start('electron', app.dir)
    expect(await again.ok('language.get', {})).toEqual({ language: 'ru' })
  })

  it('null gives the choice back to the system, also after a restart', async () => {
    const app = await start('electron')
    await app.ok('language.set', { language: 'en' })
    expect(await app.ok('language.set', { language: null })).toEqual({ language: null })
    await app.close()
    apps = apps.filter((a) => a !== app)
    const again = await start('electron', app.dir)
    expect(await again.ok('language.get', {})).toEqual({ language: null })
  })

  it('a damaged or strange file means no choice, and the next choice replaces it', async () => {
    const first = await start('electron')
    await first.close()
    apps = []
    writeFileSync(join(first.dir, 'language.json'), '{"language": "de"}')
    const strange = await start('electron', first.dir)
    expect(await strange.ok('language.get', {})).toEqual({ language: null })
    await strange.close()
    apps = []
    writeFileSync(join(first.dir, 'language.json'), '{"language": "ru"')
    const app = await start('electron', first.dir)
    expect(await app.ok('language.get', {})).toEqual({ language: null })
    await app.ok('language.set', { language: 'ru' })
    expect(await app.ok('language.get', {})).toEqual({ language: 'ru' })
  })

  it('refuses anything but en, ru or null, and keeps the choice it had', async () => {
    const app = await start('electron')
    await app.ok('language.set', { language: 'ru' })
    const told: Array<Language | null> = []
    app.service.onLanguageChange?.((language) => told.push(language))
    for (const input of [{ language: 'de' }, { language: 'RU' }, {}, { language: 1 }]) {
      const result = await app.call('language.set', input as never)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid-input')
    }
    expect(told).toEqual([])
    expect(await app.ok('language.get', {})).toEqual({ language: 'ru' })
  })
})

describe('the chosen language (browser host)', () => {
  it('is served, kept for the session, and leaves the desktop app\'s remembered choice alone', async () => {
    const desktop = await start('electron')
    await desktop.ok('language.set', { language: 'ru' })
    await desktop.close()
    apps = []
    const web = await start('browser', desktop.dir)
    expect(await web.ok('language.get', {})).toEqual({ language: null })
    expect(await web.ok('language.set', { language: 'en' })).toEqual({ language: 'en' })
    expect(await web.ok('language.get', {})).toEqual({ language: 'en' })
    expect(JSON.parse(readFileSync(join(desktop.dir, 'language.json'), 'utf8'))).toEqual({ language: 'ru' })
  })

  it('writes no file of its own', async () => {
    const web = await start('browser')
    await web.ok('language.set', { language: 'ru' })
    expect(existsSync(join(web.dir, 'language.json'))).toBe(false)
  })
})
