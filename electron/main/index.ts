// Composition root of the desktop app: paths, crash capture, the secret store, the app service,
// the window, IPC, keep-awake while sending, the quit guard, and what desktop users expect around
// them (menu in the chosen language, window state, opened files, appearance, updates). Everything
// else lives in plain-Node modules.
import { join, resolve } from 'node:path'
import { app, BrowserWindow, crashReporter, dialog, ipcMain, nativeTheme, powerSaveBlocker, safeStorage } from 'electron'
import { effectiveTheme } from '#shared/ipc/appearance'
import { followAppearance, initialWindowBounds, installMenu, openFileInWindow, rememberWindowState, startUpdates } from './app/desktop'
import { useNodeMd5 } from './api/node-md5'
import { createMainWindow } from './app/main-window'
import { registerIpc } from './app/ipc'
import { keepAwakeWhileSending } from './app/keep-awake'
import { installQuitGuard } from './app/quit-guard'
import { shellLanguage, shellT } from './app/shell-language'
import { createSafeStorageSecretStore } from './app/secret-store'
import { trustedSenderCheck } from './app/trusted-sender'
import { APP_NAME, HOME_ENV } from './ops/paths'
import { captureUncaughtErrors, crashPaths, createRotatingLog } from './desktop/crash-log'
import { sheetInArgs } from './desktop/open-files'
import { followChosenLanguage } from './desktop/shell-language'
import { defaultJournalPath } from './journal'
import { chooseSqliteBinding, configureSqliteBinding } from './native/sqlite-binding'
import { createAppService } from './service/app-service'

// The same folder the CLI uses (it has no Electron to ask), whatever the package name says;
// $ORDERBATCH_HOME chooses another one, as for the CLI and the browser host (the smoke check
// starts fresh).
const home = process.env[HOME_ENV]
app.setPath('userData', home ? resolve(home) : join(app.getPath('appData'), APP_NAME))

// Crashes stay on this machine: native dumps and main's uncaught errors go to the data folder,
// and the user sees a plain message naming the log, never a stack trace.
const paths = crashPaths(app.getPath('userData'))
app.setPath('crashDumps', paths.dumps)
crashReporter.start({ uploadToServer: false, productName: APP_NAME })
const log = createRotatingLog(paths.logFile)
captureUncaughtErrors(process, log, async (text) => {
  if (app.isReady()) await dialog.showMessageBox({ type: 'error', ...text })
  else dialog.showErrorBox(text.title, `${text.message}\n\n${text.detail}`)
}, shellT)

let mainWindow: BrowserWindow | null = null
const currentWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null)
// A file handed over before the window exists (macOS "Open with" at launch, or argv).
let pendingFile: string | null = sheetInArgs(process.argv)

// macOS: "Open with Orderbatch" and files dropped on the Dock icon.
app.on('open-file', (event, path) => {
  event.preventDefault()
  const window = currentWindow()
  if (window) openFileInWindow(window, path)
  else pendingFile = path
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.whenReady().then(start, (error: unknown) => {
    log.write(`Start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    dialog.showErrorBox('Orderbatch could not start', `Details were written to ${log.path}.`)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  // better-sqlite3 built for Electron's ABI (out/native/electron), not the Node build the CLI uses.
  configureSqliteBinding(chooseSqliteBinding({ electronVersion: process.versions.electron, appRoot: app.getAppPath() }))
  useNodeMd5()
  const userDataDir = app.getPath('userData')
  const service = createAppService({
    userDataDir,
    journalPath: defaultJournalPath(userDataDir),
    secrets: createSafeStorageSecretStore(safeStorage, userDataDir),
    host: 'electron',
    version: app.getVersion()
  })
  await followAppearance(service)
  // The language chosen in the app, remembered by main: the first menu is already in it.
  await followChosenLanguage(service, shellLanguage)
  const appearance = (await service.handlers['appearance.get']({})).appearance
  const indexPath = join(import.meta.dirname, '../renderer/index.html')
  const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  const placed = initialWindowBounds(userDataDir)
  const window = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    indexPath,
    devUrl,
    bounds: placed.bounds,
    backgroundColor: effectiveTheme(appearance, nativeTheme.shouldUseDarkColors) === 'dark' ? '#15171c' : '#ffffff'
  })
  mainWindow = window
  if (placed.maximized) window.maximize()
  rememberWindowState(window, userDataDir)
  installMenu(currentWindow)
  shellLanguage.onChange(() => installMenu(currentWindow))

  registerIpc(ipcMain, service, trustedSenderCheck({ indexPath, devUrl }), () => BrowserWindow.getAllWindows().map((w) => w.webContents))
  keepAwakeWhileSending(service, powerSaveBlocker)
  installQuitGuard(app, dialog, service, currentWindow, shellT)
  startUpdates(service, currentWindow, (line) => log.write(line))

  if (pendingFile) openFileInWindow(window, pendingFile)
  pendingFile = null

  app.on('second-instance', (_event, argv) => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.focus()
    const file = sheetInArgs(argv)
    if (file) openFileInWindow(window, file)
  })
  app.on('window-all-closed', () => app.quit())
}
