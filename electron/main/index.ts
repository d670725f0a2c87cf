// Composition root of the desktop app: creates the window with Electron's security settings.
// The engine (sheets, journal, sender) lives in plain-Node modules beside this file.
import { app } from 'electron'
import { createMainWindow } from './app/main-window'

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.whenReady().then(() => createMainWindow())
  app.on('window-all-closed', () => app.quit())
}
