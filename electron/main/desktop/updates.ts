// The rules for updates, apart from Electron so they are tested with fakes: no server address, no
// updates; never while a run is sending (a check, a download's install and the restart all wait
// until no run sends); the user is asked before the app restarts to install.
export interface UpdaterLike {
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdateDeps {
  /** The generic provider's address, from configuration; null or '' turns updates off. */
  feedUrl: string | null | undefined
  /** Only an installed app updates itself (not `npm start`). */
  isPackaged: boolean
  updater: () => UpdaterLike
  /** Points the updater at the server (electron-updater's setFeedURL with the generic provider). */
  setFeed: (updater: UpdaterLike, url: string) => void
  /** The runs sending right now, and a subscription to changes (AppService). */
  sendingRuns: () => number[]
  onSendingChange: (listener: (runIds: number[]) => void) => () => void
  /** Asks "restart now to install version X?"; true means restart. */
  askToRestart: (version: string) => Promise<boolean>
  log: (line: string) => void
}

export type UpdateState = 'off' | 'idle' | 'waiting-to-check' | 'checking' | 'downloaded' | 'asking' | 'declined' | 'installing'

export interface UpdateController {
  readonly state: UpdateState
  /** Looks for an update now, or as soon as no run is sending. */
  check(): void
  dispose(): void
}

export function updatesEnabled(feedUrl: string | null | undefined, isPackaged: boolean): boolean {
  return isPackaged && typeof feedUrl === 'string' && feedUrl.trim() !== ''
}

export function createUpdateController(deps: UpdateDeps): UpdateController {
  let state: UpdateState = 'off'
  let downloaded: string | null = null
  let off = (): void => {}
  const sending = (): boolean => deps.sendingRuns().length > 0

  if (!updatesEnabled(deps.feedUrl, deps.isPackaged)) {
    return { get state() { return state }, check() {}, dispose() {} }
  }
  const updater = deps.updater()
  deps.setFeed(updater, (deps.feedUrl as string).trim())
  state = 'idle'

  const ask = async (): Promise<void> => {
    if (downloaded === null || state === 'asking' || state === 'installing' || state === 'declined') return
    if (sending()) return // asked again when the run stops sending
    state = 'asking'
    const restart = await deps.askToRestart(downloaded)
    // A run may have started while the question was open: then the restart waits for it.
    if (restart && !sending()) {
      state = 'installing'
      updater.quitAndInstall()
    } else {
      state = restart ? 'downloaded' : 'declined'
    }
  }

  const runCheck = (): void => {
    if (state === 'off' || state === 'checking' || state === 'installing') return
    if (sending()) {
      state = 'waiting-to-check'
      return
    }
    state = 'checking'
    updater.checkForUpdates().then(
      () => {
        if (state === 'checking') state = 'idle'
      },
      (error: unknown) => {
        deps.log(`Update check failed: ${error instanceof Error ? error.message : String(error)}`)
        if (state === 'checking') state = 'idle'
      }
    )
  }

  updater.on('update-downloaded', (info) => {
    downloaded = info.version
    state = 'downloaded'
    void ask()
  })
  updater.on('error', (error) => deps.log(`Updater: ${error.message}`))
  off = deps.onSendingChange((runIds) => {
    if (runIds.length > 0) return
    if (state === 'waiting-to-check') runCheck()
    else if (state === 'downloaded') void ask()
  })

  return {
    get state() {
      return state
    },
    check: runCheck,
    dispose() {
      off()
      state = 'off'
    }
  }
}
