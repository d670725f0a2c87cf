// preview, mapping and import --dry-run: the input side from the command line, on the bundled
// samples. Signatures are checked against node:crypto's md5, independently of shared/md5.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE, cli, tempDir } from './helpers'

const GROUPED = resolve('resources/samples/orders-grouped.xlsx')
const ATTENDEES = resolve('resources/samples/attendees-1251.csv')
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir()))
afterAll(() => cleanup())

describe('orderbatch preview', () => {
  it('describes the sheet and exits 2 when it has errors, naming the row and field', async () => {
    const r = await cli(['preview', SAMPLE])
    expect(r.code).toBe(2)
    expect(r.out).toContain('orders.csv: CSV')
    expect(r.out).toContain('encoding:   utf-8')
    expect(r.out).toMatch(/bill_email\s+← column "Email"/)
    expect(r.out).toContain('Rows: 30   Orders: 30   Valid orders: 29   Errors: 1')
    expect(r.out).toMatch(/Row 4, column "Email": "maria\.ivanova@" is not a valid e-mail address \(bill_email\)/)
  })

  it('exits 0 for a clean workbook and lists its sheets and grouping', async () => {
    const r = await cli(['preview', GROUPED, '--sheet', 'Orders'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('sheet:      "Orders" (sheets: "Orders", "Products")')
    expect(r.out).toContain('orders grouped by column "Order number"')
    expect(r.out).toContain('Rows: 26   Orders: 15   Valid orders: 15   Errors: 0')
  })

  it('reads the Windows-1251 attendee list with its title rows, semicolons and decimal commas', async () => {
    const r = await cli(['preview', ATTENDEES, '--json'])
    const json = JSON.parse(r.out) as { encoding: { value: string }; delimiter: { value: string }; headerRow: { value: number }; headers: string[]; counts: { orders: number; errors: number } }
    expect(json.encoding.value).toBe('windows-1251')
    expect(json.delimiter.value).toBe(';')
    expect(json.headerRow.value).toBe(3)
    expect(json.headers).toContain('Электронная почта')
    expect(json.counts.orders).toBeGreaterThan(10)
    expect(r.code).toBe(json.counts.errors > 0 ? 2 : 0)
  })

  it('honours --group-by and refuses a column the sheet does not have, listing the headers', async () => {
    const grouped = JSON.parse((await cli(['preview', SAMPLE, '--json', '--group-by', 'Country'])).out) as { counts: { orders: number } }
    expect(grouped.counts.orders).toBeLessThan(30)
    const missing = await cli(['preview', SAMPLE, '--group-by', 'Nope'])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('there is no column "Nope" to group orders by. Headers seen: "Order ID", "First name"')
  })

  it('gives one clear line and exit 1 for an unreadable file or wrong usage', async () => {
    const bad = join(dir, 'broken.xlsx')
    writeFileSync(bad, 'this is not a workbook')
    const r = await cli(['preview', bad])
    expect(r.code).toBe(1)
    // A slow machine may add the "Reading …" progress note; the problem itself is one line.
    const problems = r.err.trim().split('\n').filter((line) => !line.startsWith('Reading '))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^broken\.xlsx: /)
    expect((await cli(['preview'])).code).toBe(1)
    expect((await cli(['preview', SAMPLE, '--bogus'])).err).toMatch(/^preview: Unknown option '--bogus'/)
    expect((await cli(['preview', join(dir, 'missing.csv')])).code).toBe(1)
  })
})

describe('orderbatch mapping', () => {
  it('writes the automatic mapping, which preview then uses as given', async () => {
    const out = join(dir, 'm.json')
    const r = await cli(['mapping', SAMPLE, '--out', out])
    expect(r.code).toBe(0)
    const mapping = JSON.parse(readFileSync(out, 'utf8')) as { fields: Record<string, { source: { column: string } }> }
    expect(mapping.fields.bill_email?.source.column).toBe('Email')

    // Edit it by hand: the comment column now feeds the tag instead.
    const edited = { ...mapping, fields: { ...mapping.fields, bill_tag: mapping.fields.bill_comment, bill_comment: undefined } }
    writeFileSync(out, JSON.stringify(edited))
    const preview = JSON.parse((await cli(['preview', SAMPLE, '--mapping', out, '--json'])).out) as { mappingSource: string; mapping: { fields: Record<string, unknown> } }
    expect(preview.mappingSource).toBe('file')
    expect(preview.mapping.fields.bill_tag).toEqual({ source: { kind: 'column', column: 'Comment' } })
  })

  it('points at the broken place of a bad mapping file', async () => {
    const out = join(dir, 'bad.json')
    writeFileSync(out, JSON.stringify({ version: 1, fields: { bill_email: { source: { kind: 'column' } } }, goods: [], groupBy: null, shipped: false, defaults: {} }))
    const r = await cli(['preview', SAMPLE, '--mapping', out])
    expect(r.code).toBe(1)
    // A slow machine may print a reading note first; the error is a line of its own.
    expect(r.err).toMatch(/^bad\.json: fields\.bill_email\.source\.column: /m)
  })
})

describe('orderbatch import --dry-run', () => {
  it('writes one signed request per valid order, exactly as PHP would sign it, and never the key', async () => {
    const out = join(dir, 'requests.jsonl')
    const secret = 'k3y-that-must-not-leak'
    const r = await cli(['import', SAMPLE, '--dry-run', '--account', 'demo', '--emit-requests', out], { env: { ORDERBATCH_SECRET: secret } })
    expect(r.code).toBe(2)
    expect(r.out).toContain('Dry run: nothing was sent. 29 signed requests written to')
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { order: number; rows: number[]; body: string })
    expect(lines).toHaveLength(29)
    expect(lines.map((l) => l.order)).not.toContain(3)
    const first = lines[0]!
    expect(first).toMatchObject({ order: 1, rows: [2] })
    const [query, hash] = first.body.split('&hash=') as [string, string]
    expect(hash).toBe(md5(`${query}::demo::${secret}`))
    expect(query.startsWith('goods%5B0%5D%5Bgood_name%5D=course-basic&goods%5B0%5D%5Bgood_sum%5D=4900.00&bill_first_name=Anna')).toBe(true)
    expect(query).toContain('bill_email=anna.smirnova%40example.com')
    expect(readFileSync(out, 'utf8')).not.toContain(secret)
    expect(r.out + r.err).not.toContain(secret)
  })

  it('takes the key only from the environment variable it is told', async () => {
    const missing = await cli(['import', SAMPLE, '--dry-run', '--account', 'demo'])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('Set the API key in the environment variable ORDERBATCH_SECRET')
    const named = await cli(['import', SAMPLE, '--dry-run', '--account', 'demo', '--secret-env', 'SHOP_KEY'], { env: { SHOP_KEY: 'x' } })
    expect(named.code).toBe(2)
    const value = await cli(['import', SAMPLE, '--dry-run', '--account', 'demo', '--secret-env', 'abc def!'], { env: {} })
    expect(value.err).toContain('--secret-env takes the NAME of an environment variable')
    expect(value.err).not.toContain('abc def!')
  })
})
