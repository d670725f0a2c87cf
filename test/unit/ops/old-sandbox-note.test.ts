// The CLI's note about sandbox runs of earlier versions, in the language the CLI speaks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HOME_ENV, journalPathFor, SANDBOX_JOURNAL_FILE } from '../../../electron/main/ops/paths'

const home = mkdtempSync(join(tmpdir(), 'orderbatch-old-sandbox-'))
writeFileSync(join(home, SANDBOX_JOURNAL_FILE), '')
afterAll(() => rmSync(home, { recursive: true, force: true }))

function note(language: 'en' | 'ru' | undefined, env: Record<string, string> = {}): string {
  let said = ''
  journalPathFor({ cwd: home, env: { [HOME_ENV]: home, ...env }, stderr: (text) => (said += text), ...(language ? { language } : {}) }, undefined, true)
  return said
}

describe('the note about an older sandbox journal', () => {
  it('is in English by default, in Russian for --lang ru or a Russian LANG', () => {
    expect(note(undefined)).toMatch(/^Note: sandbox runs are kept in /)
    expect(note('ru')).toMatch(/^Примечание: запуски в песочнице хранятся в .*укажите --journal .*sandbox-journal\.sqlite, чтобы открыть их\.\n$/)
    expect(note(undefined, { LANG: 'ru_RU.UTF-8' })).toMatch(/^Примечание:/)
    expect(note('en', { LANG: 'ru_RU.UTF-8' })).toMatch(/^Note:/)
  })
})
