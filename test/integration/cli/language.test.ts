// The CLI in Russian: --lang ru anywhere on the command line, or a Russian LANG; help, the main
// output lines and the export (";" and Russian headers, the values as the API gives them), and a
// Russian export read back by retry --from.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { HELP_COMMANDS, commandHelp, helpText } from '../../../electron/main/cli/help'
import { runCli } from '../../../electron/main/cli/main'
import { SAMPLE, cli, tempDir, testIo } from './helpers'

let dir: string
let cleanup: () => void
let flags: string[]
const fast = ['--rate', '500', '--concurrency', '8']

beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
  flags = ['--sandbox', '--journal', join(dir, 'j.sqlite')]
})
afterAll(() => cleanup())

function csvCells(text: string, delimiter: string): string[][] {
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.slice(1, -1).split(`"${delimiter}"`))
}

describe('the CLI in Russian', () => {
  it('imports with --lang ru: plan, progress note and summary in Russian, with Russian plurals', async () => {
    const r = await cli(['import', SAMPLE, ...flags, ...fast, '--lang', 'ru', '--yes'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('orders.csv: 30 строк, 30 заказов.')
    expect(r.out).toContain('К отправке: 29 заказов → встроенная песочница.')
    expect(r.out).toContain('Не отправляется, в таблице ошибки (1 заказ):')
    expect(r.err).toContain('Запуск 1: отправляю 29 заказов → встроенная песочница')
    expect(r.out).toContain('Запуск 1 завершён: создано 29, не принято 1, неизвестно 0 (всего 30 заказов).')
    expect(r.out).toContain('Не созданы (1):')
    expect(r.out).toContain('#3 (строка 4) maria.ivanova@: не отправлен, в таблице ошибки:')
    expect(r.out).toMatch(/Чтобы исправить: orderbatch export 1 --only failed --out run-1-failed\.csv --sandbox/)
  })

  it('follows LANG=ru_RU.UTF-8, and --lang en wins over it', async () => {
    const ru = await cli(['status', '1', ...flags], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(ru.out).toContain('  куда: встроенная песочница (500 в секунду, по 8 одновременно)')
    expect(ru.out).toContain('  заказы: создано 29, не принято 1, неизвестно 0 (всего 30 заказов)')
    const en = await cli(['status', '1', '--lang', 'en', ...flags], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(en.out).toContain('  orders: 29 created, 1 failed, 0 unknown (30 orders)')
    const posix = await cli(['status', '1', ...flags], { env: { LC_ALL: 'C', LANG: 'ru_RU.UTF-8' } })
    expect(posix.out).toContain('  sent to: the built-in sandbox')
  })

  it('refuses an unknown --lang', async () => {
    const r = await cli(['status', '--lang', 'de', ...flags])
    expect(r.code).toBe(1)
    expect(r.err).toBe('Unknown language "de" for --lang: use ru or en.\n')
  })

  it('prints help in Russian, with the same commands and flags as the English help', async () => {
    const r = await cli(['help'], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(r.out).toContain('Запуск: orderbatch <команда> [флаги]')
    expect((await cli(['import', '--help', '--lang', 'ru'])).out).toContain('Читает и проверяет каждый заказ')
    const flagsOf = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort()
    expect(flagsOf(helpText('ru'))).toEqual(flagsOf(helpText('en')))
    for (const name of HELP_COMMANDS) expect(flagsOf(commandHelp(name, 'ru')), name).toEqual(flagsOf(commandHelp(name, 'en')))
  })

  it('exports CSV for a Russian user with ";" and Russian headers, the API values unchanged; --delimiter changes it', async () => {
    const out = join(dir, 'failed-ru.csv')
    const r = await cli(['export', '1', '--only', 'failed', '--out', out, ...flags], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(r.code).toBe(0)
    expect(r.out).toContain('(непринятых заказов: 1)')
    expect(r.out).toContain('CSV с разделителем «;»')
    const rows = csvCells(readFileSync(out, 'utf8'), ';')
    expect(rows[0]?.slice(-5)).toEqual(['Заказ в запуске', 'Состояние', 'Номер счёта', 'Код ошибки', 'Ошибка'])
    expect(rows[0]?.[0]).toBe('Order ID')
    // The State column in the export's language; the API's values (the code) as they are.
    expect(rows[1]?.slice(-4, -1)).toEqual(['не принят', '', 'row-errors'])

    const commas = join(dir, 'failed-comma.csv')
    await cli(['export', '1', '--only', 'failed', '--out', commas, '--delimiter', ',', ...flags], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(csvCells(readFileSync(commas, 'utf8'), ',')[0]?.slice(-1)).toEqual(['Ошибка'])

    const english = join(dir, 'failed-en.csv')
    await cli(['export', '1', '--only', 'failed', '--out', english, ...flags])
    expect(csvCells(readFileSync(english, 'utf8'), ',')[0]?.slice(-5)).toEqual(['Run order', 'State', 'Bill ID', 'Error code', 'Error'])
    expect(csvCells(readFileSync(english, 'utf8'), ',')[1]?.slice(-4, -1)).toEqual(['failed', '', 'row-errors'])
  })

  it('retries from a corrected Russian export: the "Заказ в запуске" column matches the order, the Russian State is left alone', async () => {
    const file = join(dir, 'failed-ru.csv')
    expect(readFileSync(file, 'utf8')).toContain('"не принят"')
    writeFileSync(file, readFileSync(file, 'utf8').replace('maria.ivanova@";', 'maria.ivanova@example.com";'))
    const r = await cli(['retry', '1', '--from', file, ...flags, ...fast, '--yes', '--lang', 'ru'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('создано 30, не принято 0')
  })

  it('undoes in Russian with Russian plurals', async () => {
    const r = await cli(['undo', '1', ...flags, '--rate', '500', '--yes', '--lang', 'ru'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Удалить: 30 заказов, созданных запуском 1 \(счета /m)
    expect(r.out).toMatch(/^Удалено 30 заказов запуска 1 из магазина: счета /m)
    expect(r.out).toContain('Журнал по-прежнему считает эти заказы созданными')
    const again = await cli(['undo', '1', ...flags, '--yes', '--lang', 'ru'])
    expect(again.out).toContain('30 заказов удалены прошлой отменой.')
    expect(again.out).toContain('У запуска 1 не осталось созданных заказов для удаления.')
    // The run's note is stored as a key and values, worded when read in the reader's language.
    const status = await cli(['status', '1', ...flags, '--lang', 'ru'])
    expect(status.out).toContain('отмена: удалено из магазина 30 из 30 созданных заказов')
    expect(status.out).not.toContain('deleted from the shop')
    expect((await cli(['status', '1', ...flags, '--lang', 'en'])).out).toContain('undo: 30 of 30 created orders deleted from the shop')
  })
})

describe("the CLI's other messages in Russian: usage, operations, the journal, sandbox and dry run", () => {
  let own: { dir: string; cleanup: () => void }
  let journal: string[]

  beforeAll(async () => {
    own = tempDir()
    journal = ['--sandbox', '--journal', join(own.dir, 'j.sqlite')]
    // Run 1: 29 orders created, row 4's order failed (a bad e-mail).
    const r = await cli(['import', SAMPLE, ...journal, ...fast, '--yes'])
    expect(r.code).toBe(2)
  })
  afterAll(() => own.cleanup())

  it('words usage errors in Russian, flags and values as typed, and keeps the English ones as they were', async () => {
    const missing = await cli(['export', '--lang', 'ru'])
    expect(missing.code).toBe(1)
    expect(missing.err).toBe('export: укажите номер запуска, например «orderbatch export 3 --out results.csv».\n')
    const flag = await cli(['status', '--bogus', '--lang', 'ru'])
    expect(flag.err).toBe('status: неизвестный флаг «--bogus». Справка: «orderbatch help status».\n')
    const value = await cli(['preview', SAMPLE, '--date-order', 'dym'], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(value.err).toBe('--date-order — это dmy (сначала день), mdy (сначала месяц) или ymd, а не «dym».\n')
    expect((await cli(['status', '--bogus'])).err).toBe('status: Unknown option \'--bogus\'. Run "orderbatch help status".\n')
    expect((await cli(['export'])).err).toBe('export: give the run number, e.g. "orderbatch export 3 --out results.csv".\n')
    expect((await cli(['status', 'x', '--lang', 'ru'])).err).toBe('status: запуск указывается номером (например, 3), а не «x». Список покажет «orderbatch status --all».\n')
    expect((await cli(['status', 'x'])).err).toBe('status: the run is given by its number (e.g. 3), not "x". "orderbatch status --all" lists them.\n')
  })

  it('words the reader\'s refusals and its detection reasons in Russian', async () => {
    const empty = join(own.dir, 'empty.csv')
    writeFileSync(empty, '')
    const refused = await cli(['preview', empty, '--lang', 'ru'])
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('empty.csv: файл пуст (0 байт). Выберите файл с заказами или выгрузите его заново.\n')
    expect((await cli(['preview', empty])).err).toBe('empty.csv: the file is empty (0 bytes). Choose the file that holds the orders, or export it again.\n')
    const shown = await cli(['preview', SAMPLE, '--lang', 'ru'])
    expect(shown.out).toMatch(/^ {2}разделитель: .*\(.* делит каждую строку на \d+ столб/m)
    expect(shown.out).toMatch(/^ {2}строка заголовков: 1 \(в строке 1 — \d+ назван/m)
  })

  it('words an operation\'s refusal in Russian: a fixed file without the run\'s columns', async () => {
    const file = join(own.dir, 'no-columns.csv')
    writeFileSync(file, 'Name,Phone\nAnna,123\n')
    const ru = await cli(['retry', '1', '--from', file, ...journal, '--yes', '--lang', 'ru'])
    expect(ru.code).toBe(1)
    expect(ru.err).toMatch(/^retry: В no-columns\.csv нет столбцов "[^"]+", .+, которые читает сопоставление запуска\. Найденные заголовки: .*Name.*\. Оставьте заголовки выгрузки как есть или передайте --mapping\.$/m)
    const en = await cli(['retry', '1', '--from', file, ...journal, '--yes'])
    expect(en.err).toMatch(/^retry: no-columns\.csv lacks the columns "[^"]+", .+ that the run's mapping reads\. Headers seen: .*Name.*\. Keep the exported headers as they are, or pass --mapping\.$/m)
  })

  it("words the journal's refusal in Russian, nested parts included", async () => {
    const ru = await cli(['resolve', '1', '--order', '1', '--absent', ...journal, '--lang', 'ru'])
    expect(ru.code).toBe(1)
    expect(ru.err).toMatch(/^orderbatch resolve: Нельзя отметить как отсутствующий в магазине заказ №1 запуска 1: он уже создан в магазине \(счёт \d+\) и больше не меняется\. Ничего не изменено\.\n$/)
    const en = await cli(['resolve', '1', '--order', '1', '--absent', ...journal])
    expect(en.err).toMatch(/^orderbatch resolve: Cannot mark as absent from the shop order #1 of run 1: it was already created in the shop \(bill \d+\) and is never changed again\. Nothing was changed\.\n$/)
  })

  it('prints the dry run in Russian with Russian plurals', async () => {
    const r = await cli(['import', SAMPLE, '--dry-run', '--sandbox', '--lang', 'ru'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('Пробный прогон: ничего не отправлено. Подготовлено 29 подписанных запросов (добавьте --emit-requests out.jsonl, чтобы сохранить).')
    expect(r.out).toContain('Заказы с ошибками, которые не будут отправлены (1):')
    const en = await cli(['import', SAMPLE, '--dry-run', '--sandbox'])
    expect(en.out).toContain('Dry run: nothing was sent. 29 signed requests prepared (add --emit-requests out.jsonl to save them).')
    expect(en.out).toContain('1 order(s) with errors would not be sent:')
  })

  it('runs the sandbox in Russian: its start, its note on the key, its answers and its end', async () => {
    const io = testIo({ env: { LANG: 'ru_RU.UTF-8' } })
    const running = runCli(['sandbox', '--port', '0'], io.io)
    await vi.waitFor(() => expect(io.out()).toMatch(/^Песочница слушает http:\/\/127\.0\.0\.1:\d+\/api\/ \(аккаунт demo\)$/m))
    expect(io.err()).toContain('Примечание: ORDERBATCH_SECRET не задана, поэтому песочница подписывает своим открытым ключом «sandbox-secret».')
    io.interrupt()
    expect(await running).toBe(0)
    expect(io.err()).toContain('Песочница остановлена; она создала 0 заказов.')
    const bad = await cli(['sandbox', '--port', '70000', '--lang', 'ru'])
    expect(bad.err).toBe('--port должен быть не больше 65535, а не «70000».\n')
  })
})
