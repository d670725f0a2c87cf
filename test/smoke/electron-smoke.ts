// `npm run smoke:electron`: the real desktop app, started by Playwright's Electron support on a
// fresh data folder (ORDERBATCH_HOME), under Xvfb on Linux. It sends the bundled sample to the
// built-in sandbox, checks History (29 created, row 4 not sent), stores a key for a fake shop with
// safeStorage and checks that the key is nowhere on disk in plain text. Exits 0 when all that
// holds. Without an Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD) it says so and skips, unless
// ORDERBATCH_SMOKE_REQUIRED=1 (the release workflow), where that is a failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { saveAccountKey, sendSampleToSandbox, SMOKE_KEY } from './smoke-flow'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SAMPLE = join(ROOT, 'resources', 'samples', 'orders.csv')
const required = process.env['ORDERBATCH_SMOKE_REQUIRED'] === '1'
const log = (line: string): void => console.log(`smoke:electron: ${line}`)

/** The Electron executable, or null when the package was installed without its binary. */
export function electronBinary(): string | null {
  try {
    const path = createRequire(join(ROOT, 'package.json'))('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function npm(args: string[]): void {
  const result = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
}

/** Every file under dir that holds `secret` as plain bytes. */
function filesHolding(dir: string, secret: string): string[] {
  const found: string[] = []
  const needle = Buffer.from(secret, 'utf8')
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
    else if (readFileSync(path).includes(needle)) found.push(path)
  }
  visit(dir)
  return found
}

/** Linux without a display: run this script again under Xvfb (and a D-Bus session, where the
 * keyring that safeStorage needs can run). */
function relaunchUnderXvfb(): number | null {
  if (process.platform !== 'linux' || process.env['DISPLAY'] || process.env['ORDERBATCH_SMOKE_XVFB']) return null
  if (!has('xvfb-run')) throw new Error('No display and no xvfb-run: install Xvfb (apt-get install xvfb) or run with a display.')
  const inner = has('dbus-run-session') ? ['dbus-run-session', '--'] : []
  const result = spawnSync('xvfb-run', ['-a', ...inner, process.execPath, ...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, ORDERBATCH_SMOKE_XVFB: '1' }
  })
  return result.status ?? 1
}

/** GNOME Keyring unlocked for this session (Linux), so safeStorage has a real backend. */
function startKeyring(): void {
  if (process.platform !== 'linux' || !process.env['DBUS_SESSION_BUS_ADDRESS'] || !has('gnome-keyring-daemon')) return
  const result = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { input: 'smoke', encoding: 'utf8' })
  for (const line of result.stdout.split('\n')) {
    const [name, ...value] = line.split('=')
    if (name && value.length > 0) process.env[name] = value.join('=')
  }
}

async function main(): Promise<number> {
  const binary = electronBinary()
  if (binary === null) {
    const line = 'skipped: no Electron binary is installed (node_modules/electron has no dist). Run `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine with network access, then `npm run smoke:electron`.'
    if (required) {
      console.error(`smoke:electron: FAILED, ${line}`)
      return 1
    }
    log(line)
    return 0
  }
  const relaunched = relaunchUnderXvfb()
  if (relaunched !== null) return relaunched
  startKeyring()

  npm(['run', 'native:electron'])
  npm(['run', 'build'])
  const home = mkdtempSync(join(tmpdir(), 'orderbatch-smoke-'))
  log(`data folder ${home}`)
  const app = await electron.launch({
    executablePath: binary,
    args: [ROOT],
    cwd: ROOT,
    env: { ...process.env, ORDERBATCH_HOME: home } as Record<string, string>
  })
  try {
    const page = await app.firstWindow()
    await page.getByTestId('app').waitFor({ timeout: 60_000 })
    log(`window open: ${await page.title()}`)
    await sendSampleToSandbox(page, SAMPLE, log)
    await saveAccountKey(page, log)
    const keyFile = join(home, 'api-keys.json')
    if (!existsSync(keyFile)) throw new Error(`No key file at ${keyFile}.`)
    const leaks = filesHolding(home, SMOKE_KEY)
    if (leaks.length > 0) throw new Error(`The key is on disk in plain text: ${leaks.join(', ')}`)
    log('the key is stored encrypted, nowhere on disk in plain text')
  } finally {
    await app.close()
    rmSync(home, { recursive: true, force: true })
  }
  log('passed')
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(`smoke:electron: FAILED: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  )
}
