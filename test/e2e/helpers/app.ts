// The app as most scenarios use it: the built renderer, Chromium, one browser host on a fresh data
// folder and a tab open on it. A scenario that restarts the host composes the parts itself.
import type { Browser } from 'playwright-core'
import { ensureRendererBuilt } from './build'
import { launchChromium, openApp, type AppPage, type BrowserLocale } from './chromium'
import { startHost, tempHome, type HostProcess, type TempHome } from './host'

export interface StartedApp {
  browser: Browser
  host: HostProcess
  app: AppPage
  home: TempHome
  /** Closes the tab and the browser, stops the host cleanly and removes its data folder. */
  stop(): Promise<void>
}

/** What has been started so far: all of it, or the parts before one that failed. */
type AppParts = Partial<Pick<StartedApp, 'browser' | 'host' | 'app'>> & Pick<StartedApp, 'home'>

/** Starts everything for one scenario (`name` labels its data folder); `env` goes to the host.
 * If a part fails to start, the parts already started are stopped before the error is thrown:
 * the caller has no handle to stop them with. */
export async function startApp(name: string, env: Record<string, string> = {}, where: BrowserLocale = {}): Promise<StartedApp> {
  ensureRendererBuilt()
  const parts: AppParts = { home: tempHome(name) }
  try {
    parts.browser = await launchChromium()
    parts.host = await startHost(parts.home.dir, env)
    parts.app = await openApp(parts.browser, parts.host.url, where)
    return { browser: parts.browser, host: parts.host, app: parts.app, home: parts.home, stop: () => stopApp(parts) }
  } catch (error) {
    await stopApp(parts)
    throw error
  }
}

async function stopApp(parts: AppParts): Promise<void> {
  await parts.app?.context.close()
  await parts.browser?.close()
  await parts.host?.stop('SIGTERM')
  parts.home.remove()
}
