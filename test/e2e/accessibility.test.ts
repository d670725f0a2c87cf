// Accessibility of the whole flow in the browser: axe-core on every step in the light and the
// dark theme (the dark one reached by the browser's own preference, as the browser host follows
// it), every control's visible label inside its accessible name, and the import done with the
// keyboard alone: tab order, visible focus, a file picked from the focused input, the review grid
// navigated with the arrow keys and a cell fixed in place, the run started and finished.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD_EMAIL, goToStep, loadSheet, planCount, TID, waitForState } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { axeViolations, expectAccessible } from './helpers/axe'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

interface NameProblem {
  control: string
  visible: string
  name: string
}

// The checks below run inside the page, so they are plain JavaScript text (this file is Node code
// and has no DOM types). AXE_NAME is the accessible name as axe-core computes it.
const AXE_NAME = `
  const axeName = (el) => window.axe.commons.text.accessibleTextVirtual(window.axe.utils.getNodeFromTree(el));
  // Words only: a required marker (*) or a glyph button (‹ ›) is no label to speak (WCAG 2.5.3 exempts symbols).
  const squash = (text) => text.replace(/[^\\p{L}\\p{N}\\s]/gu, ' ').replace(/\\s+/g, ' ').trim().toLowerCase();
`

/** Controls whose accessible name does not contain their visible label (WCAG 2.5.3). The file
 * input is visually hidden behind its "Choose a file…" label and is checked too. */
async function labelNameMismatches(page: Page): Promise<NameProblem[]> {
  await axeViolations(page) // loads axe into the page
  return page.evaluate(`(() => {
    ${AXE_NAME}
    const visibleLabel = (el) => {
      if (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA') {
        if (el.type === 'button' || el.type === 'submit') return el.value;
        return Array.from(el.labels || []).map((label) => {
          const copy = label.cloneNode(true);
          copy.querySelectorAll('input, select, textarea, [aria-hidden="true"]').forEach((child) => child.remove());
          return copy.textContent || '';
        }).join(' ');
      }
      return el.innerText;
    };
    window.axe.setup(document);
    try {
      const problems = [];
      for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="switch"], [role="button"], [role="tab"]')) {
        const isFileInput = el.tagName === 'INPUT' && el.type === 'file';
        // Hidden controls (a closed <details>, another tab) are not read: no visible label to match.
        if (!isFileInput && (!el.checkVisibility() || el.type === 'hidden')) continue;
        const visible = squash(visibleLabel(el));
        if (visible === '') continue;
        const name = squash(axeName(el));
        if (!name.includes(visible)) problems.push({ control: el.dataset.testid || el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), visible, name });
      }
      return problems;
    } finally {
      window.axe.teardown();
    }
  })()`)
}

/** The accessible name of the element with this test id. */
async function accessibleName(page: Page, testId: string): Promise<string> {
  await axeViolations(page)
  return page.evaluate(`(() => {
    ${AXE_NAME}
    const el = document.querySelector('[data-testid=${JSON.stringify(testId)}]');
    if (!el) return '';
    window.axe.setup(document);
    try { return axeName(el); } finally { window.axe.teardown(); }
  })()`)
}

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate('document.activeElement && document.activeElement.dataset ? (document.activeElement.dataset.testid || null) : null')
}

/** Presses Tab until the element with this test id has focus (it must be reachable by Tab). */
async function tabTo(page: Page, testId: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focusedTestId(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${testId} was not reached with ${limit} presses of Tab.`)
}

/** The focused element shows a focus ring (its own outline, or that of the label it hides behind). */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return false;
    const ring = (node) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    };
    const label = el.tagName === 'INPUT' && el.labels ? el.labels[0] : null;
    return ring(el) || ring(label);
  })()`)
}

async function checkBothThemes(page: Page, step: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' })
  await expectAccessible(page, `${step} (light)`)
  await page.emulateMedia({ colorScheme: 'dark' })
  // The setting says "system", so the page follows the browser's preference.
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' })
  await expectAccessible(page, `${step} (dark)`)
  expect(await labelNameMismatches(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })
}

