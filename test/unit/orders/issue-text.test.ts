// Issues as catalog keys with parameters: every key the engine raises is in both catalogs, the
// English words are the engine's `message`, and Russian reads with the right plural forms.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '#shared/i18n/catalog/en'
import { ru } from '#shared/i18n/catalog/ru'
import { isCatalogKey } from '#shared/i18n/catalog/index'
import { translatorFor } from '#shared/i18n/translate'
import { planImport } from '#shared/plan/import-plan'
import type { Issue } from '#shared/plan/issue'
import { issueText, planIssue } from '#shared/plan/issue-text'
import { guessText, noteText, translateNote } from '#shared/presets/notes'
import { withSourceNotes } from '#shared/presets/plan-notes'
import { NOW, col, constant, good, mapping, sheet } from './helpers'

const EN = translatorFor('en')
const RU = translatorFor('ru')

function inCatalog(catalog: Record<string, string>, key: string): boolean {
  return key in catalog || `${key}_other` in catalog
}

/** The catalog keys written in the engine's source: issue keys, value-problem variants and the
 * transforms' reasons. */
function keysInSource(): Set<string> {
  const keys = new Set<string>()
  const read = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8'))
  for (const text of read('shared/plan')) {
    for (const m of text.matchAll(/'(issue\.[\w.-]+)'/g)) keys.add(m[1] as string)
    for (const m of text.matchAll(/test: [^}]*?error: '([\w.-]+)'/g)) keys.add(`issue.problem.${m[1]}`)
    for (const m of text.matchAll(/OrderProblemCode = ([^\n]+)/g)) for (const code of (m[1] as string).matchAll(/'([\w-]+)'/g)) keys.add(`issue.${code[1]}`)
  }
  for (const text of read('shared/transforms')) for (const m of text.matchAll(/(?:failWith|failure)\('([\w.-]+)'/g)) keys.add(`reason.${m[1]}`)
  return keys
}

/** A sheet with one of nearly every problem a plan can find. */
function troubledPlan(): Issue[] {
  const headers = ['Order', 'Email', 'Product', 'Price', 'Qty', 'Created', 'Kill', 'IP', 'Domain', 'Medium', 'Source', 'Фамилия', '']
  const rows = [
    ['1', 'ann@x.com', 'p1', '10', '2', '2024-03-01 10:00', '1', '1.2.3.4', 'shop.com', 'affiliate', 'bob', 'Иванов', 'x'],
    ['1', 'eve@x.com', 'p2', '1500.505', 'abc', '2024-03-01 10:00', '0', '1.2.3', 'http://', 'Affiliate', '', '', ''],
    ['', 'maria.ivanova@', '', '-5', '500', '1999-01-01', 'maybe', 'zz', 'a@b.com', 'affiliate', '', '', ''],
    ['2', 'bob@x.com', 'p1', 'abc', '2', '03/04/2024', '2200-01-01', '', '', '', '', 'Петров', ''],
    ['3', 'bob@x.com', 'p1', '10', '1', '2024-03-01', '', '', '', '', '', 'Петров', ''],
    ['4', 'bob@x.com', 'p1', '10', '1', '2024-03-01', '', '', '', '', '', 'Петров', ''],
    ['5', 'dan@x.com', 'p1', '10', '1', '2024-03-01', '', '', '', 'Affiliate', '', 'Петров', ''],
    ['Итого', '', '', '100', '', '', '', '', '', '', '', '', '']
  ]
  const fields = {
    bill_email: col('Email'),
    bill_created: col('Created'),
    bill_timer_kill: col('Kill'),
    bill_ip: col('IP'),
    bill_domain: col('Domain'),
    'utm[utm_medium]': col('Medium'),
    'utm[utm_source]': col('Source'),
    bill_surname: col('Фамилия'),
    bill_phone: col('Phone', undefined),
    bill_comment: constant('x'.repeat(70_000)),
    bill_tag: col('')
  }
  const goods = [{ ...good('Product', 'Price'), quantity: { column: { column: 'Qty' }, mode: 'repeat' as const } }, good('Nope', 'Price')]
  return planImport(sheet(headers, rows), mapping({ fields, goods, groupBy: 'Order', shipped: true }), { now: NOW }).issues
}

