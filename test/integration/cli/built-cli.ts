// The CLI bundled once with esbuild (already installed with vite and tsx), for tests that start
// it as a separate process many times: a bundle starts in a fraction of tsx's time. The bundle
// and the sheet worker it starts sit in node_modules/.cache, so the packages (better-sqlite3,
// xlsx, papaparse) are resolved from the project's node_modules at run time.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const outDir = join(repoRoot, 'node_modules', '.cache', 'orderbatch-test-cli')

/** Builds the CLI and returns the path of its entry (run it with `node <path> <args>`). */
export async function buildCli(): Promise<string> {
  mkdirSync(outDir, { recursive: true })
  // The bundle is an ES module; node_modules/.cache has no package.json of its own to say so.
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n')
  await build({
    absWorkingDir: repoRoot,
    entryPoints: {
      cli: join(repoRoot, 'test/integration/cli/fixtures/cli-entry.ts'),
      // run-worker.ts looks for the built worker beside the bundle, as in the app's build.
      'sheet-worker': join(repoRoot, 'electron/main/sheets/sheet-worker.ts')
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error'
  })
  return join(outDir, 'cli.js')
}
