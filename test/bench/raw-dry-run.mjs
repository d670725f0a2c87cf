// The raw libraries doing what a dry run with --emit-requests does, for scale beside ours (the
// scale bench's dry-run case runs it in its own process with the same usage hook and file): read
// and decode the file, Papa.parse it to strings, and for every data row build a form body of its
// cells (header=cell, encodeURIComponent, joined with &), MD5 it with crypto.hash and write one
// JSON line per row. No mapping, checks, grouping or PHP encoding: the floor under our figure.
//
// Usage: node [--import report-usage.mjs] test/bench/raw-dry-run.mjs <sheet.csv> <out.jsonl>
import { hash } from 'node:crypto'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import process from 'node:process'
import Papa from 'papaparse'

const [sheet, out] = process.argv.slice(2)
const text = readFileSync(sheet, 'utf8')
const rows = Papa.parse(text, { skipEmptyLines: true }).data
const keys = rows[0].map((header) => encodeURIComponent(header))
const fd = openSync(out, 'w')
let lines = []
for (let r = 1; r < rows.length; r++) {
  const cells = rows[r]
  const body = cells.map((cell, c) => `${keys[c]}=${encodeURIComponent(cell)}`).join('&')
  lines.push(JSON.stringify({ row: r + 1, body: `${body}&hash=${hash('md5', body, 'hex')}` }))
  if (lines.length === 10_000) {
    writeSync(fd, `${lines.join('\n')}\n`)
    lines = []
  }
}
if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`)
closeSync(fd)
process.stderr.write(`raw: ${rows.length - 1} rows\n`)
