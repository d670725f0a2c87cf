// The application menu as plain data (Electron's MenuItemConstructorOptions shape), so it is
// tested without Electron: File (Open, Quit), Edit, View, Window, Help (About with the version);
// on macOS the app menu holds About and Quit, as Mac users expect.
import { translatorFor, type Translate } from '#shared/i18n/translate'

export interface MenuItem {
  label?: string
  role?: string
  type?: 'separator' | 'submenu' | 'normal'
  accelerator?: string
  click?: () => void
  submenu?: MenuItem[]
}

export interface MenuActions {
  open: () => void
  about: () => void
}

const ENGLISH = translatorFor('en')

export function aboutText(version: string, t: Translate = ENGLISH): { title: string; message: string; detail: string } {
  return {
    title: t('shell.menu.about'),
    message: `Orderbatch ${version}`,
    detail: t('shell.about.detail')
  }
}

/** `t`: the shell's language (menus in English unless told otherwise). */
export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions, t: Translate = ENGLISH): MenuItem[] {
  const mac = platform === 'darwin'
  const about: MenuItem = { label: t('shell.menu.about'), click: actions.about }
  const open: MenuItem = { label: t('shell.menu.open'), accelerator: 'CmdOrCtrl+O', click: actions.open }
  const appMenu: MenuItem[] = mac
    ? [
        {
          label: 'Orderbatch',
          submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: t('shell.menu.quitApp') }]
        }
      ]
    : []
  return [
    ...appMenu,
    { label: t('shell.menu.file'), submenu: mac ? [open, { type: 'separator' }, { role: 'close' }] : [open, { type: 'separator' }, { role: 'quit', label: t('shell.menu.quit'), accelerator: 'Ctrl+Q' }] },
    { label: t('shell.menu.edit'), submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: t('shell.menu.view'), submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: t('shell.menu.window'), submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    { label: t('shell.menu.help'), role: 'help', submenu: [about] }
  ]
}
