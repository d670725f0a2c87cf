// The app at scale (issue 14): a 500,000-row CSV dropped on the app service (the door both hosts
// use), then what the Review screen does with it: cell edits, grid pages, and the host's memory.
// Targets: drop to a usable Map step under 5 s, a cell edit under 150 ms, a grid page under 20 ms,
// host RSS under 1 GB. A report, not a test: it runs in a process of its own and prints the
// figures, met or not.
//
// Usage: node --import tsx test/bench/app-bench.ts [sheet.csv]   (default: the bench's
//   500,000-row CSV, written once into the bench folder). BENCH_APP_EDITS (default 20) edits and
//   as many pages of each kind.
//
// The sheet worker is the compiled one the app runs (out/main/sheet-worker.js, built first with
// `npm run build` when missing or older than its sources), not the TypeScript one through tsx,
// whose start-up alone costs about 0.4 s of CPU inside the timed drop.
//
// So that the drop's figure means something on any machine, the same run first times the raw
// library doing the comparable work, in a process of its own (the 'papa-raw-read' case of
// cases/input-case.ts, as `npm run bench` runs 'papa-raw'): the file read, decoded and parsed by
// Papa Parse to strings. The drop is printed with its ratio to that, next to the absolute target.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Channel, ChannelInput, ChannelOutputs, IpcResult } from '#shared/ipc/contract'
import { createAppService } from '../../electron/main/service/app-service'
import { callChannel } from '../../electron/main/service/dispatch'
import { createMemorySecretStore } from '../../electron/main/service/secret-store'
import { runBuiltSheetWorker } from '../../electron/main/sheets/run-worker'
// @ts-expect-error plain JavaScript without declarations (the CLI's launcher uses it too)
import { builtCliState } from '../../bin/cli-entry.js'
import { BENCH_HEADERS, generateRows, toCsv } from './generate-orders'

const ROWS = 500_000
const EDITS = Math.max(3, Number(process.env.BENCH_APP_EDITS ?? 20))
const dir = join(tmpdir(), 'orderbatch-bench')
const here = fileURLToPath(new URL('.', import.meta.url))

interface Timing { ms: number; cpuMs: number }

/** Raw Papa Parse on the same file (read + decode + parse to strings), in its own process. */
function rawPapa(path: string): Timing & { maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'cases/input-case.ts'), 'papa-raw-read', path], { encoding: 'utf8', maxBuffer: 1 << 20 })
  return JSON.parse(out.trim().split('\n').pop()!) as Timing & { maxRssMb: number }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function timed<T>(work: () => Promise<T>): Promise<[T, Timing]> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = await work()
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  return [value, { ms, cpuMs: (used.user + used.system) / 1000 }]
}

function sheetPath(): string {
  const given = process.argv[2]
  if (given) return given
  const path = join(dir, `orders-${ROWS}.csv`)
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(path, toCsv(generateRows(ROWS)))
  }
  return path
}

/** Resolves once the process used under 10% of a core over a quarter second. */
async function untilIdle(): Promise<void> {
  for (;;) {
    const cpu = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 250))
    const used = process.cpuUsage(cpu)
    if ((used.user + used.system) / 1000 < 25) return
  }
}

function rssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024)
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED'
}

function line(label: string, timings: Timing[], targetMs: number): string {
  const ms = median(timings.map((t) => t.ms))
  const cpu = median(timings.map((t) => t.cpuMs))
  const max = Math.max(...timings.map((t) => t.ms))
  const runs = timings.length > 1 ? ` (median of ${timings.length}, slowest ${max.toFixed(1)} ms)` : ''
  return `${label.padEnd(52)} wall ${ms.toFixed(1).padStart(8)} ms  cpu ${cpu.toFixed(1).padStart(8)} ms${runs}  target under ${targetMs} ms: wall ${verdict(ms <= targetMs)}, cpu ${verdict(cpu <= targetMs)}`
}

/** The compiled sheet worker, built first when out/main is missing or older than its sources
 * (the CLI and the worker are entries of the same build). */
function builtWorker(): URL {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  if ((builtCliState(root) as string) !== 'built') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
  return pathToFileURL(join(root, 'out/main/sheet-worker.js'))
}

