// Running the CLI in-process with a fake terminal: captured stdout/stderr, a chosen environment,
// an optional yes/no answer and a Ctrl+C switch. Every test works in its own temp folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { runCli } from '../../../electron/main/cli/main'
import type { CliIo } from '../../../electron/main/cli/io'

export const SAMPLE = resolve('resources/samples/orders.csv')

export interface TestIoOptions {
  env?: Record<string, string>
  cwd?: string
  isTTY?: boolean
  /** The answer to every question; absent: no terminal to ask on. */
  answer?: boolean
  /** Called with every stderr chunk, e.g. to press Ctrl+C at a given moment. */
  onStderr?: (text: string, io: TestIo) => void
}

export interface TestIo {
  io: CliIo
  out: () => string
  err: () => string
  questions: string[]
  interrupt: () => void
}

export function testIo(options: TestIoOptions = {}): TestIo {
  const controller = new AbortController()
  let out = ''
  let err = ''
  const questions: string[] = []
  const test: TestIo = {
    io: {
      stdout: (text) => {
        out += text
      },
      stderr: (text) => {
        err += text
        options.onStderr?.(text, test)
      },
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
      isTTY: options.isTTY ?? false,
      ...(options.answer === undefined
        ? {}
        : {
            confirm: (question: string) => {
              questions.push(question)
              return Promise.resolve(options.answer === true)
            }
          }),
      signal: controller.signal
    },
    out: () => out,
    err: () => err,
    questions,
    interrupt: () => controller.abort()
  }
  return test
}

export interface CliResult {
  code: number
  out: string
  err: string
  questions: string[]
}

export async function cli(argv: string[], options: TestIoOptions = {}): Promise<CliResult> {
  const t = testIo(options)
  const code = await runCli(argv, t.io)
  return { code, out: t.out(), err: t.err(), questions: t.questions }
}

/** stderr without the notes a slow step writes after a second ("Reading x…", "Reading x: done in
 * 1.2 s"): on a loaded machine any read may pass that second, and the notes are no problem. */
export function withoutProgressNotes(err: string): string {
  return err.replace(/^.*(?:…|: done in \d+(?:\.\d)? s)\n/gm, '')
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'orderbatch-cli-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The orders the built-in sandbox's shop holds (its SQLite file beside the journal). */
export function shopOrders(shopPath: string): Array<{ bill_id: number; email: string; deleted: number }> {
  const db = new Database(shopPath, { readonly: true })
  try {
    return db.prepare('SELECT bill_id, email, deleted FROM orders ORDER BY bill_id').all() as Array<{ bill_id: number; email: string; deleted: number }>
  } finally {
    db.close()
  }
}
