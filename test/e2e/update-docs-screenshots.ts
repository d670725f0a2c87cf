// Copies the README's screenshot set from the last e2e run (test/e2e/screenshots/) into
// docs/screenshots/: node --import tsx test/e2e/update-docs-screenshots.ts
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, SHOTS_DIR } from './helpers/paths'

/** docs name -> the scenario step it is taken from. */
const SET: ReadonlyArray<[string, string]> = [
  ['connection.png', 'connection/01-sandbox.png'],
  ['load.png', 'happy-path/02-load.png'],
  ['map.png', 'happy-path/03-map.png'],
  ['review.png', 'happy-path/04-review-problem.png'],
  ['send.png', 'stop-and-resume/01-send-in-progress.png'],
  ['history.png', 'happy-path/08-history.png']
]

const target = join(ROOT, 'docs/screenshots')
const missing = SET.filter(([, from]) => !existsSync(join(SHOTS_DIR, from)))
if (missing.length > 0) {
  console.error(`Run the e2e tests first (npm run test:e2e): ${missing.map(([, from]) => from).join(', ')} not found in ${SHOTS_DIR}.`)
  process.exit(1)
}
mkdirSync(target, { recursive: true })
let total = 0
for (const [name, from] of SET) {
  copyFileSync(join(SHOTS_DIR, from), join(target, name))
  total += statSync(join(target, name)).size
}
console.log(`Copied ${SET.length} screenshots to ${target} (${Math.round(total / 1024)} KB).`)
