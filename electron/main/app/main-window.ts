// The one window: sandboxed, isolated renderer with no Node, a strict content security policy,
// no navigation away from the app, no new windows (https links open in the user's browser), and
// every permission request denied.
import { BrowserWindow, shell } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../web/static-files'

export interface WindowOptions {
  preloadPath: string
  indexPath: string
  /** The electron-vite dev server, only while developing. */
  devUrl?: string | undefined
  /** Where the window was last time (x/y left out: centred). */
  bounds?: { x?: number; y?: number; width: number; height: number }
  backgroundColor?: string
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    ...options.bounds,
    ...(options.backgroundColor ? { backgroundColor: options.backgroundColor } : {}),
    minWidth: 1024,
    minHeight: 700,
    title: 'Orderbatch',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  const { webContents } = window
  webContents.on('will-navigate', (event) => event.preventDefault())
  webContents.on('will-redirect', (event) => event.preventDefault())
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  webContents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  const session = webContents.session
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  if (!options.devUrl) {
    // The meta tag in index.html says the same; the header also covers what a meta tag cannot
    // (frame-ancestors). The dev server needs inline scripts for hot reload, so not there.
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    })
  }
  if (options.devUrl) void window.loadURL(options.devUrl)
  else void window.loadFile(options.indexPath)
  return window
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
