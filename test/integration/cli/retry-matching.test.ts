// retry --from without the "Run order" column: rows are matched by the order-number column when
// the run grouped rows into orders, else by position in a file corrected in place. A corrected
// order that is still wrong is reported and stays failed.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE, cli, shopOrders, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let flags: string[]
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  flags = ['--sandbox', '--journal', join(dir, 'j.sqlite')]
})
afterEach(() => cleanup())

// Each step reads a sheet in a worker; on a busy machine the steps together take longer than the
// default test time.
const fast = ['--rate', '500', '--concurrency', '8', '--yes']
const sample = () => readFileSync(SAMPLE, 'utf8')

describe('retry --from', () => {
  it('refuses a file without the run\'s columns, reports an order that is still wrong, then matches by the order number', async () => {
    expect((await cli(['import', SAMPLE, ...flags, ...fast])).code).toBe(2)

    writeFileSync(join(dir, 'other.csv'), 'Name,Mail\nA,a@example.com\n')
    const other = await cli(['retry', '1', '--from', join(dir, 'other.csv'), ...flags, ...fast])
    expect(other.code).toBe(1)
    expect(other.err).toMatch(/^retry: other\.csv lacks the columns .*"Email", "Phone", .*Headers seen: "Name", "Mail"\./m)

    expect((await cli(['export', '1', '--only', 'failed', '--out', join(dir, 'failed.xlsx'), ...flags])).code).toBe(0)
    const unchanged = await cli(['retry', '1', '--from', join(dir, 'failed.xlsx'), ...flags, ...fast])
    expect(unchanged.code).toBe(1)
    expect(unchanged.out).toContain('failed.xlsx: 0 failed orders corrected (matched by run order).')
    expect(unchanged.out).toMatch(/Order #3 \(failed\.xlsx row 2\) is still not right, so it stays failed: Row 2, column "Email": "maria\.ivanova@"/)
    expect(unchanged.out).toContain('Nothing was sent.')
    expect(shopOrders(join(dir, 'j-shop.sqlite'))).toHaveLength(29)

    // Without a "Run order" column; the second line is an order that was created.
    const lines = sample().split('\n')
    const fixed = [lines[0], lines[3]!.replace('maria.ivanova@,', 'maria.ivanova@example.ru,'), lines[1]].join('\n')
    writeFileSync(join(dir, 'fixed.csv'), `${fixed}\n`)
    const r = await cli(['retry', '1', '--from', join(dir, 'fixed.csv'), ...flags, ...fast])
    expect(r.out).toContain('fixed.csv: 1 failed order corrected (matched by group key).')
    expect(r.out).toContain('1 order in the file is not failed in run 1 and was left alone.')
    expect(r.code).toBe(0)
    expect(shopOrders(join(dir, 'j-shop.sqlite'))).toHaveLength(30)
  }, 60_000)

  it('matches by position in a file corrected in place when the run did not group rows', async () => {
    const mapping = join(dir, 'm.json')
    expect((await cli(['mapping', SAMPLE, '--out', mapping])).code).toBe(0)
    writeFileSync(mapping, JSON.stringify({ ...JSON.parse(readFileSync(mapping, 'utf8')), groupBy: null }))
    expect((await cli(['import', SAMPLE, '--mapping', mapping, ...flags, ...fast])).code).toBe(2)
    writeFileSync(join(dir, 'orders.csv'), sample().replace('maria.ivanova@,', 'maria.ivanova@example.ru,'))
    const r = await cli(['retry', '1', '--from', join(dir, 'orders.csv'), ...flags, ...fast])
    expect(r.out).toContain('orders.csv: 1 failed order corrected (matched by position).')
    expect(r.out).toContain('29 orders in the file are not failed in run 1 and were left alone.')
    expect(r.code).toBe(0)
    expect(shopOrders(join(dir, 'j-shop.sqlite'))).toHaveLength(30)
  }, 60_000)
})
