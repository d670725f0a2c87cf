// The sheet worker writes each refusal (and each detection's reason) twice: an English line for
// logs and --json, and a catalog key with values for the reader. The worker cannot render the key
// itself (no i18next there), so this test reads every such call in electron/main/sheets and checks
// that the catalog's English for its key says the same words around the same gaps: a line edited
// on one side only fails here, whether or not a test reaches that refusal.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '#shared/i18n/catalog/index'
import { englishOf } from '#shared/i18n/message'
import { detectDelimiter } from '../../../electron/main/sheets/detect-delimiter'

const SHEETS = 'electron/main/sheets'
// A private-use character: no catalog text or code line holds it.
const HOLE = '\ue000'

/** A text as its fixed words with the gaps between them ("{{x}}" in the catalog, "${x}" in code). */
type Pieces = string[]

interface Site {
  where: string
  /** The wordings the English line can take for this key. */
  english: Pieces[]
  key: string
  /** The names of the values given with the key (null when they are not an object literal). */
  params: string[] | null
  /** The values given as plain text, numbers or plain messages in the code. */
  known: Map<string, string[]>
}

/** Calls that pass on a key and its English worked out elsewhere (checked by running them, below). */
const PASSED_ON = ['detect-delimiter.ts: why.key']

/** Where the English line and the key sit in each kind of call. */
const CALLS: Record<string, { english: number; key: (args: readonly ts.Expression[]) => { key: ts.Expression; params: ts.Expression | undefined } | null }> = {
  sheetReadError: {
    english: 2,
    key: (args) => {
      const why = args[3]
      if (!why || !ts.isCallExpression(why) || why.expression.getText() !== 'why') return null
      return { key: why.arguments[0]!, params: why.arguments[1] }
    }
  },
  detected: { english: 2, key: (args) => (args[3] ? { key: args[3], params: args[4] } : null) }
}

function sourceFiles(): ts.SourceFile[] {
  return readdirSync(SHEETS)
    .filter((name) => name.endsWith('.ts') && name !== 'sheet-error.ts' && name !== 'detected.ts')
    .map((name) => ts.createSourceFile(name, readFileSync(join(SHEETS, name), 'utf8'), ts.ScriptTarget.Latest, true))
}

/** The file's `const name = ...` initializers: a gap naming one of them is read through. */
function constants(file: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>()
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) {
      found.set(node.name.text, node.initializer)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** What the sheet helpers write around the number they are given (the catalog spells the unit). */
const HELPERS: Record<string, Pieces> = { megabytes: [HOLE, ' MB'] }

/** Every wording an English expression can take: a condition the key depends on is decided by
 * `choice`, any other one between plain texts gives both wordings (a cap keeps it small). */
function wordings(expr: ts.Expression, choice: ReadonlyMap<string, boolean>, consts: ReadonlyMap<string, ts.Expression>, depth = 0): Pieces[] {
  if (depth > 5) return [[HOLE]]
  const next = (e: ts.Expression): Pieces[] => wordings(e, choice, consts, depth + 1)
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [[expr.text]]
  if (ts.isParenthesizedExpression(expr)) return next(expr.expression)
  if (ts.isTemplateExpression(expr)) {
    let all: Pieces[] = [[expr.head.text]]
    for (const span of expr.templateSpans) {
      const options = next(span.expression)
      all = all.flatMap((before) => options.map((middle) => [...before, ...middle, span.literal.text])).slice(0, 64)
    }
    return all
  }
  if (ts.isConditionalExpression(expr)) {
    const decided = choice.get(expr.condition.getText())
    if (decided !== undefined) return next(decided ? expr.whenTrue : expr.whenFalse)
    return [...next(expr.whenTrue), ...next(expr.whenFalse)]
  }
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && HELPERS[expr.expression.text]) return [HELPERS[expr.expression.text]!]
  if (ts.isIdentifier(expr) && consts.has(expr.text)) {
    const init = consts.get(expr.text)!
    if (ts.isStringLiteral(init) || ts.isTemplateExpression(init) || ts.isConditionalExpression(init) || ts.isNoSubstitutionTemplateLiteral(init)) return next(init)
  }
  return [[HOLE]]
}

/** Fixed words and single gaps, merged: ["a", HOLE, "b"]. */
function normal(pieces: Pieces): Pieces {
  const text = pieces.join('').replace(/\ue000+/g, HOLE)
  return text.split(/(\ue000)/).filter((piece) => piece !== '')
}

/** The catalog's English with the values the code gives as plain text filled in (each wording
 * they can take), other values as gaps. */
function catalogWordings(english: string, known: ReadonlyMap<string, string[]> = new Map()): Pieces[] {
  let all: Pieces[] = [[]]
  for (const piece of english.split(/(\{\{[^}]*\}\})/)) {
    const name = piece.startsWith('{{') ? (/^\{\{\s*([A-Za-z]+)/.exec(piece)?.[1] ?? '') : null
    const options = name === null ? [piece] : (known.get(name) ?? [HOLE])
    all = all.flatMap((before) => options.map((option) => [...before, option])).slice(0, 64)
  }
  return all.map(normal)
}

function pattern(pieces: Pieces): RegExp {
  return new RegExp(`^${pieces.map((p) => (p === HOLE ? '[\\s\\S]*' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`)
}

/** The same words in the same order, each side's gaps standing where the other has a gap or words
 * it cannot know (a value worked out at run time). */
function agree(code: Pieces, catalog: Pieces): boolean {
  return pattern(code).test(catalog.join('')) && pattern(catalog).test(code.join(''))
}

/** A value given as plain text, a number, or a message without values of its own (either of two). */
function plainTexts(value: ts.Expression): string[] | null {
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) || ts.isNumericLiteral(value)) return [value.text]
  if (!ts.isCallExpression(value) || value.expression.getText() !== 'why' || value.arguments.length !== 1) return null
  const key = value.arguments[0]!
  const keys = ts.isStringLiteral(key) ? [key.text] : ts.isConditionalExpression(key) && ts.isStringLiteral(key.whenTrue) && ts.isStringLiteral(key.whenFalse) ? [key.whenTrue.text, key.whenFalse.text] : []
  const texts = keys.map((k) => CATALOGS.en[k])
  return texts.length > 0 && texts.every((text) => text !== undefined && !text.includes('{{')) ? (texts as string[]) : null
}

