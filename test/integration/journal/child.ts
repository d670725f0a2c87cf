// Spawning the fixture process with tsx, from the repository root.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const fixturePath = fileURLToPath(new URL('./fixtures/journal-child.ts', import.meta.url))

export function spawnJournalChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fixturePath, ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] })
}

/** Resolves once the child printed `line`; rejects if it exits first (with its stderr). */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes(line)) resolve()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.on('exit', (code, signal) => reject(new Error(`child exited (${String(code ?? signal)}) before "${line}": ${err}`)))
  })
}

export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode })
      return
    }
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })
}
