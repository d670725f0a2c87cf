// The application menu as plain data (Electron's MenuItemConstructorOptions shape), so it is
// tested without Electron: File (Open, Quit), Edit, View, Window, Help (About with the version);
// on macOS the app menu holds About and Quit, as Mac users expect.
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

export function aboutText(version: string): { title: string; message: string; detail: string } {
  return {
    title: 'About Orderbatch',
    message: `Orderbatch ${version}`,
    detail: 'Imports order spreadsheets into an InfluencerSoft (JustClick) shop, journaling every order so an import can stop anywhere and resume without duplicates.'
  }
}

export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItem[] {
  const mac = platform === 'darwin'
  const about: MenuItem = { label: 'About Orderbatch', click: actions.about }
  const open: MenuItem = { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: actions.open }
  const appMenu: MenuItem[] = mac
    ? [
        {
          label: 'Orderbatch',
          submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: 'Quit Orderbatch' }]
        }
      ]
    : []
  return [
    ...appMenu,
    { label: 'File', submenu: mac ? [open, { type: 'separator' }, { role: 'close' }] : [open, { type: 'separator' }, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    { label: 'Help', role: 'help', submenu: [about] }
  ]
}
