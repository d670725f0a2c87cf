// The crash test of the whole CLI: the real `orderbatch` runs as a separate process against a
// stand-in shop (the project's sandbox, in this test's process, so it outlives every client) and
// is killed with SIGKILL at random moments, at least 200 times in all, each time followed at
// once by `orderbatch resume`. At the end the shop's ledger must hold every order of every sheet
// exactly once: no duplicate, none lost.
//
// A killed CLI is NOT reaped before the resume starts: its parent is a `sleep` (the shell that
// started it exec'd into it), which never waits for children, so the killed process stays a
// zombie until the next one has run. The journal lock must not depend on that (a lock judged by
// pids sees a zombie as alive), so no resume may be refused.
//
// Lanes run side by side, each with its own journal and sheets, to keep the test near a minute.
// The CLI is bundled once with esbuild; the settle delay before a lookup is shortened through
// ORDERBATCH_TEST_SETTLE_MS (the sandbox shows an order as soon as it is created).
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../../electron/main/sandbox/sandbox'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { buildCli } from './built-cli'

const SECRET = 'kill-resume-secret-40c2'
const ACCOUNT = 'demo'
const LANES = 4
const KILLS_PER_LANE = 50
const ROWS_PER_SHEET = 300
const HEADER = 'Order ID,First name,Last name,Email,Phone,Country,City,Address,Zip,Product,Price,Coupon,Created,Comment'
const REFUSED = /using the journal|in use by another program|already open in this Orderbatch|has \d+ names on this disk/
const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/

let cli: string
let sandbox: Sandbox
let dir: string
/** Every CLI started under a keeper, so none outlives the test, whatever happens. */
const started = new Set<Kept>()
/** Set when a lane fails: the others stop starting processes. */
let stopping = false

beforeAll(async () => {
  cli = await buildCli()
  sandbox = await startSandbox({ account: ACCOUNT, secret: SECRET })
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-kill-resume-'))
}, 60_000)

afterAll(async () => {
  stopping = true
  for (const kept of started) {
    if (processState(kept.pid) !== null && processState(kept.pid) !== 'Z') process.kill(kept.pid, 'SIGKILL')
    kept.keeper.kill('SIGKILL')
  }
  await sandbox?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Linux: the process state letter from /proc (Z: dead, not reaped); null when there is none. */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.charAt(stat.lastIndexOf(')') + 2)
  } catch {
    return null
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/** A CLI started under a `sleep` that never reaps it. */
interface Kept {
  keeper: ChildProcess
  pid: number
  out: () => string
  err: () => string
}

async function startKept(args: string[]): Promise<Kept> {
  const script = `${quote(process.execPath)} ${quote(cli)} ${args.map(quote).join(' ')} & echo "pid $!"; exec sleep 300`
  const keeper = spawn('sh', ['-c', script], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  keeper.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  keeper.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  for (;;) {
    const match = /^pid (\d+)\n/.exec(out)
    if (match) {
      const kept: Kept = { keeper, pid: Number(match[1]), out: () => out.slice(match[0].length), err: () => err }
      started.add(kept)
      keeper.on('exit', () => started.delete(kept))
      return kept
    }
    if (keeper.exitCode !== null) throw new Error(`the shell did not start the CLI: ${err}`)
    await pause(2)
  }
}

function cliEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ORDERBATCH_SECRET: SECRET, ORDERBATCH_TEST_SETTLE_MS: '300' }
}

/** Runs the CLI to its end (a normal child, reaped), for the final resume. */
function runToEnd(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('exit', (code) => resolve({ code, out, err }))
  })
}

/** Dead but not reaped: a zombie whose threads have all ended (the leader turns Z first, and the
 * open files, with the journal's lock, go with the last thread). */
function deadNotReaped(pid: number): boolean {
  if (processState(pid) !== 'Z') return false
  try {
    return readdirSync(`/proc/${pid}/task`).length <= 1
  } catch {
    return false
  }
}

async function untilZombie(pid: number): Promise<void> {
  while (!deadNotReaped(pid)) {
    if (processState(pid) === null) throw new Error(`process ${pid} was reaped: the test must keep it a zombie`)
    await pause(2)
  }
}

function sheetRows(lane: number, sheet: number): string[] {
  return Array.from({ length: ROWS_PER_SHEET }, (_, i) => {
    const r = i + 1
    const price = (1000 + ((lane * 7 + sheet * 13 + r) % 500)).toFixed(2)
    return `L${lane}S${sheet}-${r},Anna,Test,l${lane}s${sheet}r${r}@example.com,,,,,,course-basic,${price},,2026-11-02 09:30,`
  })
}

interface LaneReport {
  kills: number
  /** Resumes that started while the process killed before them was still a zombie and got
   * past the journal's lock (they printed that they send). */
  resumesPastZombie: number
  sheets: number
  outputs: string[]
  /** Exit code of the last, uninterrupted resume (0: every order created). */
  finalCode: number | null
}

