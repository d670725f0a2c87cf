// Composition root of the desktop app: paths, the secret store, the app service, the window, IPC,
// keep-awake while sending and the quit guard. Everything else lives in plain-Node modules.
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, safeStorage } from 'electron'
import { createMainWindow } from './app/main-window'
import { registerIpc } from './app/ipc'
import { keepAwakeWhileSending } from './app/keep-awake'
import { installQuitGuard } from './app/quit-guard'
import { createSafeStorageSecretStore } from './app/secret-store'
import { trustedSenderCheck } from './app/trusted-sender'
import { APP_NAME, HOME_ENV } from './ops/paths'
import { defaultJournalPath } from './journal'
import { createAppService } from './service/app-service'

// The same folder the CLI uses (it has no Electron to ask), whatever the package name says.
// $ORDERBATCH_HOME moves the data folder for the app as for the CLI and the browser host.
app.setPath('userData', process.env[HOME_ENV] ? resolve(process.env[HOME_ENV]) : join(app.getPath('appData'), APP_NAME))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.whenReady().then(start, (error: unknown) => {
    console.error('Orderbatch could not start:', error)
    app.exit(1)
  })
}

function start(): void {
  const userDataDir = app.getPath('userData')
  const service = createAppService({
    userDataDir,
    journalPath: defaultJournalPath(userDataDir),
    secrets: createSafeStorageSecretStore(safeStorage, userDataDir),
    host: 'electron',
    version: app.getVersion()
  })
  const indexPath = join(import.meta.dirname, '../renderer/index.html')
  const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  const window = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), indexPath, devUrl })

  registerIpc(ipcMain, service, trustedSenderCheck({ indexPath, devUrl }), () => BrowserWindow.getAllWindows().map((w) => w.webContents))
  keepAwakeWhileSending(service, powerSaveBlocker)
  installQuitGuard(app, dialog, service, () => (window.isDestroyed() ? null : window))

  app.on('second-instance', () => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())
}
