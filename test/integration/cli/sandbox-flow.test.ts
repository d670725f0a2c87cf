// The whole CLI flow against the built-in sandbox, step by step on one journal: import, re-import,
// status, export, retry from the fixed export, --force, undo.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { SAMPLE, cli, shopOrders, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let journalPath: string
let shopPath: string
let flags: string[]
let fast: string[]

beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
  journalPath = join(dir, 'j.sqlite')
  shopPath = join(dir, 'j-shop.sqlite')
  flags = ['--sandbox', '--journal', journalPath]
  fast = ['--rate', '500', '--concurrency', '8']
})
afterAll(() => cleanup())

function statusJson(run?: number) {
  return cli(['status', ...(run === undefined ? [] : [String(run)]), '--json', ...flags]).then((r) => JSON.parse(r.out) as Record<string, unknown>)
}

describe('orderbatch with the built-in sandbox', () => {
  it('imports the sample: 29 created, the row with an error listed, not sent, exit 2', async () => {
    const r = await cli(['import', SAMPLE, ...flags, ...fast, '--yes'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('To send: 29 orders to the built-in sandbox.')
    // No shop, so no notice of what a shop would do.
    expect(r.out).not.toContain('What the shop is likely to do')
    expect(r.out).toMatch(/Not sent, the sheet has errors \(1 order\):\n {2}#3: Row 4, column "Email": "maria\.ivanova@"/)
    expect(r.err).toContain('Run 1: sending 29 orders')
    expect(r.out).toContain('Run 1 finished: 29 created, 1 failed, 0 unknown (30 orders).')
    expect(r.out).toContain(`orderbatch retry 1 --from run-1-failed.csv --sandbox --journal ${journalPath}`)
    const shop = shopOrders(shopPath)
    expect(shop).toHaveLength(29)
    expect(shop.map((o) => o.email)).not.toContain('maria.ivanova@')
  })

  it('skips every order on a second import of the same file and stages no new run', async () => {
    const r = await cli(['import', SAMPLE, ...flags, ...fast, '--yes'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('To send: 0 orders')
    expect(r.out).toContain('run 1: 29 orders (#1, #2, #4,')
    expect(r.out).toContain('Nothing to send: every valid order was already created. Add --force to send them again.')
    const all = await cli(['status', '--all', '--json', ...flags])
    expect((JSON.parse(all.out) as unknown[]).length).toBe(1)
    expect(shopOrders(shopPath)).toHaveLength(29)
  })

  it('reports the run as JSON with its counts and the failed order', async () => {
    const run = await statusJson(1)
    expect(run).toMatchObject({ id: 1, status: 'finished', sandbox: true, total: 30, source: { name: 'orders.csv', sheet: null } })
    expect(run.counts).toMatchObject({ succeeded: 29, failed: 1, unknown: 0, pending: 0 })
    expect(run.failed).toEqual([expect.objectContaining({ order: 3, rows: [4], errorCode: 'row-errors', email: 'maria.ivanova@' })])
    expect(JSON.stringify(run.settings)).not.toMatch(/secret/i)
  })

  it('exports the failed rows as CSV with BOM, the original columns, the results and quoted formula triggers', async () => {
    const r = await cli(['export', '1', '--only', 'failed', '--out', 'failed.csv', ...flags], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.out).toContain('Wrote 1 row (1 failed order) of run 1 to failed.csv.')
    const text = readFileSync(join(dir, 'failed.csv'), 'utf8')
    expect(text.startsWith('\uFEFF"Order ID","First name","Last name","Email","Phone"')).toBe(true)
    const [header, line, end] = text.slice(1).split('\r\n')
    expect(header).toMatch(/"Comment","Run order","State","Bill ID","Error code","Error"$/)
    expect(line).toContain('"A-1003","Мария","Иванова","maria.ivanova@","\'+7 903 555-12-34"')
    expect(line).toContain('"3","failed","","row-errors","Row 4, column ""Email""')
    expect(end).toBe('')
  })

  it('retries from the fixed export: the corrected order is created and nothing else is sent', async () => {
    const path = join(dir, 'failed.csv')
    writeFileSync(path, readFileSync(path, 'utf8').replace('"maria.ivanova@"', '"maria.ivanova@example.ru"'))
    const r = await cli(['retry', '1', '--from', 'failed.csv', ...flags, '--yes'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.out).toContain('failed.csv: 1 failed order corrected (matched by run order).')
    expect(r.out).toContain('Run 1 finished: 30 created, 0 failed, 0 unknown (30 orders).')
    const shop = shopOrders(shopPath)
    expect(shop).toHaveLength(30)
    // Rows 14 and 24 are hers too.
    expect(shop.filter((o) => o.email === 'maria.ivanova@example.ru')).toHaveLength(3)
    const journal = Journal.open(journalPath)
    try {
      const [order] = journal.ordersByState(1, ['succeeded'], { offset: 2, limit: 1 })
      expect(order?.ordinal).toBe(3)
      expect(order?.email).toBe('maria.ivanova@example.ru')
      // The quote the export put before the phone number was taken off again.
      expect(order?.payload).toContainEqual(['bill_phone', expect.stringMatching(/^\+7/)])
      expect(journal.orderRows(order!.id)[0]?.sheetRow).toBe(4)
    } finally {
      journal.close()
    }
  })

  it('exports every row as XLSX with text cells only', async () => {
    const r = await cli(['export', '1', '--out', join(dir, 'all.xlsx'), ...flags])
    expect(r.code).toBe(0)
    const book = XLSX.read(readFileSync(join(dir, 'all.xlsx')))
    const sheet = book.Sheets[book.SheetNames[0]!]!
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })
    expect(rows).toHaveLength(31)
    expect(rows[0]?.slice(-5)).toEqual(['Run order', 'State', 'Bill ID', 'Error code', 'Error'])
    expect(new Set(rows.slice(1).map((row) => row[15]))).toEqual(new Set(['created']))
    const cells = Object.entries(sheet).filter(([key]) => !key.startsWith('!'))
    expect(cells.every(([, cell]) => (cell as XLSX.CellObject).t === 's')).toBe(true)
    expect(rows[1]?.[4]).toBe("'+7 916 123-45-67")
  })

  it('with --force sends again; the shop answers that it already has them, and no order is doubled', async () => {
    const r = await cli(['import', SAMPLE, ...flags, ...fast, '--yes', '--force'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('To send: 29 orders')
    expect(r.err).toMatch(/Order #1 \(row 2\): the shop already had it \(bill \d+\); it was not created twice\./)
    expect(r.out).toContain('Run 2 finished: 29 created, 1 failed')
    expect(shopOrders(shopPath)).toHaveLength(30)
  })

  it('undo leaves alone the orders a run did not create', async () => {
    const r = await cli(['undo', '2', ...flags, '--yes'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('29 orders already existed in the shop before run 2 (answer 601)')
    expect(r.out).toContain('Run 2 has no created orders left to delete.')
    expect(shopOrders(shopPath).filter((o) => o.deleted === 1)).toHaveLength(0)
  })

  it('undo deletes the orders a run created, records it, and does not try them twice', async () => {
    const r = await cli(['undo', '1', ...flags, '--yes'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/Deleted 30 orders of run 1 from the shop: bills \d+/)
    expect(shopOrders(shopPath).every((o) => o.deleted === 1)).toBe(true)
    const run = await statusJson(1)
    expect(run).toMatchObject({ deleted: 30, note: 'undo: 30 of 30 created orders deleted from the shop' })
    const again = await cli(['undo', '1', ...flags, '--yes'])
    expect(again.out).toContain('30 orders were deleted by an earlier undo.')
    const exported = await cli(['export', '1', '--only', 'succeeded', '--out', join(dir, 'done.csv'), ...flags])
    expect(exported.code).toBe(0)
    // The State says deleted; the Error column says how, in the export's language.
    expect(readFileSync(join(dir, 'done.csv'), 'utf8')).toContain('"deleted","')
    expect(readFileSync(join(dir, 'done.csv'), 'utf8')).toContain('"deleted by orderbatch undo"')
    expect((await cli(['export', '1', '--only', 'succeeded', '--out', join(dir, 'done-ru.csv'), ...flags, '--lang', 'ru'])).code).toBe(0)
    const ru = readFileSync(join(dir, 'done-ru.csv'), 'utf8')
    expect(ru).toContain('"удалён";"')
    expect(ru).not.toContain('deleted by orderbatch undo')
  })

  it('refuses to resume a sandbox run without --sandbox, and the other way round', async () => {
    const r = await cli(['resume', '1', '--journal', journalPath, '--account', 'shop', '--yes'], { env: { ORDERBATCH_SECRET: 'k' } })
    expect(r.code).toBe(1)
    expect(r.err).toBe('resume: run 1 was sent to the built-in sandbox; add --sandbox to continue it there.\n')
  })
})
