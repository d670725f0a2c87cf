// Mistakes in how a command is called: one plain line, exit 1, and nothing staged or sent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/main/journal'
import { orderInput, runInput } from '../journal/helpers'
import { SAMPLE, cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
})
afterAll(() => cleanup())

describe('usage errors', () => {
  const journal = () => join(dir, 'never.sqlite')
  const cases: Array<[string, () => string[], RegExp, Record<string, string>?]> = [
    ['import without --yes and no terminal', () => ['import', SAMPLE, '--sandbox', '--journal', journal()], /^import: there is no terminal to ask for confirmation; add --yes/],
    ['import --sandbox with an account', () => ['import', SAMPLE, '--sandbox', '--account', 'shop', '--yes'], /--sandbox uses the built-in sandbox .*leave out --account/],
    ['import without an account', () => ['import', SAMPLE, '--yes'], /give the shop login with --account LOGIN \(or try it first with --sandbox\)/],
    ['import without the key', () => ['import', SAMPLE, '--account', 'shop', '--yes'], /^Set the API key in the environment variable ORDERBATCH_SECRET/],
    ['both address flags', () => ['import', SAMPLE, '--account', 'shop', '--api-base', 'https://a.example/api/', '--api-domain', 'justclick.ru', '--yes'], /either --api-base or --api-domain, not both/],
    ['an address without a scheme', () => ['import', SAMPLE, '--account', 'shop', '--api-base', 'shop.example.com', '--yes'], /--api-base takes a full address/, { ORDERBATCH_SECRET: 'k' }],
    ['a login that is not one', () => ['import', SAMPLE, '--account', 'My Shop', '--yes'], /The login "My Shop" is not valid/, { ORDERBATCH_SECRET: 'k' }],
    ['too many requests at once', () => ['import', SAMPLE, '--sandbox', '--concurrency', '100', '--yes'], /--concurrency must be at most 16/],
    ['a rate of zero', () => ['import', SAMPLE, '--sandbox', '--rate', '0', '--yes'], /--rate must be a positive number, not "0"/],
    ['no file', () => ['import', '--sandbox', '--yes'], /import: give exactly one file/],
    ['--emit-requests without --dry-run', () => ['import', SAMPLE, '--sandbox', '--emit-requests', 'x.jsonl', '--yes'], /--emit-requests goes with --dry-run/],
    ['status of a journal that does not exist', () => ['status', '--journal', journal()], /status: there is no journal at .*never\.sqlite, so nothing was imported there yet/],
    ['export to an unknown format', () => ['export', '1', '--out', 'x.txt', '--journal', journal()], /--out must end in \.csv or \.xlsx/],
    ['export without --out', () => ['export', '1', '--journal', journal()], /say where to write with --out/],
    ['export of only something unknown', () => ['export', '1', '--out', 'x.csv', '--only', 'pending', '--journal', journal()], /--only takes failed, unknown, succeeded, not "pending"/],
    ['a run that is not a number', () => ['retry', 'last', '--journal', journal(), '--yes'], /the run is given by its number/],
    ['resume with an unknown flag', () => ['resume', '--fast'], /resume: Unknown option '--fast'/]
  ]
  it.each(cases)('%s', async (_name, argv, message, env) => {
    const r = await cli(argv(), { env: env ?? {} })
    expect(r.code).toBe(1)
    expect(r.err).toMatch(message)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.out).toBe('')
    expect(existsSync(journal())).toBe(false)
  })
})

describe('input that leaves nothing to send', () => {
  it('a file whose every order has errors: listed, nothing staged, exit 1', async () => {
    const file = join(dir, 'bad.csv')
    writeFileSync(file, 'Email,Product\nnot-an-email,course\nalso@bad,book\n')
    const path = join(dir, 'bad.sqlite')
    const r = await cli(['import', file, '--sandbox', '--journal', path, '--yes'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('Not sent, the sheet has errors (2 orders):')
    expect(r.out).toContain('Nothing was sent: every order in the file has errors. Fix them and import again.')
    const journal = Journal.open(path)
    expect(journal.listRuns()).toEqual([])
    journal.close()
  })

  it('retry without --from leaves orders the sheet rejected alone and says how to fix them', async () => {
    const path = join(dir, 'retry.sqlite')
    const journal = Journal.open(path)
    journal.stageRun(runInput(), [orderInput(1, { rejected: { code: 'row-errors', text: 'Row 2: bad e-mail' } })])
    journal.close()
    const r = await cli(['retry', '1', '--journal', path, '--yes'], { env: { ORDERBATCH_SECRET: 'k' } })
    expect(r.code).toBe(1)
    expect(r.out).toContain('0 failed orders will be sent again as they are.')
    expect(r.out).toContain(`1 order has errors in the sheet and would fail again: export it (orderbatch export 1 --only failed --out fixed.csv --journal ${path})`)
    expect(r.out).toContain('Nothing was sent.')
  })

  it('an empty journal has no runs to show', async () => {
    const path = join(dir, 'empty.sqlite')
    Journal.open(path).close()
    const r = await cli(['status', '--journal', path])
    expect(r).toMatchObject({ code: 0, out: `No runs in ${path} yet.\n` })
  })
})

describe('import --dry-run', () => {
  it('still only writes the signed requests, with the sandbox key under --sandbox', async () => {
    const out = join(dir, 'requests.jsonl')
    const r = await cli(['import', SAMPLE, '--dry-run', '--sandbox', '--emit-requests', out])
    expect(r.code).toBe(2)
    expect(r.out).toContain('Dry run: nothing was sent. 29 signed requests written to')
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(29)
    expect(JSON.parse(lines[0]!)).toMatchObject({ order: 1, rows: [2] })
  })
})
