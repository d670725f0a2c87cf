// The sheet reader's refusals carry a catalog key and values beside their English line: the
// English built from the key is the line itself, and the Russian reads as Russian.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { englishOf, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { parseSheetBytes } from '../../../electron/main/sheets/parse-bytes'
import { readSheetFile } from '../../../electron/main/sheets/read-sheet'
import { isSheetReadError, sheetErrorMessage, type SheetError } from '../../../electron/main/sheets/sheet-error'

const ru = translatorFor('ru')
const dir = mkdtempSync(join(tmpdir(), 'orderbatch-sheet-errors-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function refusal(bytes: Uint8Array | string, name: string, options: Parameters<typeof parseSheetBytes>[2] = {}): SheetError {
  try {
    parseSheetBytes(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, name, options)
  } catch (error) {
    if (isSheetReadError(error)) return error.error
    throw error
  }
  throw new Error(`${name} was read`)
}

function refusals(): SheetError[] {
  return [
    refusal(new Uint8Array(0), 'empty.csv'),
    refusal('   \n\n', 'blank.csv'),
    refusal('Name;Email\n', 'header-only.csv'),
    refusal('Name;Email\nAnna;a@x.com\n', 'orders.csv', { headerRow: 9 }),
    refusal('Name;Email\n\nAnna;a@x.com\n', 'orders.csv', { headerRow: 2 }),
    refusal('Name;Email\nAnna;a@x.com\n', 'orders.csv', { encoding: 'klingon' }),
    refusal('Name;Email\nAnna;"a@x.com\nBob;b@x.com\n', 'quote.csv'),
    refusal('Name;Email\nAnna;a@x.com\n', 'orders.csv', { delimiter: '"' }),
    refusal('%PDF-1.4 xxxxxxxx', 'orders.csv'),
    refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]), 'orders.xlsx'),
    refusal('Name;Email\nAnna;a@x.com\n', 'orders.xlsx'),
    refusal('Name;Email\n' + 'Anna;a@x.com\n'.repeat(20), 'orders.csv', { limits: { maxRows: 5 } })
  ]
}

describe('sheet read refusals', () => {
  it('carry a key whose English is the line itself', () => {
    const all = refusals()
    for (const error of all) {
      expect(error.localized, error.message).toBeDefined()
      expect(englishOf(error.localized!)).toBe(error.message)
    }
    expect(new Set(all.map((e) => e.localized!.params!['problem'] && (e.localized!.params!['problem'] as { key: string }).key)).size).toBeGreaterThanOrEqual(10)
  })

  it('read in Russian', () => {
    const texts = refusals().map((error) => renderMessage(ru, sheetErrorMessage(error)))
    expect(texts).toContain('empty.csv: файл пуст (0 байт). Выберите файл с заказами или выгрузите его заново.')
    expect(texts).toContain('header-only.csv: в файле заголовок в строке 1, но под ним нет строк с заказами. Добавьте заказы под заголовок или выберите другой файл или лист.')
    expect(texts).toContain('orders.csv: «klingon» — незнакомая приложению кодировка. Укажите название вроде utf-8, windows-1251, windows-1252 или utf-16le.')
    expect(texts).toContain('orders.csv: файл — это документ PDF, а не таблица. Выберите книгу Excel или файл CSV с заказами.')
    // Nothing of the English is left (file names, formats and flags aside).
    expect(texts.filter((text) => /\b(the|file is|row|Choose|and try)\b/.test(text))).toEqual([])
  })

  it('words file-system refusals too: a missing file, a folder', async () => {
    mkdirSync(join(dir, 'folder.csv'))
    writeFileSync(join(dir, 'zero.csv'), '')
    const missing = await readSheetFile(join(dir, 'nope.csv'))
    const folder = await readSheetFile(join(dir, 'folder.csv'))
    const zero = await readSheetFile(join(dir, 'zero.csv'))
    const texts = [missing, folder, zero].map((outcome) => {
      if (outcome.ok) throw new Error('read')
      expect(englishOf(sheetErrorMessage(outcome.error))).toBe(outcome.error.message)
      return renderMessage(ru, sheetErrorMessage(outcome.error))
    })
    expect(texts).toEqual([
      'nope.csv: файла нет (возможно, его переместили, переименовали или удалили). Проверьте путь и выберите файл снова.',
      'folder.csv: это папка, а не файл. Выберите файл таблицы внутри неё.',
      'zero.csv: файл пуст (0 байт). Выберите файл с заказами или выгрузите его заново.'
    ])
  })
})
