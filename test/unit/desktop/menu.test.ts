import { describe, expect, it } from 'vitest'
import { translatorFor } from '#shared/i18n/translate'
import { crashMessage } from '../../../electron/main/desktop/crash-log'
import { aboutText, menuTemplate, type MenuItem } from '../../../electron/main/desktop/menu'

const labels = (items: MenuItem[] | undefined) => (items ?? []).map((item) => item.label ?? item.role ?? item.type)

describe('application menu', () => {
  const actions = { open: () => {}, about: () => {} }

  it('Windows and Linux: File with Open and Quit, Help with About', () => {
    const menu = menuTemplate('win32', actions)
    expect(labels(menu)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    expect(labels(menu[0]?.submenu)).toEqual(['Open…', 'separator', 'Quit'])
    expect(menu[0]?.submenu?.[0]?.click).toBe(actions.open)
    expect(menu[4]?.submenu?.[0]).toMatchObject({ label: 'About Orderbatch', click: actions.about })
  })

  it('macOS: the app menu first, with About and Quit', () => {
    const menu = menuTemplate('darwin', actions)
    expect(labels(menu)).toEqual(['Orderbatch', 'File', 'Edit', 'View', 'Window', 'Help'])
    const app = labels(menu[0]?.submenu)
    expect(app[0]).toBe('About Orderbatch')
    expect(app.at(-1)).toBe('Quit Orderbatch')
    expect(labels(menu[1]?.submenu)).toContain('Open…')
  })

  it('About names the version', () => {
    expect(aboutText('1.2.3').message).toBe('Orderbatch 1.2.3')
  })

  it('speaks the shell language: Russian menus, About and the crash message for a Russian system', () => {
    const ru = translatorFor('ru')
    const menu = menuTemplate('win32', actions, ru)
    expect(labels(menu)).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка'])
    expect(labels(menu[0]?.submenu)).toEqual(['Открыть…', 'separator', 'Выход'])
    expect(aboutText('1.2.3', ru)).toMatchObject({ title: 'О программе Orderbatch', message: 'Orderbatch 1.2.3' })
    expect(crashMessage('/tmp/orderbatch.log', ru).detail).toMatch(/^Подробности записаны в \/tmp\/orderbatch\.log;/)
  })
})
