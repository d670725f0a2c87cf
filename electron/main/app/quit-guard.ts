// Quitting while a run sends is allowed, but only after saying what happens: the requests in
// flight finish, the run pauses, and it resumes at the next start. Closing the window asks the
// same question. Whatever the answer, the service is disposed before the process exits, so the
// journal is closed cleanly.
import type { App, BrowserWindow, Dialog } from 'electron'
import type { AppService } from '../service/types'

export function installQuitGuard(app: App, dialog: Pick<Dialog, 'showMessageBox'>, service: AppService, window: () => BrowserWindow | null): void {
  let quitting = false
  let asking = false

  const confirmQuit = async (): Promise<boolean> => {
    if (service.sendingRuns().length === 0) return true
    if (asking) return false
    asking = true
    try {
      const options = {
        type: 'question' as const,
        buttons: ['Keep sending', 'Quit and resume later'],
        defaultId: 0,
        cancelId: 0,
        title: 'Orderbatch is sending orders',
        message: 'A run is sending orders right now.',
        detail:
          'If you quit, the requests already on their way finish and are recorded, and the run pauses. ' +
          'It continues when you start Orderbatch again (Resume in History); no order is lost or sent twice.'
      }
      const parent = window()
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
      return response === 1
    } finally {
      asking = false
    }
  }

  const quit = async (): Promise<void> => {
    if (!(await confirmQuit())) return
    quitting = true
    try {
      await service.dispose()
    } finally {
      app.quit()
    }
  }

  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    void quit()
  })

  const current = window()
  current?.on('close', (event) => {
    if (quitting || service.sendingRuns().length === 0) return
    event.preventDefault()
    void quit()
  })
}
