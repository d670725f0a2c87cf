// What desktop users expect around the window, wired to Electron: the window where it was left,
// the usual menu (About with the version, Open, Quit), files opened from the menu, from "Open
// with Orderbatch" or a second start, the appearance setting handed to nativeTheme, and updates
// from a generic server when one is configured. The rules live in ../desktop/ and are tested
// there without Electron.
import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { app, dialog, Menu, nativeTheme, screen, type BrowserWindow } from 'electron'
import electronUpdater from 'electron-updater'
import type { Appearance } from '#shared/ipc/appearance'
import { menuTemplate, aboutText } from '../desktop/menu'
import { shellT } from './shell-language'
import { SHEET_EXTENSIONS } from '../desktop/open-files'
import { createUpdateController, type UpdateController, type UpdaterLike } from '../desktop/updates'
import { parseWindowState, restoreBounds, type WindowState } from '../desktop/window-state'
import { readJsonFile, writeJsonFile } from '../service/json-file'
import type { AppService } from '../service/types'
import { EVENT_CHANNEL } from './ipc'


export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, 'window-state.json')
}

export function initialWindowBounds(userDataDir: string): ReturnType<typeof restoreBounds> {
  const saved = parseWindowState(readJsonFile(windowStatePath(userDataDir)))
  return restoreBounds(saved, screen.getAllDisplays().map((display) => display.workArea))
}

/** Saves size, position and maximized when the window closes. */
export function rememberWindowState(window: BrowserWindow, userDataDir: string): void {
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
    try {
      writeJsonFile(windowStatePath(userDataDir), state)
    } catch {
      // Not being able to remember the window is no reason to stop quitting.
    }
  })
}

export function openFileInWindow(window: BrowserWindow, path: string): void {
  if (window.isDestroyed()) return
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch {
    void dialog.showMessageBox(window, { type: 'warning', message: shellT()('shell.openFile.unreadable', { name: basename(path) }), detail: shellT()('shell.openFile.unreadableDetail') })
    return
  }
  const send = (): void => window.webContents.send(EVENT_CHANNEL, 'app.openFile', { name: basename(path), bytes: new Uint8Array(bytes) })
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send)
  else send()
}

export function installMenu(window: () => BrowserWindow | null): void {
  const template = menuTemplate(process.platform, {
    open: () => {
      const target = window()
      if (!target) return
      void dialog
        .showOpenDialog(target, { properties: ['openFile'], filters: [{ name: shellT()('shell.openFile.filter'), extensions: SHEET_EXTENSIONS }] })
        .then(({ canceled, filePaths }) => {
          const [path] = filePaths
          if (!canceled && path) openFileInWindow(target, path)
        })
    },
    about: () => {
      const text = aboutText(app.getVersion(), shellT())
      const target = window()
      void (target ? dialog.showMessageBox(target, { type: 'info', ...text }) : dialog.showMessageBox({ type: 'info', ...text }))
    }
  }, shellT())
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]))
}

/** nativeTheme follows the setting, so the frame, menus and dialogs match the page. */
export async function followAppearance(service: AppService): Promise<void> {
  const apply = (appearance: Appearance): void => {
    nativeTheme.themeSource = appearance
  }
  const current = await service.handlers['appearance.get']({})
  apply(current.appearance)
  service.onAppearanceChange?.(apply)
}

/** The generic provider's address: ORDERBATCH_UPDATE_URL, else the one electron-builder wrote into
 * app-update.yml when the installer was built with it; none turns updates off. */
export function updateFeedUrl(): string | null {
  const fromEnv = process.env['ORDERBATCH_UPDATE_URL']?.trim()
  if (fromEnv) return fromEnv
  const file = join(process.resourcesPath ?? '', 'app-update.yml')
  if (!existsSync(file)) return null
  return /^url:\s*['"]?([^'"\s]+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? null
}

export function startUpdates(service: AppService, window: () => BrowserWindow | null, log: (line: string) => void): UpdateController {
  const controller = createUpdateController({
    feedUrl: updateFeedUrl(),
    isPackaged: app.isPackaged,
    updater: () => {
      const { autoUpdater } = electronUpdater
      autoUpdater.autoDownload = true
      // Installing on quit is fine: quitting while a run sends pauses the run first.
      autoUpdater.autoInstallOnAppQuit = true
      return autoUpdater as unknown as UpdaterLike
    },
    setFeed: (updater, url) => (updater as unknown as typeof electronUpdater.autoUpdater).setFeedURL({ provider: 'generic', url }),
    sendingRuns: () => service.sendingRuns(),
    onSendingChange: (listener) => service.onSendingChange(listener),
    askToRestart: async (version) => {
      const t = shellT()
      const options = {
        type: 'question' as const,
        buttons: [t('shell.update.restart'), t('shell.update.later')],
        defaultId: 0,
        cancelId: 1,
        title: t('shell.update.title'),
        message: t('shell.update.message', { version }),
        detail: t('shell.update.detail')
      }
      const parent = window()
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
      return response === 0
    },
    log
  })
  controller.check()
  return controller
}
