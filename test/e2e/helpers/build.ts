// The browser host serves the built renderer (out/renderer): build it when it is missing or older
// than its sources, so the tests never drive yesterday's screens.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { RENDERER_OUT, ROOT } from './paths'

/** What the renderer bundle is made of: its own sources and the pure shared code it imports. */
const SOURCES = ['renderer', 'shared'].map((dir) => join(ROOT, dir))

export function ensureRendererBuilt(): void {
  const index = join(RENDERER_OUT, 'index.html')
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })
  if (result.status !== 0) {
    throw new Error(`"npm run build" failed (exit ${result.status ?? result.signal}), so the app cannot be tested in the browser:\n${(result.stdout + result.stderr).slice(-3000)}`)
  }
}

function newestSource(): number {
  let newest = 0
  const visit = (path: string): void => {
    const info = statSync(path)
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name))
    } else {
      newest = Math.max(newest, info.mtimeMs)
    }
  }
  for (const dir of SOURCES) visit(dir)
  return newest
}
