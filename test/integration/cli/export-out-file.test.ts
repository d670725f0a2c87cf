// orderbatch export --out: an existing file is replaced only with --force, the run's own source
// sheet and the journal never, and a refused export leaves every file as it was.
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE, cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let flags: string[]
let sheet: string

beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  flags = ['--sandbox', '--journal', join(dir, 'j.sqlite')]
  sheet = join(dir, 'orders.csv')
  copyFileSync(SAMPLE, sheet)
  const r = await cli(['import', sheet, ...flags, '--rate', '500', '--concurrency', '8', '--yes'])
  expect(r.code).toBe(2)
})
afterAll(() => cleanup())

describe('orderbatch export --out', () => {
  it('writes a new file, then refuses to replace it without --force', async () => {
    const first = await cli(['export', '1', '--out', 'results.csv', ...flags], { cwd: dir })
    expect(first.code).toBe(0)
    expect(first.out).toContain('Wrote 30 rows (30 orders) of run 1 to results.csv.')
    writeFileSync(join(dir, 'results.csv'), 'mine')
    const again = await cli(['export', '1', '--out', 'results.csv', ...flags], { cwd: dir })
    expect(again.code).toBe(1)
    expect(again.err).toBe('export: results.csv already exists. Pass --force to replace it, or choose another file name.\n')
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe('mine')
    const forced = await cli(['export', '1', '--out', 'results.csv', '--force', ...flags], { cwd: dir })
    expect(forced.code).toBe(0)
    expect(readFileSync(join(dir, 'results.csv'), 'utf8').startsWith('\uFEFF"Order ID","First name"')).toBe(true)
  })

  it('never replaces the run\'s source sheet, even with --force', async () => {
    const before = readFileSync(sheet)
    const r = await cli(['export', '1', '--out', 'orders.csv', '--force', ...flags], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.err).toContain("export: orders.csv is the run's own source sheet (orders.csv, same size and sha256). An export never replaces it, even with --force.")
    expect(readFileSync(sheet).equals(before)).toBe(true)
  })

  it('never writes over the journal, even with --force', async () => {
    const j = join(dir, 'j.sqlite')
    const size = statSync(j).size
    for (const target of [j, `${j}.xlsx`]) {
      const r = await cli(['export', '1', '--out', target, '--force', ...flags], { cwd: dir })
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/is the journal \(or one of its files\)|--out must end in \.csv or \.xlsx/)
    }
    expect(statSync(j).size).toBe(size)
    expect((await cli(['status', '1', ...flags])).code).not.toBe(1)
  })

  it('leaves no partial file behind when the folder does not exist', async () => {
    const r = await cli(['export', '1', '--out', join('missing', 'x.xlsx'), ...flags], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.err).toContain('cannot write the export (ENOENT)')
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([])
  })
})
