#!/usr/bin/env node
// The CLI runs the TypeScript engine directly through tsx, so `npx orderbatch` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/main/cli/node-entry.ts')
process.exitCode = await main(process.argv.slice(2))
