// The browser host as a child process (`node --import tsx electron/main/web/main.ts`), the way a
// user runs `npm run web`: it can be really stopped (SIGTERM) or killed (SIGKILL) mid-run and a
// new one started on the same data folder.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './paths'

const START_TIMEOUT_MS = 60_000
// The address line in either language (the host speaks the terminal's language).
const READY = /Orderbatch (?:is running at|работает по адресу) (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/

export interface HostProcess {
  /** The printed address, access token included. */
  url: string
  /** Everything the host printed so far (it never prints an API key). */
  output(): string
  /** Sends the signal and waits for the process to end; answers its exit code or signal. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number | string>
}

/** A fresh data folder for one host (ORDERBATCH_HOME). */
export interface TempHome {
  dir: string
  remove: () => void
}

export function tempHome(name: string): TempHome {
  const dir = mkdtempSync(join(tmpdir(), `orderbatch-e2e-${name}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export function startHost(home: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/main/web/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ORDERBATCH_HOME: home, ORDERBATCH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text))
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')))

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The browser host did not start within ${START_TIMEOUT_MS / 1000} s. Its output:\n${output}`))
    }, START_TIMEOUT_MS)
    const check = (): void => {
      const match = READY.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      child.stdout.off('data', check)
      resolve({ url: match[1], output: () => output, stop: (signal) => stop(child, signal, exited) })
    }
    child.stdout.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`The browser host exited (${code}) before it was ready. Its output:\n${output}`))
    })
  })
}

async function stop(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL', exited: Promise<number | string>): Promise<number | string> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  return exited
}
