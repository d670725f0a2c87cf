// Copies the README's screenshot sets from the last e2e run (test/e2e/screenshots/) into
// docs/screenshots/ (English) and docs/screenshots/ru/ (Russian):
// node --import tsx test/e2e/update-docs-screenshots.ts
// A set whose scenarios did not run is left as it is.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, SHOTS_DIR } from './helpers/paths'

/** docs folder -> (docs name -> the scenario step it is taken from). */
const SETS: ReadonlyArray<{ folder: string; shots: ReadonlyArray<[string, string]> }> = [
  {
    folder: 'docs/screenshots',
    shots: [
      ['connection.png', 'connection/01-sandbox.png'],
      ['load.png', 'happy-path/02-load.png'],
      ['map.png', 'happy-path/03-map.png'],
      ['review.png', 'happy-path/04-review-problem.png'],
      ['send.png', 'stop-and-resume/01-send-in-progress.png'],
      ['history.png', 'happy-path/08-history.png']
    ]
  },
  {
    folder: 'docs/screenshots/ru',
    shots: [
      ['connection.png', 'happy-path-ru/01-connection.png'],
      ['load.png', 'happy-path-ru/02-load.png'],
      ['map.png', 'happy-path-ru/03-map.png'],
      ['review.png', 'happy-path-ru/04-review.png'],
      ['send.png', 'happy-path-ru/06-send-finished.png'],
      ['history.png', 'happy-path-ru/07-history.png']
    ]
  }
]

let copied = 0
for (const { folder, shots } of SETS) {
  const missing = shots.filter(([, from]) => !existsSync(join(SHOTS_DIR, from)))
  if (missing.length > 0) {
    console.warn(`${folder}: left as it is; run the e2e tests first (npm run test:e2e): ${missing.map(([, from]) => from).join(', ')} not found in ${SHOTS_DIR}.`)
    continue
  }
  const target = join(ROOT, folder)
  mkdirSync(target, { recursive: true })
  let total = 0
  for (const [name, from] of shots) {
    copyFileSync(join(SHOTS_DIR, from), join(target, name))
    total += statSync(join(target, name)).size
  }
  copied += 1
  console.log(`Copied ${shots.length} screenshots to ${target} (${Math.round(total / 1024)} KB).`)
}
if (copied === 0) process.exit(1)
