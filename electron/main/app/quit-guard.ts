// Quitting while a run sends is allowed, but only after saying what happens: the requests in
// flight finish, the run pauses, and it resumes at the next start. Closing the window asks the
// same question. Whatever the answer, the service is disposed before the process exits, so the
// journal is closed cleanly.
import type { App, BrowserWindow, Dialog } from 'electron'
import type { AppService } from '../service/types'
import { translatorFor, type Translate } from '#shared/i18n/translate'

/** `shellT`: the language of the question (the shell's; English unless given). */
export function installQuitGuard(app: App, dialog: Pick<Dialog, 'showMessageBox'>, service: AppService, window: () => BrowserWindow | null, shellT: () => Translate = () => translatorFor('en')): void {
  let quitting = false
  let asking = false

  const confirmQuit = async (): Promise<boolean> => {
    if (service.sendingRuns().length === 0) return true
    if (asking) return false
    asking = true
    try {
      const t = shellT()
      const options = {
        type: 'question' as const,
        buttons: [t('shell.quit.keep'), t('shell.quit.quit')],
        defaultId: 0,
        cancelId: 0,
        title: t('shell.quit.title'),
        message: t('shell.quit.message'),
        detail: t('shell.quit.detail')
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