function knownValues(params: ts.Expression | undefined): Map<string, string[]> {
  const known = new Map<string, string[]>()
  if (!params || !ts.isObjectLiteralExpression(params)) return known
  for (const p of params.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue
    const texts = plainTexts(p.initializer)
    if (texts) known.set(p.name.text, texts)
  }
  return known
}

function sites(): { sites: Site[]; unreadable: string[] } {
  const found: Site[] = []
  const unreadable: string[] = []
  for (const file of sourceFiles()) {
    const consts = constants(file)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CALLS[node.expression.text]) {
        const spec = CALLS[node.expression.text]!
        const where = `${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
        const english = node.arguments[spec.english]
        const keyed = spec.key(node.arguments)
        if (!english || !keyed) {
          unreadable.push(`${where}: no key beside the English line`)
        } else {
          const params = keyed.params && ts.isObjectLiteralExpression(keyed.params)
            ? keyed.params.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?'))
            : keyed.params === undefined ? [] : null
          const known = knownValues(keyed.params)
          const key = keyed.key
          const of = (choice: Map<string, boolean>): Pieces[] => wordings(english, choice, consts).map(normal)
          if (ts.isStringLiteral(key)) {
            found.push({ where, key: key.text, params, known, english: of(new Map()) })
          } else if (ts.isConditionalExpression(key) && ts.isStringLiteral(key.whenTrue) && ts.isStringLiteral(key.whenFalse)) {
            const condition = key.condition.getText()
            found.push({ where, key: key.whenTrue.text, params, known, english: of(new Map([[condition, true]])) })
            found.push({ where, key: key.whenFalse.text, params, known, english: of(new Map([[condition, false]])) })
          } else {
            unreadable.push(`${file.fileName}: ${key.getText()}`)
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return { sites: found, unreadable }
}

/** The English of a key, plural keys in each of their forms. */
function englishForms(key: string): string[] {
  const en = CATALOGS.en
  if (key in en) return [en[key]!]
  return Object.keys(en).filter((k) => k.startsWith(`${key}_`)).map((k) => en[k]!)
}

describe('every sheet refusal and detection reason', () => {
  const { sites: all, unreadable } = sites()

  it('is found, each with a literal catalog key', () => {
    expect(unreadable).toEqual(PASSED_ON)
    expect(all.filter((site) => site.where.includes('build-table') || site.where.includes('zip-workbook')).length).toBeGreaterThan(10)
    expect(all.length).toBeGreaterThan(70)
    expect(CATALOGS.en['sheet.error']).toBe('{{file}}: {{problem}}')
  })

  it('says in English what the catalog says for its key', () => {
    const drifted = all.filter((site) => !englishForms(site.key).some((form) => catalogWordings(form, site.known).some((said) => site.english.some((wording) => agree(wording, said)))))
    const shown = (site: Site): string => `${site.where} ${site.key}: ${site.english.map((w) => w.join('').replace(/\ue000/g, '…')).join(' | ')} / ${englishForms(site.key).join(' | ')}`
    expect(drifted.map(shown)).toEqual([])
  })

  it('gives every value its key needs', () => {
    const missing = all.flatMap((site) => {
      if (site.params === null) return []
      const needed = new Set(englishForms(site.key).flatMap((form) => [...form.matchAll(/\{\{\s*([A-Za-z]+)/g)].map((m) => m[1]!)))
      return [...needed].filter((name) => !site.params!.includes(name)).map((name) => `${site.where} ${site.key}: no ${name}`)
    })
    expect(missing).toEqual([])
  })

  it('would catch a line changed on one side only', () => {
    const code = normal(['the file is ', HOLE, ', more than the ', HOLE, ' this app reads at once.'])
    expect(agree(code, catalogWordings('the file is {{size}}, more than the {{limit}} this app reads at once.')[0]!)).toBe(true)
    expect(agree(code, catalogWordings('the file is {{size}}, more than {{limit}} this app reads at once.')[0]!)).toBe(false)
    expect(agree(code, catalogWordings('the file is {{size}}, more than the {{limit}} this app reads at once. Split it.')[0]!)).toBe(false)
  })

  it('passed on from the delimiter detection reads the same in English as its key (run, not read)', () => {
    const texts = {
      every: 'a;b;c\n1;2;3\n4;5;6\n',
      share: 'a;b;c\n1;2;3\n4;5;6\n7;8\n9;10;11\n12;13;14\n',
      comma: 'a;b\n1,5;2,5\n3,5;4,5\n',
      tab: 'a\tb\n1\t2\n3\t4\n'
    }
    const keys = new Set<string>()
    for (const text of Object.values(texts)) {
      const found = detectDelimiter(text)
      expect(found.why).toBeDefined()
      keys.add(found.why!.key)
      expect(englishOf(found.why!)).toBe(found.reason)
    }
    expect(keys.size).toBeGreaterThanOrEqual(3)
  })
})
