// Every step the journal can name in a storage error is a catalog key worded in both languages,
// and no journal step is given in English words (the type says so too; this also catches a cast).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGS, baseKey, type CatalogKey } from '#shared/i18n/catalog/index'
import { translatorFor } from '#shared/i18n/translate'

const JOURNAL = 'electron/main/journal'
const SAMPLE = { runId: 7, orderId: 42, ordinal: 3, source: 'orders.csv' }
// Plural steps get only their count: i18next reads an `ordinal` beside a count as a request for
// ordinal plurals.
const COUNTED = { count: 2 }

const stepKeys = [...new Set(Object.keys(CATALOGS.en).filter((key) => key.startsWith('journal.step.')).map(baseKey))] as CatalogKey[]

function sources(): Array<{ file: string; text: string }> {
  return readdirSync(JOURNAL)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ file: name, text: readFileSync(join(JOURNAL, name), 'utf8') }))
}

/** ctx.write / ctx.read / storageError given a quoted phrase instead of a step. */
const LITERAL_STEP = /\b(?:ctx\.(?:write|read)|storageError\([^,()]*,)\(?\s*['"`]/g
const STEP_CALL = /\bctx\.(?:write|read)\(/g
const USED_KEY = /journalStep\('(journal\.step\.[A-Za-z]+)'/g

describe('journal steps', () => {
  it('are worded in English and Russian, differently, with every value filled', () => {
    expect(stepKeys.length).toBeGreaterThan(40)
    const en = translatorFor('en')
    const ru = translatorFor('ru')
    for (const key of stepKeys) {
      const values = key in CATALOGS.en ? SAMPLE : COUNTED
      const english = en(key, values)
      const russian = ru(key, values)
      expect(english, key).not.toBe(key)
      expect(russian, key).not.toBe(key)
      expect(russian, key).not.toBe(english)
      expect(`${english} ${russian}`, key).not.toMatch(/\{\{|\}\}/)
    }
  })

  it('are each used by the journal, and the journal uses no step the catalog lacks', () => {
    const used = new Set(sources().flatMap(({ text }) => [...text.matchAll(USED_KEY)].map((m) => m[1]!)))
    expect([...used].sort()).toEqual([...stepKeys].sort())
  })

  it('are never given as English words to ctx.write, ctx.read or storageError', () => {
    const all = sources()
    expect(all.reduce((n, { text }) => n + [...text.matchAll(STEP_CALL)].length, 0)).toBeGreaterThan(50)
    const literal = all.flatMap(({ file, text }) => [...text.matchAll(LITERAL_STEP)].map((m) => `${file}: ${text.slice(m.index, m.index + 60)}`))
    expect(literal).toEqual([])
    // The guard itself finds the calls it is meant to refuse.
    expect('ctx.write(`record run ${id}`, () => 1)'.match(LITERAL_STEP)).not.toBeNull()
    expect("ctx.read('list the runs', () => 1)".match(LITERAL_STEP)).not.toBeNull()
    expect("storageError(path, 'open the journal', error)".match(LITERAL_STEP)).not.toBeNull()
    expect("ctx.read(journalStep('journal.step.listRuns'), () => 1)".match(LITERAL_STEP)).toBeNull()
  })
})
