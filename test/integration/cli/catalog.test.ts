// import reads the shop's product list first: unknown products and missing delivery data are
// errors on their orders before anything is sent (the shop never answers 604 or 605), a title is
// sent as its good_name, prices are compared; without a list the user is asked (--yes accepts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { readCachedCatalog, catalogCachePath, destinationKey, writeCachedCatalog } from '../../../electron/main/ops/catalog-cache'
import { prepareImport } from '../../../electron/main/pipeline/prepare-import'
import { startSandbox, type Sandbox, type SandboxEvent, type SandboxProduct } from '../../../electron/main/sandbox/sandbox'
import { cli, tempDir, withoutProgressNotes } from './helpers'

const SECRET = 'catalog-test-key-0042'
const CATALOG: SandboxProduct[] = [
  { name: 'course-basic', title: 'Basic course', price: '4900.00', type: 'digital' },
  { name: 'book-paper', title: 'Paper book', price: '1200.00', type: 'physical' },
  { name: 'ebook', title: 'E-book', price: '990.00', type: '' }
]
const SHEET = [
  'Email,Product,Price,First name,Last name,Country,City,Address',
  'a@example.com,course-basic,4900,,,,,',
  'b@example.com,Basic course,3900,,,,,',
  'c@example.com,yoga-mat,10,,,,,',
  'd@example.com,book-paper,1200,,,,,',
  'e@example.com,book-paper,,Anna,Smirnova,Russia,Moscow,Tverskaya 1',
  'f@example.com,ebook,990,,,,,Street 5',
  'g@example.com,course-basik,4900,,,,,'
].join('\n')

let dir: string
let cleanup: () => void
let sandbox: Sandbox | undefined
let events: SandboxEvent[]
let file: string

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  file = join(dir, 'orders.csv')
  writeFileSync(file, `${SHEET}\n`)
  events = []
})
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
  cleanup()
})

async function shop(products?: SandboxProduct[]): Promise<string[]> {
  sandbox = await startSandbox({ account: 'shop', secret: SECRET, ...(products ? { products } : {}), onAnswer: (e) => events.push(e) })
  return ['--account', 'shop', '--api-base', sandbox.baseUrl, '--journal', join(dir, 'journal.sqlite'), '--rate', '500', '--concurrency', '2']
}

