// Quitting while a run sends asks first; whatever the answer, the service is disposed before the
// app really quits, and a window close during a run asks the same question.
import { EventEmitter } from 'node:events'
import type { App, BrowserWindow, Dialog } from 'electron'
import { describe, expect, it } from 'vitest'
import { installQuitGuard } from '../../../electron/main/app/quit-guard'
import type { AppService } from '../../../electron/main/service/types'

function setup(sending: number[], answer: number) {
  const log: string[] = []
  const app = Object.assign(new EventEmitter(), { quit: () => log.push('quit') })
  const window = new EventEmitter()
  const dialog = {
    showMessageBox: async (...args: unknown[]) => {
      const options = args.at(-1) as { detail: string }
      log.push(`ask: ${options.detail.includes('continues when you start Orderbatch again') ? 'resume explained' : 'unclear'}`)
      return { response: answer, checkboxChecked: false }
    }
  }
  const service = {
    sendingRuns: () => sending,
    dispose: async () => {
      log.push('dispose')
    }
  } as unknown as AppService
  installQuitGuard(app as unknown as App, dialog as unknown as Pick<Dialog, 'showMessageBox'>, service, () => window as unknown as BrowserWindow)
  const fire = (target: EventEmitter, name: string) => {
    let prevented = false
    target.emit(name, { preventDefault: () => (prevented = true) })
    return prevented
  }
  const settle = () => new Promise((r) => setTimeout(r, 0))
  return { log, app, window, fire, settle }
}

describe('installQuitGuard', () => {
  it('quits at once when nothing is sending, after disposing the service', async () => {
    const { log, app, fire, settle } = setup([], 0)
    expect(fire(app, 'before-quit')).toBe(true)
    await settle()
    expect(log).toEqual(['dispose', 'quit'])
    expect(fire(app, 'before-quit')).toBe(false)
  })

  it('asks while a run sends, and keeps sending when told so', async () => {
    const { log, app, fire, settle } = setup([3], 0)
    expect(fire(app, 'before-quit')).toBe(true)
    await settle()
    expect(log).toEqual(['ask: resume explained'])
  })

  it('pauses cleanly and quits when the user confirms, also from the window close button', async () => {
    const { log, window, fire, settle } = setup([3], 1)
    expect(fire(window, 'close')).toBe(true)
    await settle()
    expect(log).toEqual(['ask: resume explained', 'dispose', 'quit'])
  })

  it('lets the window close without a question when nothing is sending', () => {
    const { window, fire } = setup([], 1)
    expect(fire(window, 'close')).toBe(false)
  })
})
