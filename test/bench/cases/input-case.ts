// One benchmark case, run in its own process so its peak memory (maxRSS) is its own.
// Usage: node --import tsx input-case.ts <case> <file>; prints one JSON line.
// Wall time alone is unreliable on a shared machine: a busy neighbour stretches it while this
// process waits for a core. CPU time (user + system, all threads, GC helpers included) is the work
// this process did, so both are reported.
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import * as XLSX from 'xlsx'
import { autoMap } from '#shared/mapping/auto-map'
import { planImport } from '#shared/plan/import-plan'
import { prepareImport } from '../../../electron/main/pipeline/prepare-import'
import { parseSheetBytes, readSheetFile } from '../../../electron/main/sheets/read-sheet'

const [kind, file] = process.argv.slice(2)
// The app's cases read the file themselves (in the sheet worker); holding it here too would
// count its bytes twice in the peak.
// 'papa-raw-read' times the file's read too (the app bench's baseline: a drop reads the file).
const bytes = kind === 'csv-preview' || kind === 'xlsx-read-app' || kind === 'papa-raw-read' ? new Uint8Array(0) : readFileSync(file!)

// Both sides get the same Buffer, as the app's sheet worker hands over the one it read.
function ours(): number {
  const { table } = parseSheetBytes(bytes, file!)
  const { mapping } = autoMap(table.headers, table.rows.slice(0, 200))
  return planImport(table, mapping).orders.length
}

/** The same work the way the app and the CLI do it: read in the sheet worker (started here from
 * source, so with tsx's start-up), the table sent back to this thread, then mapped and planned. */
async function asTheAppDoes(): Promise<number> {
  const read = await readSheetFile(file!)
  if (!read.ok) throw new Error(read.error.message)
  const { table } = read.value
  const { mapping } = autoMap(table.headers, table.rows.slice(0, 200))
  return planImport(table, mapping).orders.length
}

/** `orderbatch preview` without the printing: read in the sheet worker, map, plan. */
async function preview(): Promise<number> {
  const prepared = await prepareImport(file!)
  if (!prepared.ok) throw new Error(prepared.error.message)
  return prepared.value.plan.orders.length
}

/** Only the read, as the app does it: every row of the sheet must come back. */
async function readInWorker(): Promise<number> {
  const read = await readSheetFile(file!)
  if (!read.ok) throw new Error(read.error.message)
  return read.value.table.rows.length
}

/** Raw Papa Parse as its documentation shows it: the bytes decoded, parsed to strings. */
function papaRaw(input: Uint8Array): number {
  return Papa.parse<string[]>(new TextDecoder('utf-8').decode(input), { dynamicTyping: false, skipEmptyLines: true }).data.length
}

// The raw cases are the libraries doing the same reading, as their documentation shows them:
// nothing added, nothing tuned.
const CASES: Record<string, () => number | Promise<number>> = {
  'papa-raw': () => papaRaw(bytes),
  'papa-raw-read': () => papaRaw(readFileSync(file!)),
  'csv-ours': ours,
  'csv-app': asTheAppDoes,
  'xlsx-raw': () => {
    const wb = XLSX.read(bytes, { type: 'buffer', dense: true })
    return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true }).length
  },
  'xlsx-ours': ours,
  'xlsx-read-app': readInWorker,
  'csv-preview': preview
}

const run = CASES[kind!]
if (!run) throw new Error(`unknown case ${kind}`)
const cpuBefore = process.cpuUsage()
const started = performance.now()
const count = await run()
const ms = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const cpuMs = (cpu.user + cpu.system) / 1000
process.stdout.write(`${JSON.stringify({ kind, ms, cpuMs, count, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`)