describe('import with the shop catalog', () => {
  it('refuses unknown products and missing delivery data before sending; the shop never answers 604 or 605', async () => {
    const api = await shop(CATALOG)
    const r = await cli(['import', file, ...api, '--yes'], { env: { ORDERBATCH_SECRET: SECRET } })
    expect(r.out).toContain("The shop's product list: 3 products; every order's products are checked against it.")
    expect(r.out).toContain('To send: 3 orders')
    expect(r.out).toContain('#3: Row 4: the shop has no product "yoga-mat".')
    expect(r.out).toContain('#4: Row 5: a product of this order is shipped (physical in the shop\'s catalog)')
    // ebook's type does not tell, so its address makes it a delivery order (the fallback rule).
    expect(r.out).toContain('#6: Row 7: the order has a delivery address, so the shop needs bill_first_name, bill_surname, bill_country, bill_city as well (it would answer 605).')
    expect(r.out).toContain('#7: Row 8: the shop has no product "course-basik". Did you mean "course-basic" (Basic course)?')
    expect(r.out).toContain('Product "Basic course" is the title of the shop\'s product "course-basic"; it is sent as "course-basic".')
    expect(r.out).toContain('Warning: product "course-basic" costs 4900.00 in the shop; the sheet says 3900.')
    expect(r.out).toContain('Product "book-paper": 1 line without a price gets the shop\'s price, 1200.00.')
    // The notice before a run to a shop, with the plan.
    expect(r.out).toContain('What the shop is likely to do:\n  - The shop may e-mail you (the owner) about each of the 3 new orders.')
    expect(r.out).toContain('  - 3 orders arrive as unpaid invoices')
    expect(r.out).toContain('  - 3 API calls at 500 per second: 1 second.')
    expect(r.out).toContain('  - A pace of 500 per second, 2 at a time, is above the safe 1 per second')
    expect(r.code).toBe(2)
    const creates = events.filter((e) => e.fn === 'CreateOrder').map((e) => e.code)
    expect(creates).toEqual([0, 0, 0])
    expect(sandbox?.ledger.orders().map((o) => [o.email, o.goods[0]?.good_name])).toEqual([
      ['a@example.com', 'course-basic'],
      ['b@example.com', 'course-basic'],
      ['e@example.com', 'book-paper']
    ])
    expect(events.filter((e) => e.fn === 'GetAllGoods').map((e) => e.code)).toEqual([0])
  })

  it('sends a product value as the shop product the user names with --product, and refuses a name the shop lacks', async () => {
    const api = await shop(CATALOG)
    const env = { env: { ORDERBATCH_SECRET: SECRET } }
    const wrong = await cli(['import', file, ...api, '--yes', '--product', 'course-basik=course-basix'], env)
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('--product: the shop has no product "course-basix"')
    expect(events.filter((e) => e.fn === 'CreateOrder')).toEqual([])
    const r = await cli(['import', file, ...api, '--yes', '--product', 'course-basik=course-basic', '--product', 'yoga-mat=ebook'], env)
    expect(r.out).toContain('To send: 5 orders')
    expect(r.out).not.toContain('the shop has no product')
    expect(sandbox?.ledger.orders().map((o) => [o.email, o.goods[0]?.good_name])).toEqual([
      ['a@example.com', 'course-basic'],
      ['b@example.com', 'course-basic'],
      ['c@example.com', 'ebook'],
      ['e@example.com', 'book-paper'],
      ['g@example.com', 'course-basic']
    ])
    const bad = await cli(['import', file, ...api, '--yes', '--product', 'course-basik'], env)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('write VALUE=NAME')
  })

  it('keeps product choices in the mapping file: mapping --out --product writes them, import --mapping applies them, --product wins', async () => {
    const api = await shop(CATALOG)
    const env = { env: { ORDERBATCH_SECRET: SECRET } }
    const plain = join(dir, 'plain.json')
    const p0 = await cli(['mapping', file, '--out', plain])
    expect([p0.code, withoutProgressNotes(p0.err)]).toEqual([0, ''])
    // A mapping file without choices (as every older one) stays as it was, and valid.
    expect(JSON.parse(readFileSync(plain, 'utf8'))).not.toHaveProperty('products')
    const chosen = join(dir, 'chosen.json')
    const m = await cli(['mapping', file, '--out', chosen, '--product', 'course-basik=course-basic', '--product', 'yoga-mat=book-paper'])
    expect(m.code).toBe(0)
    expect(JSON.parse(readFileSync(chosen, 'utf8')).products).toEqual({ 'course-basik': 'course-basic', 'yoga-mat': 'book-paper' })

    const r = await cli(['import', file, ...api, '--yes', '--mapping', chosen, '--product', 'yoga-mat=ebook'], env)
    expect(r.out).toContain('To send: 5 orders')
    expect(r.out).not.toContain('the shop has no product')
    expect(sandbox?.ledger.orders().map((o) => [o.email, o.goods[0]?.good_name])).toEqual([
      ['a@example.com', 'course-basic'],
      ['b@example.com', 'course-basic'],
      ['c@example.com', 'ebook'],
      ['e@example.com', 'book-paper'],
      ['g@example.com', 'course-basic']
    ])
    const again = await cli(['import', file, ...api, '--yes', '--mapping', plain, '--journal', join(dir, 'other.sqlite')], env)
    expect(again.out).toContain('the shop has no product "yoga-mat"')
    // A name the shop lacks, from the file: the file is named, and nothing is sent.
    const edited = JSON.parse(readFileSync(chosen, 'utf8')) as { products: Record<string, string> }
    edited.products['yoga-mat'] = 'yoga-matt'
    writeFileSync(chosen, JSON.stringify(edited))
    const before = sandbox?.ledger.orders().length
    const wrong = await cli(['import', file, ...api, '--yes', '--mapping', chosen, '--journal', join(dir, 'third.sqlite')], env)
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('The mapping file\'s "products" sends "yoga-mat" as "yoga-matt", but the shop has no product "yoga-matt"')
    expect(sandbox?.ledger.orders().length).toBe(before)
  })

  it('checks the corrected orders of retry --from against the list too', async () => {
    const api = await shop(CATALOG)
    const env = { env: { ORDERBATCH_SECRET: SECRET } }
    await cli(['import', file, ...api, '--yes'], env)
    const failed = join(dir, 'failed.csv')
    const exported = await cli(['export', '1', '--only', 'failed', '--out', failed, '--journal', join(dir, 'journal.sqlite')])
    expect(exported.code).toBe(0)
    // Fix two products by their titles; leave the delivery problems as they are.
    writeFileSync(failed, readFileSync(failed, 'utf8').replace('"yoga-mat"', '"E-book"').replace('"course-basik"', '"Basic course"'))
    const r = await cli(['retry', '1', '--from', failed, ...api, '--yes'], env)
    expect(r.out).toContain("The shop's product list: 3 products")
    expect(r.out).toContain('2 failed orders corrected')
    expect(r.out).toMatch(/Not used[^\n]*\n(.*\n)*.*Row \d+: a product of this order is shipped/)
    expect(sandbox?.ledger.orders().slice(3).map((o) => [o.email, o.goods[0]?.good_name])).toEqual([
      ['c@example.com', 'ebook'],
      ['g@example.com', 'course-basic']
    ])
    expect(events.filter((e) => e.fn === 'CreateOrder').every((e) => e.code === 0)).toBe(true)
  })

  it('sends the corrected rows of retry --from with the product choices the run was sent with', async () => {
    const api = await shop(CATALOG)
    const env = { env: { ORDERBATCH_SECRET: SECRET } }
    writeFileSync(file, ['Email,Product,Price', 'a@example.com,yoga-mat,990', 'b@example,yoga-mat,990'].join('\n') + '\n')
    const r = await cli(['import', file, ...api, '--yes', '--product', 'yoga-mat=ebook'], env)
    expect(r.out).toContain('To send: 1 order')
    const failed = join(dir, 'failed.csv')
    expect((await cli(['export', '1', '--only', 'failed', '--out', failed, '--journal', join(dir, 'journal.sqlite')])).code).toBe(0)
    writeFileSync(failed, readFileSync(failed, 'utf8').replace('"b@example"', '"b@example.com"'))
    // No --product this time: the choice is the run's.
    const retry = await cli(['retry', '1', '--from', failed, ...api, '--yes'], env)
    expect(retry.out).toContain('1 failed order corrected')
    expect(retry.out).not.toContain('the shop has no product')
    expect(sandbox?.ledger.orders().map((o) => [o.email, o.goods[0]?.good_name])).toEqual([
      ['a@example.com', 'ebook'],
      ['b@example.com', 'ebook']
    ])
  })

  it('caches the list per destination with its time', async () => {
    const api = await shop(CATALOG)
    await cli(['import', file, ...api, '--yes'], { env: { ORDERBATCH_SECRET: SECRET } })
    const cached = readCachedCatalog(catalogCachePath(join(dir, 'journal.sqlite')), destinationKey(sandbox!.baseUrl, 'shop'))
    expect(cached?.products.map((p) => [p.name, p.price, p.kind])).toEqual([
      ['course-basic', '4900.00', 'digital'],
      ['book-paper', '1200.00', 'physical'],
      ['ebook', '990.00', 'unknown']
    ])
    expect(readFileSync(catalogCachePath(join(dir, 'journal.sqlite')), 'utf8')).not.toContain(SECRET)
  })

  it('says when the list cannot be read and sends nothing unless the user goes on', async () => {
    const api = await shop()
    const no = await cli(['import', file, ...api], { env: { ORDERBATCH_SECRET: SECRET }, answer: false })
    expect(no.out).toContain('Could not read the shop\'s product list (GetAllGoods): the shop answered 700 "no products": it has no products yet.')
    expect(no.questions).toEqual(['Go on without checking products?'])
    expect(no.code).toBe(1)
    expect(sandbox?.ledger.count()).toBe(0)
    const yes = await cli(['import', file, ...api, '--yes'], { env: { ORDERBATCH_SECRET: SECRET } })
    expect(yes.out).toContain('Without it, products are not checked before sending')
    // The old behaviour: no product check; the address rule still holds (row 7 lacks a name).
    expect(yes.out).toContain('#6: Row 7: the order has a delivery address')
    expect(sandbox?.ledger.count()).toBe(6)
    expect(events.filter((e) => e.fn === 'CreateOrder').map((e) => e.code)).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('uses the cached list, with its time, when a fresh one cannot be read', async () => {
    const api = await shop()
    const journal = join(dir, 'journal.sqlite')
    writeCachedCatalog(catalogCachePath(journal), destinationKey(sandbox!.baseUrl, 'shop'), {
      fetchedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      products: [{ id: '1', name: 'course-basic', title: '', price: null, type: '', kind: 'unknown' }]
    })
    const r = await cli(['import', file, ...api, '--yes'], { env: { ORDERBATCH_SECRET: SECRET } })
    expect(r.out).toContain('Using the list read from this shop at 2026-01-02T03:04:05.000Z (1 products)')
    expect(r.out).toContain('To send: 1 order to')
    expect(existsSync(catalogCachePath(journal))).toBe(true)
  })
})

describe('preview and dry run without a shop', () => {
  it('apply the delivery rule: an address without a name is an error before any shop sees it', async () => {
    const preview = await cli(['preview', file, '--json'])
    const issues = (JSON.parse(preview.out) as { issues: Array<{ row: number; code: string }> }).issues
    expect(issues.filter((i) => i.code === 'delivery').map((i) => i.row)).toEqual([7])
    const out = join(dir, 'requests.jsonl')
    const dry = await cli(['import', file, '--dry-run', '--sandbox', '--emit-requests', out])
    expect(dry.out).toContain('Dry run: nothing was sent. 6 signed requests')
    const orders = readFileSync(out, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { order: number }).order)
    expect(orders).toEqual([1, 2, 3, 4, 5, 7])
  })
})

describe('the preview and the sandbox agree on 605', () => {
  it('every order the check flags for delivery data is exactly an order the sandbox refuses with 605', async () => {
    sandbox = await startSandbox({ account: 'shop', secret: SECRET, products: CATALOG, onAnswer: (e) => events.push(e) })
    const prepared = await prepareImport(file)
    if (!prepared.ok) throw new Error('sheet not read')
    const products = CATALOG.map((p, i) => ({ id: String(i), name: p.name, title: p.title ?? '', price: p.price ?? null, type: p.type ?? '', kind: p.type === 'physical' ? 'physical' as const : p.type === 'digital' ? 'digital' as const : 'unknown' as const }))
    for (const catalog of [{ products, fetchedAt: 0 }, null]) {
      const checked = checkAgainstCatalog(prepared.value.plan, catalog)
      const flagged = new Set(checked.added.filter((i) => i.code === 'delivery').map((i) => i.order))
      expect(flagged.size).toBeGreaterThan(0)
      // Send every order whose products the shop has, check or no check, and compare.
      const { ApiClient } = await import('../../../electron/main/api/api-client')
      const { createOrderParams } = await import('#shared/wire/create-order-params')
      const client = new ApiClient({ baseUrl: sandbox.baseUrl, login: 'shop', secret: SECRET })
      const refused = new Set<number>()
      for (const order of checked.plan.orders) {
        if (checked.added.some((i) => i.order === order.index && i.code === 'unknown-product')) continue
        if (!CATALOG.some((p) => p.name === order.goods[0]?.good_name)) continue
        const outcome = await client.createOrder(createOrderParams({ goods: order.goods, fields: { ...order.fields, bill_email: `${catalog ? 'x' : 'y'}${order.fields.bill_email}` } }))
        if (outcome.kind === 'answer' && outcome.errorCode === 605) refused.add(order.index)
      }
      if (catalog) expect([...refused].sort()).toEqual([...flagged].sort())
      else expect([...flagged].every((i) => i !== null && refused.has(i))).toBe(true)
    }
  })
})
