// A bad mapping file and an API answer of a shape Orderbatch cannot read are told in the reader's
// language: the errors carry their message (English in error.message, as before).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { errorText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { loadMappingFile, MappingFileError } from '../../../electron/main/pipeline/load-mapping'
import { parseAllGoods } from '../../../electron/main/api/catalog'
import { parseBills } from '../../../electron/main/api/lookup-parsers'

const ru = translatorFor('ru')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-mapping-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('a bad mapping file', () => {
  it('is named in English as before, and in Russian for a Russian reader', async () => {
    const missing = await failure(loadMappingFile(join(dir, 'm.json')))
    expect(missing).toBeInstanceOf(MappingFileError)
    expect((missing as Error).message).toBe('m.json: mapping file not found. Check the path given to --mapping.')
    expect(errorText(ru, missing)).toBe('m.json: файл сопоставления не найден. Проверьте путь, указанный в --mapping.')

    writeFileSync(join(dir, 'bad.json'), '{oops')
    const notJson = await failure(loadMappingFile(join(dir, 'bad.json')))
    expect((notJson as Error).message).toMatch(/^bad\.json: not valid JSON \(.+\)\. Fix the file, or write a new one with "orderbatch mapping"\.$/)
    expect(errorText(ru, notJson)).toMatch(/^bad\.json: это некорректный JSON \(.+\)\. Исправьте файл или создайте новый командой «orderbatch mapping»\.$/)

    writeFileSync(join(dir, 'wrong.json'), '[]')
    const wrong = await failure(loadMappingFile(join(dir, 'wrong.json')))
    expect((wrong as Error).message).toMatch(/^wrong\.json: the top level: .+\. Write a fresh one with "orderbatch mapping <file> --out wrong\.json" and compare\.$/)
    expect(errorText(ru, wrong)).toMatch(/^wrong\.json: верхний уровень: .+\. Создайте новый командой «orderbatch mapping <файл> --out wrong\.json» и сравните\.$/)
  })
})

describe('an API answer of a shape Orderbatch cannot read', () => {
  it('is told in Russian for a Russian reader', () => {
    const goods = thrown(() => parseAllGoods('nope'))
    expect((goods as Error).message).toBe('The product list (GetAllGoods) from the API is not a list; Orderbatch cannot read it.')
    expect(errorText(ru, goods)).toBe('Список товаров (GetAllGoods) от API пришёл не списком; Orderbatch не может его прочитать.')
    expect(errorText(ru, thrown(() => parseAllGoods([3])))).toBe('Товар 1 в ответе GetAllGoods — не объект.')
    expect(errorText(ru, thrown(() => parseBills([1])))).toBe('Результат GetBills от API пришёл списком, а не заказами по номерам; Orderbatch не может его прочитать.')
  })
})