async function main(): Promise<void> {
  const path = sheetPath()
  runBuiltSheetWorker(builtWorker())
  const home = mkdtempSync(join(dir, 'app-'))
  const service = createAppService({ userDataDir: home, journalPath: join(home, 'journal.sqlite'), secrets: createMemorySecretStore(), host: 'browser', tempDir: home, version: 'bench' })
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutputs[C]> => {
    const result = (await callChannel(service.handlers, channel, input)) as IpcResult<ChannelOutputs[C]>
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value
  }
  const report = [`App at scale: ${path}, compiled sheet worker (load average at start: ${loadavg().map((n) => n.toFixed(1)).join(' ')})`]
  const raw = rawPapa(path)
  try {
    const rssBefore = rssMb()
    // What the host gets from a drop: the file's bytes; the summary is what the Map step shows.
    const [summary, drop] = await timed(async () => {
      const file = readFileSync(path)
      return call('sheet.load', { name: 'orders.csv', bytes: new Uint8Array(file.buffer, file.byteOffset, file.length) })
    })
    const rows = summary.counts.rows
    report.push(
      `${'raw: read + decode + Papa.parse to strings'.padEnd(52)} wall ${raw.ms.toFixed(1).padStart(8)} ms  cpu ${raw.cpuMs.toFixed(1).padStart(8)} ms  (own process, peak RSS ${raw.maxRssMb.toFixed(0)} MB)`,
      line(`drop to usable Map (${rows} rows, ${summary.counts.orders} orders)`, [drop], 5_000),
      `  drop / raw Papa: wall ${(drop.ms / raw.ms).toFixed(2)}x, cpu ${(drop.cpuMs / raw.cpuMs).toFixed(2)}x`
    )
    const rssLoaded = rssMb()
    const sessionId = summary.sessionId
    const email = summary.headers.indexOf(BENCH_HEADERS[3]!)
    const price = summary.headers.indexOf(BENCH_HEADERS[11]!)
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    // The session indexes every order's address and order number in slices after the drop,
    // while the user looks at the Map step; wait until the host is idle, as the user would.
    const [, indexing] = await timed(untilIdle)
    report.push(`  background indexing after the drop, until the host is idle: wall ${indexing.ms.toFixed(0)} ms, cpu ${indexing.cpuMs.toFixed(0)} ms (in slices of about 12 ms)`)
    const edits: Timing[] = []
    const [, first] = await timed(() => call('rows.edit', { sessionId, row: 2 + next(rows), column: price, value: '1234.50' }))
    for (let i = 0; i < EDITS; i++) {
      const row = 2 + next(rows)
      // Prices, and addresses made the same as another customer's (that customer's orders are
      // planned again too: the search for repeated orders compares orders of one address).
      const [, t] = await timed(() =>
        i % 2 === 0
          ? call('rows.edit', { sessionId, row, column: price, value: `${100 + i}.00` })
          : call('rows.edit', { sessionId, row, column: email, value: `buyer${next(rows)}@example.com` })
      )
      edits.push(t)
    }
    report.push(line('first cell edit', [first], 150))
    report.push(line('cell edit (re-plan, row and counts back)', edits, 150))
    const pages: Timing[] = []
    for (let i = 0; i < EDITS; i++) {
      const [, t] = await timed(() => call('rows.page', { sessionId, offset: next(rows - 200), limit: 200, filter: 'all' }))
      pages.push(t)
    }
    report.push(line('grid page of 200 rows (with counts)', pages, 20))
    const problemPages: Timing[] = []
    for (let i = 0; i < EDITS; i++) {
      const [, t] = await timed(() => call('rows.page', { sessionId, offset: i * 200, limit: 200, filter: 'problems' }))
      problemPages.push(t)
    }
    report.push(line('grid page, problems only', problemPages, 20))
    const [, exclude] = await timed(() => call('rows.exclude', { sessionId, rows: [2 + next(rows)], excluded: true }))
    report.push(line('exclude a row (renumbers the orders after it)', [exclude], 150))
    const rssEnd = rssMb()
    const peak = process.resourceUsage().maxRSS / 1024
    report.push(
      `host RSS: ${rssBefore.toFixed(0)} MB at start, ${rssLoaded.toFixed(0)} MB with the sheet loaded, ${rssEnd.toFixed(0)} MB after the edits; peak ${peak.toFixed(0)} MB  target under 1,024 MB: ${verdict(peak < 1024)} (peak), ${verdict(rssEnd < 1024)} (loaded)`
    )
  } finally {
    await service.dispose()
    rmSync(home, { recursive: true, force: true })
  }
  process.stdout.write(`${report.join('\n')}\n`)
}

await main()
