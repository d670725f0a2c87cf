// Which CLI bin/orderbatch.js runs: the compiled one in out/main (built by `npm run build`,
// electron-vite's "cli" entry) when it is at least as new as every source it is built from, else
// the TypeScript sources through tsx, so `npx orderbatch` works right after `npm install` and
// while a developer edits the sources without rebuilding. ORDERBATCH_REQUIRE_BUILT=1 (CI) makes
// a missing or stale build an error instead, so tests prove the compiled CLI starts.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What the CLI build is made of, relative to the project root. */
export const CLI_SOURCES = ['electron/main', 'shared', 'electron.vite.config.ts']
export const BUILT_CLI = 'out/main/cli.js'

function newestMtime(path) {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(child))
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.tsx')) newest = Math.max(newest, statSync(child).mtimeMs)
  }
  return newest
}

/** 'built' when out/main/cli.js exists and no source is newer; else why not ('missing' | 'stale'). */
export function builtCliState(root) {
  let built
  try {
    built = statSync(join(root, BUILT_CLI)).mtimeMs
  } catch {
    return 'missing'
  }
  const newest = Math.max(...CLI_SOURCES.map((source) => newestMtime(join(root, source))))
  return newest > built ? 'stale' : 'built'
}
