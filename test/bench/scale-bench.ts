// The scale cases of issue 14 that are not about reading sheets: the export of a 500k-order run
// (CSV and XLSX, after a raw baseline: the same rows read by better-sqlite3 and joined into plain
// CSV lines), the CLI's start-up (`orderbatch --help`) and a 500k-order dry run that writes every
// signed request, beside the raw libraries doing the same work (raw-dry-run.mjs). Each measured
// case runs in its own process; the report gives wall time, CPU time and peak RSS next to the
// target. A report, not a test.
//
// Usage: node --import tsx test/bench/scale-bench.ts [export|help|dry-run]...  (default: all)
//   BENCH_SCALE_ORDERS (default 500000), BENCH_REPEAT (default 3).
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
// @ts-expect-error -- plain JavaScript beside the bin script, without type declarations
import { builtCliState as builtCliStateJs } from '../../bin/cli-entry.js'
import { Journal } from '../../electron/main/journal'
import { streamResults } from '../../electron/main/export/stream-results'
import { BENCH_HEADERS, generateRows, toCsv } from './generate-orders'

const builtCliState = builtCliStateJs as (root: string) => string
const ORDERS = Number(process.env.BENCH_SCALE_ORDERS ?? 500_000)
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))
const dir = join(tmpdir(), 'orderbatch-bench')
const here = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(here, '../..')
const bin = join(root, 'bin/orderbatch.js')
const usageHook = join(here, 'report-usage.mjs')

interface Sample { ms: number; cpuMs: number; maxRssMb: number }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function summary(label: string, runs: Sample[], target: { ms: number; rssMb?: number } | null): string {
  const ms = median(runs.map((r) => r.ms))
  const cpuMs = median(runs.map((r) => r.cpuMs))
  const rss = Math.max(...runs.map((r) => r.maxRssMb))
  const line = `${label.padEnd(44)} wall ${ms.toFixed(0).padStart(6)} ms  cpu ${cpuMs.toFixed(0).padStart(6)} ms  peak RSS ${rss.toFixed(0).padStart(5)} MB  ` +
    `(runs wall ${runs.map((r) => r.ms.toFixed(0)).join('/')})`
  if (target === null) return `${line}  (a baseline, no target)`
  const okTime = ms <= target.ms
  const okRss = target.rssMb === undefined || rss <= target.rssMb
  const goal = `target under ${target.ms / 1000} s${target.rssMb === undefined ? '' : ` and ${target.rssMb} MB`}`
  return `${line}  ${goal}: ${okTime && okRss ? 'met' : 'MISSED'}`
}

/** Ratio of the medians of ours to the raw libraries' (peak RSS: of the highest runs). */
function ratio(ours: Sample[], raw: Sample[], of: keyof Sample): string {
  const pick = (runs: Sample[]): number => (of === 'maxRssMb' ? Math.max(...runs.map((r) => r[of])) : median(runs.map((r) => r[of])))
  return (pick(ours) / pick(raw)).toFixed(2)
}

/** A process started with the usage hook writes its CPU time and peak RSS to BENCH_USAGE_FILE. */
function measured(args: string[], env: Record<string, string> = {}): Sample {
  const file = join(dir, `usage-${process.pid}.json`)
  rmSync(file, { force: true })
  const started = performance.now()
  const r = spawnSync(process.execPath, ['--import', usageHook, ...args], {
    cwd: root,
    env: { ...process.env, ...env, BENCH_USAGE_FILE: file },
    encoding: 'utf8',
    maxBuffer: 1 << 24
  })
  const ms = performance.now() - started
  if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  const usage = JSON.parse(readFileSync(file, 'utf8')) as { cpuMs: number; maxRssMb: number }
  return { ms, ...usage }
}

// Export

/** A journal holding one run of ORDERS orders (one sheet row each, the bench's 20 columns):
 * 80% created, 10% refused by the shop with a formula-like text, 10% pending. Built once. */
function exportJournal(): string {
  const path = join(dir, `export-${ORDERS}.sqlite`)
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  const building = `${path}.building`
  rmSync(building, { force: true })
  Journal.open(building).close()
  const db = new Database(building)
  const mapping = JSON.stringify({ version: 1, source: { headers: BENCH_HEADERS, headerRow: 1, format: 'csv', sandbox: true } })
  const settings = JSON.stringify({ rate: 20, concurrency: 4, apiBase: 'http://127.0.0.1:1/api/', login: 'sandbox' })
  const runId = Number(db.prepare(`INSERT INTO runs (created_at, source_name, source_hash, source_size, sheet, mapping, settings, status)
    VALUES (?, 'orders.csv', ?, 1, NULL, ?, ?, 'finished')`).run(Date.now(), 'b'.repeat(64), mapping, settings).lastInsertRowid)
  const order = db.prepare(`INSERT INTO orders (run_id, ordinal, group_key, fingerprint, payload, email, state, bill_id, error_code, error_text)
    VALUES (?, ?, NULL, ?, '[]', ?, ?, ?, ?, ?)`)
  const row = db.prepare('INSERT INTO order_rows (order_id, sheet_row, row) VALUES (?, ?, ?)')
  const rows = generateRows(ORDERS)
  db.transaction(() => {
    rows.forEach((cells, i) => {
      const ordinal = i + 1
      const state = ordinal % 10 === 0 ? 'failed' : ordinal % 10 === 9 ? 'pending' : 'succeeded'
      const id = Number(order.run(runId, ordinal, `f${ordinal}`, cells[3], state, state === 'succeeded' ? 100000 + ordinal : null,
        state === 'failed' ? 604 : null, state === 'failed' ? '=Product not found: "course-x"' : null).lastInsertRowid)
      row.run(id, ordinal + 1, JSON.stringify(cells))
    })
  })()
  db.close()
  renameSync(building, path)
  return path
}

