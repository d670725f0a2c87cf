// Engine benchmarks (issue 3): throughput of the sender against the in-process sandbox, and pacing
// accuracy under latency. Run from run.ts in their own process; a report, never a test.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiClient } from '../../electron/main/api/api-client'
import { Journal } from '../../electron/main/journal'
import { startSandbox } from '../../electron/main/sandbox/sandbox'
import { sendRun } from '../../electron/main/sender/send-run'
import { startSandboxThread } from './sandbox-thread'

const ACCOUNT = 'bench'
const SECRET = 'bench-secret'

function payload(i: number): Array<[string, string]> {
  return [
    ['goods[0][good_name]', 'course-pro'],
    ['goods[0][good_sum]', (1000 + (i % 500)).toFixed(2)],
    ['bill_first_name', 'Anna'],
    ['bill_surname', 'Smirnova'],
    ['bill_email', `buyer${i}@example.com`],
    ['bill_phone', '+7 916 123-45-67'],
    ['bill_created', String(1_780_000_000 + i)]
  ]
}

function stage(journal: Journal, count: number, apiBase: string): number {
  const run = journal.createRun({ sourceName: 'bench.csv', sourceHash: createHash('sha256').update(`${Date.now()}-${count}`).digest('hex'), sourceSize: 0, sheet: null, mapping: {}, settings: { rate: 1, concurrency: 1, apiBase, login: ACCOUNT }, destination: 'sandbox' })
  journal.stageOrders(run.id, Array.from({ length: count }, (_, i) => ({ ordinal: i + 1, groupKey: null, fingerprint: `bench-${run.id}-${i}`, payload: payload(i), email: `buyer${i}@example.com`, rows: [{ sheetRow: i + 2, cells: [] }] })))
  return run.id
}

/** Orders per second through the whole engine (journal at synchronous=FULL), next to the same
 * signed calls made by the bare API client with nothing journaled. */
export async function throughputReport(count = 5000, concurrency = 16): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orderbatch-engine-'))
  const sandbox = await startSandboxThread({ account: ACCOUNT, secret: SECRET })
  try {
    const client = new ApiClient({ baseUrl: sandbox.baseUrl, login: ACCOUNT, secret: SECRET })

    // Raw: the client alone, same concurrency, same payloads.
    let next = 0
    const rawStart = performance.now()
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < count) await client.createOrder(payload(1_000_000 + next++))
    }))
    const rawRate = count / ((performance.now() - rawStart) / 1000)

    const journal = Journal.open(join(dir, 'journal.sqlite'))
    const runId = stage(journal, count, sandbox.baseUrl)
    const started = performance.now()
    const result = await sendRun(runId, { journal, client }, { rate: 1_000_000, concurrency }).done
    const ours = count / ((performance.now() - started) / 1000)
    const durability = journal.durability()

    // The engine alone: the same journal work against a shop that answers at once, in memory.
    let bill = 500_000
    const instant = {
      createOrder: async () => {
        bill += 1
        return { kind: 'answer' as const, httpStatus: 200, errorCode: 0, errorText: 'ok', result: { bill_id: bill }, raw: `{"error_code":0,"result":{"bill_id":${bill}}}`, hashValid: true }
      },
      getBills: client.getBills.bind(client),
      getOrderDetails: client.getOrderDetails.bind(client)
    }
    const engineRun = stage(journal, count, 'memory://instant')
    const engineStart = performance.now()
    await sendRun(engineRun, { journal, client: instant }, { rate: 1_000_000, concurrency }).done
    const engineOnly = count / ((performance.now() - engineStart) / 1000)
    journal.close()
    return [
      `Engine throughput, ${count} orders to the in-process sandbox (on its own thread), no latency, ${concurrency} in flight, journal synchronous=${durability.synchronous === 2 ? 'FULL' : durability.synchronous}`,
      `raw ApiClient.createOrder loop (nothing journaled)  ${rawRate.toFixed(0).padStart(7)} orders/s`,
      `ours: sendRun (intent + outcome journaled)          ${ours.toFixed(0).padStart(7)} orders/s   (${result.counts.succeeded} created)`,
      `ours: sendRun against an instant in-memory shop    ${engineOnly.toFixed(0).padStart(7)} orders/s   (the engine alone)`,
      `  target at least 1000 orders/s: ${ours >= 1000 ? 'met' : 'NOT MET'} end to end; ${engineOnly >= 1000 ? 'met' : 'NOT MET'} by the engine alone`,
      ''
    ]
  } finally {
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Request starts at a configured rate under 50-250 ms of latency: the achieved rate and the
 * busiest 1-second window, measured at the client. */
export async function pacingReport(rate = 20, seconds = 30): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orderbatch-pacing-'))
  const sandbox = await startSandbox({ account: ACCOUNT, secret: SECRET, latencyMs: 50, jitterMs: 200 })
  try {
    const inner = new ApiClient({ baseUrl: sandbox.baseUrl, login: ACCOUNT, secret: SECRET })
    const starts: number[] = []
    const client = {
      createOrder: (params: Array<[string, string]>) => {
        starts.push(performance.now())
        return inner.createOrder(params)
      },
      getBills: inner.getBills.bind(inner),
      getOrderDetails: inner.getOrderDetails.bind(inner)
    }
    const journal = Journal.open(join(dir, 'journal.sqlite'))
    const count = rate * seconds + 1
    const runId = stage(journal, count, sandbox.baseUrl)
    await sendRun(runId, { journal, client }, { rate, concurrency: 8 }).done
    journal.close()
    const achieved = ((starts.length - 1) * 1000) / (starts.at(-1)! - starts[0]!)
    let busiest = 0
    for (let i = 0, j = 0; i < starts.length; i++) {
      // Half-open windows (t - 1 s, t]: a start exactly one second after another is in the next window.
      while (starts[j]! <= starts[i]! - 1000) j++
      busiest = Math.max(busiest, i - j + 1)
    }
    return [
      `Pacing, ${rate} requests/s for ${seconds} s, sandbox latency 50-250 ms, 8 in flight`,
      `achieved ${achieved.toFixed(3)} requests/s = ${((100 * achieved) / rate).toFixed(2)}% of the rate (target at least 99%): ${achieved >= rate * 0.99 ? 'met' : 'NOT MET'}`,
      `busiest 1-second window: ${busiest} starts (limit ${rate}): ${busiest <= rate ? 'never above the rate' : 'ABOVE THE RATE'}`,
      ''
    ]
  } finally {
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === 'throughput') process.stdout.write(`${(await throughputReport()).join('\n')}\n`)
if (process.argv[2] === 'pacing') process.stdout.write(`${(await pacingReport(20, Number(process.env.BENCH_PACING_SECONDS ?? 30))).join('\n')}\n`)
