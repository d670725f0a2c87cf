// Debian's Chromium driven by playwright-core (its own browser download does not work here).
// Missing Chromium skips the e2e tests on a developer machine and fails them in CI.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env['ORDERBATCH_CHROMIUM'] ?? '/usr/bin/chromium'
export const VIEWPORT = { width: 1280, height: 800 } as const

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const hasChromium = existsSync(CHROMIUM_PATH)
const inCi = Boolean(process.env['CI'])

/** Whether the e2e suites run: with Chromium, or in CI (where its absence is a failure). */
export const runE2e = hasChromium || inCi

if (!hasChromium && !inCi) {
  console.warn(`Skipping the end-to-end tests: Chromium is not at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set ORDERBATCH_CHROMIUM to its path.`)
}

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}, and CI must run the end-to-end tests. Install it with "apt-get install -y chromium" (the .ci/run script does) or set ORDERBATCH_CHROMIUM.`)
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS })
}

export interface AppPage {
  context: BrowserContext
  page: Page
  /** Uncaught page errors and console errors: a healthy run has none. */
  errors: string[]
}

/** The browser's language and time zone: English in UTC unless a scenario says otherwise, so the
 * machine's own locale never changes what a test sees. */
export interface BrowserLocale {
  locale?: string
  timezoneId?: string
}

/** A fresh browser profile on the app's printed address (token included). */
export async function openApp(browser: Browser, url: string, where: BrowserLocale = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    acceptDownloads: true,
    deviceScaleFactor: 1,
    locale: where.locale ?? 'en-US',
    timezoneId: where.timezoneId ?? 'UTC'
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
  })
  await page.goto(url)
  await page.getByTestId('app').waitFor()
  return { context, page, errors }
}
