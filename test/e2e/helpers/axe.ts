// axe-core in the page: every step of every scenario is checked (Shots.take calls it), and a
// serious or critical violation fails the test with what is wrong and where. The source is
// evaluated through the debugging protocol, so the app's content security policy (rightly
// strict) does not have to make room for it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const FAILING_IMPACTS = ['serious', 'critical'] as const

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Every violation axe finds on the page as it is now (all impacts). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // In-page code is text: this file is Node code and has no DOM types.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  })()`)
}

/** Fails with a readable list when the page has serious or critical violations. */
export async function expectAccessible(page: Page, step: string): Promise<void> {
  const failing = (await axeViolations(page)).filter((v) => (FAILING_IMPACTS as readonly string[]).includes(v.impact ?? ''))
  if (failing.length === 0) return
  const lines = failing.map((v) => `- ${v.impact} ${v.id}: ${v.help} (${v.targets.join('; ')})`)
  throw new Error(`Accessibility problems at step "${step}":\n${lines.join('\n')}`)
}
