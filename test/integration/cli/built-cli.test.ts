// The command as users start it: bin/orderbatch.js runs the compiled CLI from out/main when the
// build is fresh and the TypeScript sources through tsx otherwise. In CI (which builds before
// the tests) ORDERBATCH_REQUIRE_BUILT=1 makes running from source an error, so these tests prove
// that the compiled CLI and its compiled sheet worker start and work. Elsewhere, without a fresh
// build, the tests of the compiled CLI are skipped (run "npm run build" first).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error -- plain JavaScript beside the bin script, without type declarations
import { builtCliState } from '../../../bin/cli-entry.js'

const root = resolve('.')
const bin = join(root, 'bin/orderbatch.js')
const built = (builtCliState as (root: string) => string)(root) === 'built'
const inCi = Boolean(process.env['CI'])

function orderbatch(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, ORDERBATCH_REQUIRE_BUILT: '1', ORDERBATCH_DEBUG: '1', ...env },
    encoding: 'utf8'
  })
}

describe.runIf(built || inCi)('the compiled CLI (out/main/cli.js)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderbatch-built-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is fresh: CI builds before the tests', () => {
    expect((builtCliState as (root: string) => string)(root)).toBe('built')
  })

  it('prints the help without loading TypeScript', () => {
    const r = orderbatch(['--help'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Usage: orderbatch <command> [options]')
  })

  it('reads a sheet in its compiled worker and writes the signed requests of a dry run', () => {
    const out = join(dir, 'requests.jsonl')
    const r = orderbatch(['import', resolve('resources/samples/orders.csv'), '--dry-run', '--sandbox', '--emit-requests', out])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(2)
    expect(r.stdout).toContain('Dry run: nothing was sent. 29 signed requests written to')
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(29)
    expect(JSON.parse(lines[0]!)).toMatchObject({ order: 1, rows: [2], body: expect.stringMatching(/&hash=[0-9a-f]{32}$/) })
  })
})

describe('which CLI bin/orderbatch.js runs', () => {
  let fake: string
  beforeAll(() => {
    fake = mkdtempSync(join(tmpdir(), 'orderbatch-entry-'))
    mkdirSync(join(fake, 'electron/main/cli'), { recursive: true })
    mkdirSync(join(fake, 'shared'), { recursive: true })
    writeFileSync(join(fake, 'electron/main/cli/main.ts'), '')
    writeFileSync(join(fake, 'shared/md5.ts'), '')
  })
  afterAll(() => rmSync(fake, { recursive: true, force: true }))
  const state = () => (builtCliState as (root: string) => string)(fake)
  const at = (path: string, seconds: number) => utimesSync(join(fake, path), seconds, seconds)

  it('runs from source when there is no build, and from the build when it is newer than every source', () => {
    expect(state()).toBe('missing')
    mkdirSync(join(fake, 'out/main'), { recursive: true })
    writeFileSync(join(fake, 'out/main/cli.js'), '')
    // Folders count too: a removed source file changes its folder's time.
    for (const path of ['electron/main/cli/main.ts', 'shared/md5.ts', 'electron/main/cli', 'electron/main', 'shared']) at(path, 1_000)
    at('out/main/cli.js', 2_000)
    expect(state()).toBe('built')
    at('shared/md5.ts', 3_000)
    expect(state()).toBe('stale')
    at('shared/md5.ts', 1_000)
    at('electron/main/cli/main.ts', 3_000)
    expect(state()).toBe('stale')
    at('electron/main/cli/main.ts', 1_000)
    at('electron/main/cli', 3_000)
    expect(state()).toBe('stale')
  })

  it('refuses to run from source with ORDERBATCH_REQUIRE_BUILT=1, naming the build step', () => {
    const copy = mkdtempSync(join(tmpdir(), 'orderbatch-bin-'))
    try {
      execFileSync('cp', ['-r', join(root, 'bin'), copy])
      const r = spawnSync(process.execPath, [join(copy, 'bin/orderbatch.js'), '--help'], { env: { ...process.env, ORDERBATCH_REQUIRE_BUILT: '1' }, encoding: 'utf8' })
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('the compiled CLI (out/main/cli.js) is missing; run "npm run build"')
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
