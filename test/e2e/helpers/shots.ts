// One screenshot per step of a scenario, numbered in order: test/e2e/screenshots/<scenario>/NN-step.png
// (git-ignored; the README's set is copied from here into docs/screenshots). Every step is also
// checked with axe-core: a serious or critical accessibility violation fails the scenario.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expectAccessible } from './axe'
import { SHOTS_DIR } from './paths'

export class Shots {
  private count = 0
  readonly dir: string

  constructor(private readonly scenario: string) {
    this.dir = join(SHOTS_DIR, scenario)
    rmSync(this.dir, { recursive: true, force: true })
    mkdirSync(this.dir, { recursive: true })
  }

  /** Checks the page with axe, then saves the viewport as it is now; answers the file's path. */
  async take(page: Page, step: string): Promise<string> {
    await expectAccessible(page, `${this.scenario}/${step}`)
    this.count += 1
    const path = join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.png`)
    // The caret blinks: hide it so the same screen gives the same picture.
    await page.screenshot({ path, caret: 'hide', animations: 'disabled' })
    return path
  }
}
