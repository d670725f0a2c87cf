// The CLI in Russian: --lang ru anywhere on the command line, or a Russian LANG; help, the main
// output lines and the export (";" and Russian headers, the values as the API gives them), and a
// Russian export read back by retry --from.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HELP_COMMANDS, commandHelp, helpText } from '../../../electron/main/cli/help'
import { SAMPLE, cli, tempDir } from './helpers'

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
    expect(rows[1]?.slice(-4, -1)).toEqual(['failed', '', 'row-errors'])

    const commas = join(dir, 'failed-comma.csv')
    await cli(['export', '1', '--only', 'failed', '--out', commas, '--delimiter', ',', ...flags], { env: { LANG: 'ru_RU.UTF-8' } })
    expect(csvCells(readFileSync(commas, 'utf8'), ',')[0]?.slice(-1)).toEqual(['Ошибка'])

    const english = join(dir, 'failed-en.csv')
    await cli(['export', '1', '--only', 'failed', '--out', english, ...flags])
    expect(csvCells(readFileSync(english, 'utf8'), ',')[0]?.slice(-5)).toEqual(['Run order', 'State', 'Bill ID', 'Error code', 'Error'])
  })

  it('retries from a corrected Russian export: the "Заказ в запуске" column matches the order', async () => {
    const file = join(dir, 'failed-ru.csv')
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
  })
})
