// The desktop shell's language without Electron: the system's until the user chooses one in the
// app, the choice main remembers taken at start, later choices followed; the menu rebuilt from it
// and the dialogs opened after a switch speak the new language.
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { App, BrowserWindow, Dialog } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import type { Language } from '#shared/i18n/language'
import { installQuitGuard } from '../../../electron/main/app/quit-guard'
import { aboutText, menuTemplate, type MenuItem } from '../../../electron/main/desktop/menu'
import { createShellLanguage, followChosenLanguage } from '../../../electron/main/desktop/shell-language'
import { LanguageStore } from '../../../electron/main/service/language'
import type { AppService } from '../../../electron/main/service/types'

const labels = (items: MenuItem[] | undefined) => (items ?? []).map((item) => item.label ?? item.role ?? item.type)
const actions = { open: () => {}, about: () => {} }

let dirs: string[] = []
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
})

/** The two things of the service the shell uses, over the real store. */
function serviceOver(store: LanguageStore): Parameters<typeof followChosenLanguage>[0] {
  return {
    handlers: { 'language.get': async () => ({ language: store.get() }) },
    onLanguageChange: (listener) => store.onChange(listener)
  }
}

describe('shell language', () => {
  it('follows the system until a language is chosen: Russian for a Russian system, else English', () => {
    let system = ['ru-RU', 'en-US']
    const shell = createShellLanguage(() => system)
    expect(shell.language()).toBe('ru')
    system = ['de-DE']
    expect(shell.language()).toBe('en')
    expect(shell.chosen()).toBeNull()
  })

  it('is English when the system cannot be asked yet', () => {
    const shell = createShellLanguage(() => {
      throw new Error('not ready')
    })
    expect(shell.language()).toBe('en')
    expect(shell.t()('shell.menu.file')).toBe('File')
  })

  it('speaks the chosen language over the system\'s, and the system\'s again when the choice is cleared', () => {
    const shell = createShellLanguage(() => ['en-US'])
    shell.choose('ru')
    expect(shell.language()).toBe('ru')
    expect(shell.chosen()).toBe('ru')
    expect(shell.t()('shell.menu.file')).toBe('Файл')
    shell.choose(null)
    expect(shell.language()).toBe('en')
  })

  it('tells its listeners only when the language it speaks changes', () => {
    const shell = createShellLanguage(() => ['ru'])
    const heard: Language[] = []
    const off = shell.onChange((language) => heard.push(language))
    shell.choose('ru')
    shell.choose('en')
    shell.choose('en')
    shell.choose(null)
    off()
    shell.choose('en')
    expect(heard).toEqual(['en', 'ru'])
  })

  it('the menu rebuilt after a switch to Russian is in Russian, and back in English after a switch back', () => {
    const shell = createShellLanguage(() => ['en-US'])
    const menus: MenuItem[][] = []
    const install = () => menus.push(menuTemplate('win32', actions, shell.t()))
    install()
    shell.onChange(install)
    shell.choose('ru')
    shell.choose('en')
    expect(menus.map((menu) => labels(menu))).toEqual([
      ['File', 'Edit', 'View', 'Window', 'Help'],
      ['Файл', 'Правка', 'Вид', 'Окно', 'Справка'],
      ['File', 'Edit', 'View', 'Window', 'Help']
    ])
    expect(labels(menus[1]?.[0]?.submenu)).toEqual(['Открыть…', 'separator', 'Выход'])
  })

  it('takes the choice main remembered at start, so the first menu is already right, then every later one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderbatch-shell-'))
    dirs.push(dir)
    new LanguageStore(dir).set('ru')
    const store = new LanguageStore(dir)
    const shell = createShellLanguage(() => ['en-US'])
    const stop = await followChosenLanguage(serviceOver(store), shell)
    expect(labels(menuTemplate('darwin', actions, shell.t()))[1]).toBe('Файл')
    expect(aboutText('1.2.3', shell.t()).title).toBe('О программе Orderbatch')
    store.set('en')
    expect(shell.language()).toBe('en')
    stop()
    store.set('ru')
    expect(shell.language()).toBe('en')
  })

  it('a dialog opened after a switch (the quit question) speaks the new language', async () => {
    const shell = createShellLanguage(() => ['en-US'])
    const titles: string[] = []
    const app = Object.assign(new EventEmitter(), { quit: () => undefined })
    const dialog = {
      showMessageBox: async (...args: unknown[]) => {
        titles.push((args.at(-1) as { title: string }).title)
        return { response: 0, checkboxChecked: false }
      }
    }
    const service = { sendingRuns: () => [1], dispose: async () => undefined } as unknown as AppService
    installQuitGuard(app as unknown as App, dialog as unknown as Pick<Dialog, 'showMessageBox'>, service, () => null as BrowserWindow | null, () => shell.t())
    shell.choose('ru')
    app.emit('before-quit', { preventDefault: () => undefined })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(titles).toEqual(['Orderbatch отправляет заказы'])
  })
})