describe.skipIf(!runE2e)('accessibility', () => {
  let started: StartedApp
  beforeAll(async () => {
    started = await startApp('accessibility')
  })
  afterAll(() => started?.stop())

  it('every step passes axe in light and dark, and every visible label is in its accessible name', async () => {
    const { page } = started.app
    const shots = new Shots('accessibility')
    await page.getByTestId(TID.appearance).waitFor()
    expect(await page.getByTestId(TID.appearance).inputValue()).toBe('system')
    await checkBothThemes(page, 'load (empty)')
    // The file input's name is the text of the button it hides behind.
    expect((await accessibleName(page, TID.load.fileInput)).trim()).toBe('Choose a file…')
    await shots.take(page, 'load-empty')

    await goToStep(page, 'connection')
    await checkBothThemes(page, 'connection')
    await loadSheet(page, SAMPLE_CSV)
    await checkBothThemes(page, 'load')
    await page.getByTestId(TID.load.next).click()
    await page.getByRole('heading', { name: /Map columns/ }).waitFor()
    await checkBothThemes(page, 'map')
    await page.getByTestId(TID.map.next).click()
    await page.getByRole('heading', { name: /Review rows/ }).waitFor()
    await page.getByTestId(TID.review.cell(BAD_EMAIL.row, BAD_EMAIL.column)).waitFor()
    await checkBothThemes(page, 'review')
    await page.getByTestId(TID.review.next).click()
    await page.getByRole('heading', { name: /Send orders/ }).waitFor()
    await checkBothThemes(page, 'send')
    await goToStep(page, 'history')
    await checkBothThemes(page, 'history')

    // The setting overrides the browser: dark chosen, light preferred by the browser.
    await page.getByTestId(TID.appearance).selectOption('dark')
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' })
    await shots.take(page, 'history-dark')
    await page.getByTestId(TID.appearance).selectOption('system')
    await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' })
  })

  it('the whole import with the keyboard alone', async () => {
    const { page } = started.app
    await page.reload()
    await page.getByTestId(TID.app).waitFor()
    await goToStep(page, 'load')
    const shots = new Shots('keyboard')

    // 1 Load: Tab to the file input; Space opens the file chooser (listened for first, so the
    // chooser is caught however quickly it opens).
    const chooser = page.waitForEvent('filechooser')
    await page.locator('body').focus()
    await tabTo(page, TID.load.fileInput)
    expect(await focusIsVisible(page)).toBe(true)
    await page.keyboard.press('Space')
    await (await chooser).setFiles(SAMPLE_CSV)
    await page.getByTestId(TID.load.summary).waitFor({ timeout: 30_000 })
    await tabTo(page, TID.load.next)
    expect(await focusIsVisible(page)).toBe(true)
    await page.keyboard.press('Enter')

    // 2 Map: focus lands on the new screen's heading; Tab on to Next.
    await page.getByRole('heading', { name: /Map columns/ }).waitFor()
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1')
    await tabTo(page, TID.map.next, 200)
    await page.keyboard.press('Enter')

    // 3 Review: the grid takes focus; arrows move the selection to row 4's e-mail; Enter edits.
    await page.getByRole('heading', { name: /Review rows/ }).waitFor()
    await tabTo(page, TID.review.grid)
    expect(await focusIsVisible(page)).toBe(true)
    const grid = page.getByTestId(TID.review.grid)
    const badCell = page.getByTestId(TID.review.cell(BAD_EMAIL.row, BAD_EMAIL.column))
    // The rows come from main a moment after the heading; an arrow pressed before they are there
    // has nothing to select (CI, slower than a desktop, pressed it that early once).
    await badCell.waitFor()
    await page.keyboard.press('ArrowDown') // the first move selects the first cell
    await page.locator('[role="row"][aria-selected="true"]').waitFor()
    for (let i = 0; i < 8 && (await badCell.getAttribute('aria-selected')) !== 'true'; i++) {
      const active = (await grid.getAttribute('aria-activedescendant')) ?? ''
      const selectedRow = Number(/(\d+)/.exec((await page.locator('[role="row"][aria-selected="true"]').getAttribute('data-testid')) ?? '')?.[1] ?? 0)
      if (selectedRow < BAD_EMAIL.row) await page.keyboard.press('ArrowDown')
      else if (!active.endsWith(`-${BAD_EMAIL.column}`)) await page.keyboard.press('ArrowRight')
    }
    expect(await badCell.getAttribute('aria-selected')).toBe('true')
    expect(await grid.getAttribute('aria-activedescendant')).toBe(await badCell.getAttribute('id'))
    await page.keyboard.press('ArrowUp')
    expect(await badCell.getAttribute('aria-selected')).toBe('false')
    await page.keyboard.press('ArrowDown')
    expect(await badCell.getAttribute('aria-selected')).toBe('true')
    await shots.take(page, 'grid-selected')
    await page.keyboard.press('Enter')
    const editor = page.getByTestId(TID.review.editor)
    await editor.waitFor()
    expect(await focusedTestId(page)).toBe(TID.review.editor)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(BAD_EMAIL.fixed)
    await page.keyboard.press('Enter')
    await badCell.filter({ hasText: BAD_EMAIL.fixed }).waitFor()
    await expect.poll(() => planCount(page, 'errors')).toBe(0)
    expect(await focusedTestId(page)).toBe(TID.review.grid)
    await tabTo(page, TID.review.next)
    await page.keyboard.press('Enter')

    // 4 Send: Tab to Start; every order is created.
    await page.getByRole('heading', { name: /Send orders/ }).waitFor()
    await tabTo(page, TID.send.start)
    expect(await focusIsVisible(page)).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /Run #\d+ · / }).waitFor()
    await waitForState(page, 'succeeded', 30, 60_000)
    await shots.take(page, 'sent')
  })
})
