// The Products step at scale (issue 12): a large CSV loaded into the app service with the
// built-in sandbox selling four of the bench's five products (so a fifth of the orders are
// stopped by the catalog check), then cell edits timed with what the app asks after each: the
// edit itself (row and counts back), the Products step's view (products.list) and Review's
// "problems only" page. A report, not a test.
//
// Usage: node --import tsx test/bench/products-edit-bench.ts [rows]   (default 100,000)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, ChannelInput, ChannelOutputs, IpcResult } from '#shared/ipc/contract'
import { createAppService } from '../../electron/main/service/app-service'
import { callChannel } from '../../electron/main/service/dispatch'
import { createMemorySecretStore } from '../../electron/main/service/secret-store'
import { BENCH_HEADERS, generateRows, toCsv } from './generate-orders'

const ROWS = Number(process.argv[2] ?? 100_000)
const EDITS = Number(process.env.BENCH_APP_EDITS ?? 15)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  return [value, performance.now() - started]
}

async function untilIdle(): Promise<void> {
  for (;;) {
    const cpu = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 250))
    const used = process.cpuUsage(cpu)
    if ((used.user + used.system) / 1000 < 25) return
  }
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'orderbatch-products-bench-'))
  const service = createAppService({
    userDataDir: home, journalPath: join(home, 'journal.sqlite'), secrets: createMemorySecretStore(), host: 'browser', tempDir: home, version: 'bench',
    sandboxProducts: [
      { name: 'course-basic', title: 'Basic course', price: '4900.00', type: 'digital' },
      { name: 'pro-2026', title: 'course-pro', price: '14900.00', type: 'digital' },
      { name: 'ebook-start', title: 'E-book', price: '990.00', type: 'digital' },
      { name: 'webinar-pass', title: 'Webinar', price: '3000.00', type: 'physical' }
    ]
  })
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutputs[C]> => {
    const result = (await callChannel(service.handlers, channel, input)) as IpcResult<ChannelOutputs[C]>
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value
  }
  try {
    const csv = Buffer.from(toCsv(generateRows(ROWS)))
    const [summary, load] = await timed(() => call('sheet.load', { name: 'orders.csv', bytes: new Uint8Array(csv.buffer, csv.byteOffset, csv.length) }))
    const { sessionId } = summary
    const [first, firstList] = await timed(() => call('products.list', { sessionId }))
    await untilIdle()
    const price = summary.headers.indexOf(BENCH_HEADERS[11]!)
    const product = summary.headers.indexOf(BENCH_HEADERS[10]!)
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const edits: number[] = []
    const lists: number[] = []
    const problems: number[] = []
    for (let i = 0; i < EDITS; i++) {
      const row = 2 + next(ROWS)
      const [, e] = await timed(() =>
        i % 2 === 0
          ? call('rows.edit', { sessionId, row, column: price, value: `${100 + i}.00` })
          : call('rows.edit', { sessionId, row, column: product, value: i % 4 === 1 ? 'consult-60' : 'course-pro' })
      )
      edits.push(e)
      const [, l] = await timed(() => call('products.list', { sessionId }))
      lists.push(l)
      const [, p] = await timed(() => call('rows.page', { sessionId, offset: 0, limit: 200, filter: 'problems' }))
      problems.push(p)
    }
    const last = await call('products.list', { sessionId })
    const fmt = (label: string, values: number[]) => `${label.padEnd(44)} median ${median(values).toFixed(1).padStart(8)} ms, slowest ${Math.max(...values).toFixed(1).padStart(8)} ms`
    process.stdout.write([
      `Products step at scale: ${summary.counts.rows} rows, ${summary.counts.orders} orders; load ${load.toFixed(0)} ms; first products.list (catalog read + full check) ${firstList.toFixed(0)} ms`,
      `  stopped at first: ${first.stopped.unknownProduct} unknown product, ${first.stopped.delivery} delivery; after the edits: ${last.stopped.unknownProduct}, ${last.stopped.delivery}; valid ${last.counts.validOrders}`,
      fmt(`rows.edit (x${EDITS})`, edits),
      fmt('products.list after an edit', lists),
      fmt('rows.page problems after an edit', problems),
      `host RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`
    ].join('\n') + '\n')
  } finally {
    await service.dispose()
    rmSync(home, { recursive: true, force: true })
  }
}

await main()
