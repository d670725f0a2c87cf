import { describe, expect, it } from 'vitest'
import { createUpdateController, updatesEnabled, type UpdateDeps, type UpdaterLike } from '../../../electron/main/desktop/updates'

class FakeUpdater implements UpdaterLike {
  checks = 0
  installs = 0
  feed: string | null = null
  private downloadedListener: ((info: { version: string }) => void) | null = null
  checkForUpdates(): Promise<unknown> {
    this.checks++
    return Promise.resolve(null)
  }
  quitAndInstall(): void {
    this.installs++
  }
  on(event: string, listener: (value: never) => void): unknown {
    if (event === 'update-downloaded') this.downloadedListener = listener as (info: { version: string }) => void
    return this
  }
  download(version: string): void {
    this.downloadedListener?.({ version })
  }
}

function harness(overrides: Partial<UpdateDeps> = {}, answer = true) {
  const updater = new FakeUpdater()
  let sending: number[] = []
  const listeners = new Set<(ids: number[]) => void>()
  const questions: string[] = []
  let created = 0
  const deps: UpdateDeps = {
    feedUrl: 'https://updates.example.com/orderbatch',
    isPackaged: true,
    updater: () => {
      created++
      return updater
    },
    setFeed: (u, url) => {
      ;(u as FakeUpdater).feed = url
    },
    sendingRuns: () => sending,
    onSendingChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    askToRestart: async (version) => {
      questions.push(version)
      return answer
    },
    log: () => {},
    ...overrides
  }
  const controller = createUpdateController(deps)
  const setSending = (ids: number[]) => {
    sending = ids
    for (const listener of listeners) listener(ids)
  }
  return { controller, updater, questions, setSending, created: () => created }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('updates', () => {
  it('are off without a server address, and when not installed', () => {
    expect(updatesEnabled(undefined, true)).toBe(false)
    expect(updatesEnabled('  ', true)).toBe(false)
    expect(updatesEnabled('https://u.example.com', false)).toBe(false)
    expect(updatesEnabled('https://u.example.com', true)).toBe(true)
    const { controller, updater, created } = harness({ feedUrl: null })
    controller.check()
    expect(controller.state).toBe('off')
    expect(updater.checks).toBe(0)
    expect(created()).toBe(0)
  })

  it('checks the configured generic server when no run is sending', async () => {
    const { controller, updater } = harness()
    expect(updater.feed).toBe('https://updates.example.com/orderbatch')
    controller.check()
    expect(updater.checks).toBe(1)
    await settle()
    expect(controller.state).toBe('idle')
  })

  it('never checks while a run is sending: the check waits until sending stops', () => {
    const { controller, updater, setSending } = harness()
    setSending([3])
    controller.check()
    expect(updater.checks).toBe(0)
    expect(controller.state).toBe('waiting-to-check')
    setSending([])
    expect(updater.checks).toBe(1)
  })

  it('asks before restarting, and restarts only on yes', async () => {
    const yes = harness()
    yes.updater.download('0.2.0')
    await settle()
    expect(yes.questions).toEqual(['0.2.0'])
    expect(yes.updater.installs).toBe(1)

    const no = harness({}, false)
    no.updater.download('0.2.0')
    await settle()
    expect(no.questions).toEqual(['0.2.0'])
    expect(no.updater.installs).toBe(0)
    expect(no.controller.state).toBe('declined')
  })

  it('a download finished during a run is not installed (nor asked about) until the run stops sending', async () => {
    const { updater, questions, setSending } = harness()
    setSending([1])
    updater.download('0.3.0')
    await settle()
    expect(questions).toEqual([])
    expect(updater.installs).toBe(0)
    setSending([1, 2])
    await settle()
    expect(questions).toEqual([])
    setSending([])
    await settle()
    expect(questions).toEqual(['0.3.0'])
    expect(updater.installs).toBe(1)
  })

  it('a run started while the question is open holds the restart back', async () => {
    let release: (answer: boolean) => void = () => {}
    const h = harness({ askToRestart: () => new Promise((resolve) => (release = resolve)) })
    h.updater.download('0.4.0')
    await settle()
    h.setSending([7])
    release(true)
    await settle()
    expect(h.updater.installs).toBe(0)
    expect(h.controller.state).toBe('downloaded')
  })
})