/** One journal; sheets imported one after another; kills until the quota is reached. */
async function lane(index: number): Promise<LaneReport> {
  const journal = join(dir, `lane-${index}.sqlite`)
  const report: LaneReport = { kills: 0, resumesPastZombie: 0, sheets: 0, outputs: [], finalCode: 0 }
  let sheet = 0
  let sheetPath = ''
  let staged = false
  let previous: Kept | null = null
  const nextSheet = (): void => {
    sheet += 1
    sheetPath = join(dir, `lane-${index}-sheet-${sheet}.csv`)
    writeFileSync(sheetPath, `${HEADER}\n${sheetRows(index, sheet).join('\n')}\n`)
    staged = false
  }
  nextSheet()
  const common = ['--journal', journal]
  while (report.kills < KILLS_PER_LANE) {
    if (stopping) throw new Error(`lane ${index} stopped: another lane failed`)
    const args = staged
      ? ['resume', ...common, '--yes']
      : ['import', sheetPath, ...common, '--account', ACCOUNT, '--api-base', sandbox.baseUrl, '--rate', '100', '--concurrency', '2', '--yes']
    const afterZombie = previous !== null && processState(previous.pid) === 'Z'
    const current = await startKept(args)
    let killed = false
    if (Math.random() < 0.3) {
      // Anywhere: start-up, reading, staging, recovery, lookups, sending.
      await pause(Math.random() * 700)
    } else {
      // Somewhere in the sending: after the line that starts it.
      while (!/: sending \d+ order/.test(current.err()) && processState(current.pid) !== 'Z') await pause(2)
      await pause(Math.random() * 300)
    }
    if (processState(current.pid) !== 'Z') {
      process.kill(current.pid, 'SIGKILL')
      killed = true
      report.kills += 1
    }
    await untilZombie(current.pid)
    // The one before is reaped only now, after this one has run its course.
    if (previous !== null) previous.keeper.kill('SIGKILL')
    previous = current
    await pause(5)
    const output = `${current.out()}${current.err()}`
    report.outputs.push(output)
    // A refused resume fails the test at once (the zombie before it held the journal).
    if (REFUSED.test(output)) throw new Error(`lane ${index}: the journal was refused after ${report.kills} kills:\n${output}`)
    if (afterZombie && /: sending \d+ order/.test(current.err())) report.resumesPastZombie += 1
    if (!killed && /Run \d+ finished|nothing left to send|No unfinished run/.test(output)) {
      nextSheet()
      continue
    }
    if (!staged) staged = runsFor(journal, `lane-${index}-sheet-${sheet}.csv`) > 0
  }
  previous?.keeper.kill('SIGKILL')
  // No more kills: the last run is resumed to its end.
  for (let tries = 0; tries < 3 && staged; tries++) {
    const last = await runToEnd(['resume', ...common, '--yes'])
    report.outputs.push(`${last.out}${last.err}`)
    report.finalCode = last.code
    if (last.code === 0) break
  }
  // Every sheet before the current one was finished; the current one counts once it was staged.
  report.sheets = staged ? sheet : sheet - 1
  return report
}

/** How many runs of the journal came from this sheet (a plain read of the file; the killed
 * holder is dead, so nothing holds it). */
function runsFor(journal: string, sourceName: string): number {
  if (!existsSync(journal)) return 0
  const db = new Database(journal, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 0')
    const hasRuns = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'runs'").pluck().get() as number
    if (hasRuns === 0) return 0
    return db.prepare('SELECT count(*) FROM runs WHERE source_name = ?').pluck().get(sourceName) as number
  } finally {
    db.close()
  }
}

describe.runIf(process.platform === 'linux')('SIGKILL of the CLI at random points, then an immediate resume', () => {
  it(`${LANES * KILLS_PER_LANE} kills in all: every order of every sheet is in the shop exactly once`, async () => {
    const reports = await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        lane(i + 1).catch((error: unknown) => {
          stopping = true
          throw error
        })
      )
    )

    const kills = reports.reduce((sum, r) => sum + r.kills, 0)
    expect(kills).toBeGreaterThanOrEqual(200)
    for (const output of reports.flatMap((r) => r.outputs)) {
      expect(output).not.toMatch(REFUSED)
      expect(output).not.toMatch(STACK_TRACE)
    }
    // Resumes really ran next to the zombies of the processes killed before them.
    expect(reports.reduce((sum, r) => sum + r.resumesPastZombie, 0)).toBeGreaterThanOrEqual(50)

    const byEmail = new Map<string, number>()
    for (const order of sandbox.ledger.orders()) byEmail.set(order.email, (byEmail.get(order.email) ?? 0) + 1)
    const duplicates = [...byEmail].filter(([, n]) => n > 1)
    expect(duplicates).toEqual([])
    const lost: string[] = []
    reports.forEach((report, i) => {
      expect(report.sheets).toBeGreaterThanOrEqual(1)
      expect(report.finalCode, report.outputs.at(-1)).toBe(0)
      for (let sheet = 1; sheet <= report.sheets; sheet++) {
        for (let r = 1; r <= ROWS_PER_SHEET; r++) {
          const email = `l${i + 1}s${sheet}r${r}@example.com`
          if (!byEmail.has(email)) lost.push(email)
        }
      }
    })
    expect(lost).toEqual([])
    expect(sandbox.ledger.count()).toBe(reports.reduce((sum, r) => sum + r.sheets, 0) * ROWS_PER_SHEET)
  }, 300_000)
})
