// One screenshot per step of a scenario, numbered in order: test/e2e/screenshots/<scenario>/NN-step.png
// (git-ignored; the README's set is copied from here into docs/screenshots).
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { SHOTS_DIR } from './paths'

export class Shots {
  private count = 0
  readonly dir: string

  constructor(scenario: string) {
    this.dir = join(SHOTS_DIR, scenario)
    rmSync(this.dir, { recursive: true, force: true })
    mkdirSync(this.dir, { recursive: true })
  }

  /** Saves the viewport as it is now; answers the file's path. */
  async take(page: Page, step: string): Promise<string> {
    this.count += 1
    const path = join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.png`)
    // The caret blinks: hide it so the same screen gives the same picture.
    await page.screenshot({ path, caret: 'hide', animations: 'disabled' })
    return path
  }
}