describe('issue words', () => {
  it('has every key the engine raises in English and in Russian', () => {

    const keys = [...keysInSource()]
    expect(keys.length).toBeGreaterThan(60)
    expect(keys.filter((key) => !inCatalog(en, key))).toEqual([])
    expect(keys.filter((key) => !inCatalog(ru, key))).toEqual([])
  })

  it('words each issue of a plan from its key: the English is the engine\'s message, the Russian has no English left', () => {
    const issues = troubledPlan()
    const keyed = issues.filter((issue) => issue.key !== undefined)
    const codes = new Set(keyed.map((issue) => issue.code))
    for (const code of ['conflict', 'empty-order-number', 'email', 'money', 'date', 'timer-kill', 'ip', 'domain', 'quantity', 'required', 'unmapped', 'missing-column', 'constant', 'affiliate-case', 'affiliate-source', 'duplicate-order', 'totals-row', 'good-without-name']) {
      expect(codes, code).toContain(code)
    }
    for (const issue of keyed) {
      expect(isCatalogKey(issue.key as string), issue.key).toBe(true)
      expect(issueText(issue, EN)).toBe(issue.message)
      const russian = issueText(issue, RU)
      expect(russian, issue.message).not.toMatch(/\{\{|\b(Row|column|is not|the order|write|from row)\b/)
    }
    expect(issues.filter((issue) => issue.key === undefined).map((issue) => issue.code)).toEqual([])
  })

  it('keeps values, amounts and dates exactly as the sheet has them', () => {
    const issues = troubledPlan()
    const price = issues.find((issue) => issue.code === 'money' && issue.row === 3)
    expect(price && issueText(price, RU)).toBe(
      'Строка 3, столбец «Price»: "1500.505" — больше 2 знаков после запятой (Цена, goods[2][good_sum]). Впишите цену больше 0, не более 2 знаков после запятой (вида 1500,50), или оставьте ячейку пустой, чтобы взять цену магазина.'
    )
    const date = issues.find((issue) => issue.code === 'date' && issue.row === 4)
    expect(date && issueText(date, RU)).toContain('"1999-01-01" (прочитано как 1999-01-01 00:00 UTC) — раньше 2000 года')
  })

  it('words the reasons of an unreadable cell in Russian, months and date order included', () => {
    const plan = planImport(sheet(['Email', 'Product', 'Created'], [['a@b.com', 'p', '03/04/2024']]), mapping({ fields: { bill_email: col('Email'), bill_created: col('Created') }, goods: [good('Product')] }), { now: NOW })
    const issue = plan.issues.find((i) => i.code === 'date') as Issue
    expect(issue.message).toContain('"03/04/2024" could be 3 April or March 4: choose the date order')
    expect(issueText(issue, RU)).toContain('"03/04/2024" может быть 3 апреля или 4 марта: выберите порядок в дате')
  })

  it('uses the Russian plural forms for counts', () => {
    const totals = (count: number) => {
      const rows = [['', 'a@b.com', 'p'], ...Array.from({ length: count }, () => ['Итого', '', ''])]
      const issue = planImport(sheet(['Label', 'Email', 'Product'], rows), mapping({ goods: [good('Product')] }), { now: NOW }).issues.find((i) => i.code === 'totals-row') as Issue
      return { en: issue.message, ru: issueText(issue, RU) }
    }
    expect(totals(1)).toEqual({ en: 'Row 3 is a totals row ("Итого") and is left out.', ru: 'Пропущена 1 строка итогов ("Итого"): 3.' })
    expect(totals(3).ru).toBe('Пропущены 3 строки итогов ("Итого"): 3, 4, 5.')
    expect(totals(3).en).toBe('Rows 3, 4, 5 are totals rows ("Итого") and are left out.')
    expect(totals(5).ru).toMatch(/^Пропущено 5 строк итогов/)
    expect(totals(21).ru).toMatch(/^Пропущена 21 строка итогов/)
    expect(totals(22).ru).toMatch(/^Пропущены 22 строки итогов/)
  })

  it('words the source detection\'s notes an issue carries (a guess to confirm, a warning) in the reader\'s language', () => {
    const guess = { field: 'bill_email', column: 'Mail 2', code: 'email.pick', params: { columns: '"Mail 1", "Mail 2"', column: 'Mail 2' } }
    const m = { ...mapping({ fields: { bill_email: col('Mail 2') }, goods: [good('Product')] }), guesses: [guess] }
    const plan = planImport(sheet(['Mail 1', 'Mail 2', 'Product'], [['a@b.com', 'c@d.com', 'p']]), m, { now: NOW })
    const issue = plan.issues.find((i) => i.code === 'guess') as Issue
    expect(issue.message).toBe(guessText(guess))
    expect(issue.message).toMatch(/^Column "Mail 2" was chosen for E-mail \(bill_email\) by a rule \(.*\); confirm it in the mapping, or pick another column with --map bill_email=COLUMN\.$/)
    expect(issueText(issue, RU)).toBe(guessText(guess, RU))
    expect(issueText(issue, RU)).not.toMatch(/\b(Column|was chosen|confirm)\b/)

    const note = { code: 'price.none', params: {}, level: 'warning' as const }
    const warning = withSourceNotes(plan, [note]).issues.find((i) => i.code === 'price.none') as Issue
    expect(warning.message).toBe(noteText(note))
    expect(issueText(warning, RU)).toBe(translateNote(note, RU))
    expect(issueText(warning, RU)).not.toBe(warning.message)
  })

  it('words a corrected order that now makes several orders, naming its rows', () => {
    const split = (sheetRows: string) => planIssue({ severity: 'error', code: 'split-order', row: 3, column: null, field: null, order: null, key: 'issue.split-order', params: { sheetRows, orders: 2 } })
    expect(split('3,4,5').message).toBe('The corrected rows 3-5 now make 2 orders instead of one; keep the order number the same on every row.')
    expect(split('3,7').message).toBe('The corrected rows 3, 7 now make 2 orders instead of one; keep the order number the same on every row.')
    expect(issueText(split('3,4,5'), RU)).toBe('Исправленные строки 3-5 теперь дают несколько заказов (2) вместо одного; оставьте на всех строках один номер заказа.')
  })

  it('shows an issue without a key as it was worded', () => {
    const issue: Issue = { severity: 'warning', code: 'guess', row: null, column: null, field: null, order: null, message: 'Column "X" was chosen.' }
    expect(issueText(issue, RU)).toBe('Column "X" was chosen.')
  })
})
