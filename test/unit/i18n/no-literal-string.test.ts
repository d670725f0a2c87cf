// The lint rule that keeps every word of the app in the catalog: a literal text in a component's
// markup or in an attribute people read fails `npm run lint`; words from the catalog pass.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function problems(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'renderer/src/components/LintProbe.tsx' })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.message)
}

describe('no literal user-facing text in renderer components', () => {
  it('fails on text and readable attributes that are not from the catalog', async () => {
    const found = await problems(`export function Probe() {\n  return <p title="Shown on hover">Orders to send</p>\n}\n`)
    expect(found).toHaveLength(2)
    expect(await problems(`export function Probe() {\n  return <input aria-label="Bill number" placeholder="1234" />\n}\n`)).toHaveLength(1)
  })

  it('passes words from the catalog, numbers and punctuation, and attributes nobody reads', async () => {
    const code = `import { useT } from '../lib/i18n'\nexport function Probe({ n }: { n: number }) {\n  const t = useT()\n  return <p className="hint" data-testid="probe" title={t('send.toSend')}>{t('send.toSend')} · {n} — …</p>\n}\n`
    expect(await problems(code)).toEqual([])
  })
})
