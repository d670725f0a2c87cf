#!/usr/bin/env node
// The orderbatch command. Runs the compiled CLI (out/main/cli.js) when the build is fresh, so no
// TypeScript is compiled at start-up; otherwise the sources through tsx (see cli-entry.js).
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUILT_CLI, builtCliState } from './cli-entry.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const state = builtCliState(root)
let entry
if (state === 'built') {
  entry = await import(pathToFileURL(join(root, BUILT_CLI)).href)
} else if (process.env.ORDERBATCH_REQUIRE_BUILT === '1') {
  process.stderr.write(`orderbatch: the compiled CLI (${BUILT_CLI}) is ${state === 'missing' ? 'missing' : 'older than its sources'}; run "npm run build" (ORDERBATCH_REQUIRE_BUILT=1 forbids running from source).\n`)
  process.exit(1)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  entry = await import('../electron/main/cli/node-entry.ts')
}
process.exitCode = await entry.main(process.argv.slice(2))
