// npm run bench: our figures next to the raw libraries doing the same work, in the same run.
// A report, not a test: nothing here fails a build.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateRows, toCsv, toXlsx } from './generate-orders'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3)
const dir = join(tmpdir(), 'orderbatch-bench')
const here = fileURLToPath(new URL('.', import.meta.url))

interface Sample { kind: string; ms: number; count: number; maxRssMb: number }

function prepareFiles(): { csv: string; xlsx: string } {
  mkdirSync(dir, { recursive: true })
  const csv = join(dir, `orders-${ROWS}.csv`)
  const xlsx = join(dir, `orders-${ROWS}.xlsx`)
  if (!existsSync(csv) || !existsSync(xlsx)) {
    const rows = generateRows(ROWS)
    writeFileSync(csv, toCsv(rows))
    writeFileSync(xlsx, toXlsx(rows))
  }
  return { csv, xlsx }
}

function runCase(kind: string, file: string): Sample {
  const samples: Sample[] = []
  for (let i = 0; i < REPEAT; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'cases/input-case.ts'), kind, file], { encoding: 'utf8', maxBuffer: 1 << 20 })
    samples.push(JSON.parse(out.trim().split('\n').pop()!) as Sample)
  }
  samples.sort((a, b) => a.ms - b.ms)
  const median = samples[Math.floor(samples.length / 2)]!
  return { ...median, maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)) }
}

function line(label: string, s: Sample): string {
  return `${label.padEnd(44)} ${s.ms.toFixed(0).padStart(7)} ms   peak RSS ${s.maxRssMb.toFixed(0).padStart(5)} MB   (${s.count} rows/orders)`
}

function compare(title: string, target: number, raw: [string, Sample], ours: [string, Sample]): string[] {
  const ratio = ours[1].ms / raw[1].ms
  const verdict = ratio <= target ? 'within target' : 'OVER TARGET'
  return [title, line(raw[0], raw[1]), line(ours[0], ours[1]), `  ratio ${ratio.toFixed(2)}x (target at most ${target}x): ${verdict}`, '']
}

async function main(): Promise<void> {
  const { csv, xlsx } = prepareFiles()
  const report: string[] = [`Input pipeline, ${ROWS} rows x 20 columns, median of ${REPEAT} runs, each in its own process`, '']
  report.push(...compare('CSV', 1.5, ['raw Papa.parse (strings)', runCase('papa-raw', csv)], ['ours: read + map + validate + group', runCase('csv-ours', csv)]))
  report.push(...compare('XLSX', 1.2, ['raw XLSX.read + sheet_to_json', runCase('xlsx-raw', xlsx)], ['ours: read + map + validate + group', runCase('xlsx-ours', xlsx)]))
  process.stdout.write(`${report.join('\n')}\n`)
}

await main()