async function exportCase(format: 'csv' | 'xlsx', journalPath: string): Promise<void> {
  const journal = Journal.open(journalPath)
  try {
    const out = join(dir, `export-out-${process.pid}.${format}`)
    const counts = await streamResults(out, journal, journal.latestRun()!, format)
    process.stderr.write(`${format}: ${counts.rows} rows, ${(statSync(out).size / 1e6).toFixed(0)} MB\n`)
    rmSync(out, { force: true })
  } finally {
    journal.close()
  }
}

/** The raw baseline for the CSV export: better-sqlite3 iterating the same rows (the orders of the
 * run with their sheet rows, in file order) and each line written as a plain join of the cells and
 * the order's stored result, without quoting, labels, notes or the status step. */
function rawExportCase(journalPath: string): void {
  const db = new Database(journalPath, { readonly: true })
  const out = join(dir, `export-raw-${process.pid}.csv`)
  const fd = openSync(out, 'w')
  try {
    const runId = (db.prepare('SELECT max(id) AS id FROM runs').get() as { id: number }).id
    const rows = db.prepare(`SELECT o.ordinal, o.state, o.bill_id, o.error_code, o.error_text, r.row FROM orders o
      JOIN order_rows r ON r.order_id = o.id WHERE o.run_id = ? ORDER BY o.ordinal, r.sheet_row`).raw()
    let chunk = ''
    let count = 0
    for (const [ordinal, state, billId, errorCode, errorText, row] of rows.iterate(runId) as IterableIterator<unknown[]>) {
      const cells = JSON.parse(row as string) as unknown[]
      chunk += `${cells.join(',')},${String(ordinal)},${String(state)},${String(billId ?? '')},${String(errorCode ?? '')},${String(errorText ?? '')}\n`
      count++
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    writeSync(fd, chunk)
    process.stderr.write(`raw csv: ${count} rows, ${(statSync(out).size / 1e6).toFixed(0)} MB\n`)
  } finally {
    closeSync(fd)
    db.close()
    rmSync(out, { force: true })
  }
}

// Dry run

function dryRunSheet(): string {
  const path = join(dir, `orders-${ORDERS}.csv`)
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(path, toCsv(generateRows(ORDERS)))
  }
  return path
}

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2)
  if (first === 'export-case') return exportCase(rest[0] as 'csv' | 'xlsx', rest[1]!)
  if (first === 'export-raw') return rawExportCase(rest[0]!)
  // The start-up and dry-run cases measure the compiled CLI, as users run it.
  if (builtCliState(root) !== 'built') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
  const parts = first === undefined ? ['export', 'help', 'dry-run'] : [first, ...rest]
  const report = [`Scale cases, ${ORDERS} orders, median of ${REPEAT} runs, each in its own process (load average at start: ${loadavg().map((n) => n.toFixed(1)).join(' ')})`]
  const self = fileURLToPath(import.meta.url)
  if (parts.includes('export')) {
    const journal = exportJournal()
    const raw = Array.from({ length: REPEAT }, () => measured(['--import', 'tsx', self, 'export-raw', journal]))
    report.push(summary('raw: rows + plain-join CSV (better-sqlite3)', raw, null))
    for (const format of ['csv', 'xlsx'] as const) {
      const runs = Array.from({ length: REPEAT }, () => measured(['--import', 'tsx', self, 'export-case', format, journal]))
      report.push(summary(`export of a ${ORDERS}-order run to ${format.toUpperCase()}`, runs, { ms: format === 'csv' ? 10_000 : 60_000, rssMb: 400 }))
    }
  }
  if (parts.includes('help')) {
    // Node's own start on this machine, for scale: the part of the figure that is not ours.
    const bare = Array.from({ length: Math.max(REPEAT, 5) }, () => measured(['-e', '0']))
    const runs = Array.from({ length: Math.max(REPEAT, 5) }, () => measured([bin, '--help']))
    report.push(summary('node -e 0 (bare Node start, for scale)', bare, { ms: 300 }))
    report.push(summary('orderbatch --help (whole process)', runs, { ms: 300 }))
  }
  if (parts.includes('dry-run')) {
    const sheet = dryRunSheet()
    const out = join(dir, 'dry-run.jsonl')
    const rawOut = join(dir, 'dry-run-raw.jsonl')
    // Ours and the raw libraries doing the same work (raw-dry-run.mjs) alternate, run by run.
    const runs: Sample[] = []
    const raw: Sample[] = []
    for (let i = 0; i < REPEAT; i++) {
      runs.push(measured([bin, 'import', sheet, '--dry-run', '--sandbox', '--emit-requests', out]))
      raw.push(measured([join(here, 'raw-dry-run.mjs'), sheet, rawOut]))
    }
    report.push(summary('raw: read, Papa.parse, form body, MD5, JSON line', raw, { ms: 4_000 }))
    report.push(summary(`dry run of ${ORDERS} orders with --emit-requests`, runs, { ms: 4_000 }))
    report.push(`  ours / raw: wall ${ratio(runs, raw, 'ms')}x, cpu ${ratio(runs, raw, 'cpuMs')}x, peak RSS ${ratio(runs, raw, 'maxRssMb')}x ` +
      '(the raw libraries give the floor; the 4 s target is absolute)')
    rmSync(out, { force: true })
    rmSync(rawOut, { force: true })
  }
  process.stdout.write(`${report.join('\n')}\n`)
}

await main()
