// The whole import in Russian, as a Russian user's browser shows it (language ru-RU, Moscow
// time): load, map with Russian field names, fix the bad e-mail, send to the sandbox, export a
// CSV separated by ";" with Russian headers. Its steps are the Russian screenshots of the README.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD_EMAIL, loadSheet, planCount, setPace, stateCount, TID, waitForText } from './helpers/actions'
import { startApp, type StartedApp } from './helpers/app'
import { runE2e } from './helpers/chromium'
import { SAMPLE_CSV } from './helpers/paths'
import { Shots } from './helpers/shots'

describe.skipIf(!runE2e)('happy path in Russian (ru-RU, Europe/Moscow)', () => {
  let started: StartedApp
  beforeAll(async () => {
    started = await startApp('happy-ru', {}, { locale: 'ru-RU', timezoneId: 'Europe/Moscow' })
  })
  afterAll(() => started?.stop())

  it('imports the sample into the sandbox in Russian and exports a Russian CSV', async () => {
    const { app } = started
    const { page } = app
    const shots = new Shots('happy-path-ru')

    // The browser is Russian: so is the app, from the first screen.
    expect(await page.getByTestId(TID.language).inputValue()).toBe('ru')
    expect(await page.locator('html').getAttribute('lang')).toBe('ru')
    await page.getByTestId(TID.step('connection')).click()
    await page.getByRole('heading', { name: 'Подключение', level: 1 }).waitFor()
    await page.getByTestId(TID.sandboxBadge).first().filter({ hasText: 'Песочница — в настоящий магазин ничего не попадёт' }).waitFor()
    await shots.take(page, 'connection')

    // 1 Файл
    await loadSheet(page, SAMPLE_CSV)
    expect(await page.getByTestId(TID.load.summary).innerText()).toMatch(/CSV · 30 строк данных · 14 столбцов/)
    await page.getByRole('heading', { name: 'Как прочитан файл' }).waitFor()
    await shots.take(page, 'load')

    // 2 Поля: human names in Russian, the API name beside; amounts with a decimal comma.
    await page.getByTestId(TID.load.next).click()
    await page.getByRole('heading', { name: /Сопоставление столбцов/ }).waitFor()
    await expect.poll(() => planCount(page, 'orders')).toBe(30)
    const surname = page.getByTestId(TID.map.field('bill_surname'))
    expect(await surname.locator('label').innerText()).toBe('Фамилия')
    expect(await surname.locator('code').innerText()).toBe('bill_surname')
    expect(await page.getByTestId(TID.map.badge('bill_email')).innerText()).toMatch(/^Найдено · \d+\s%$/)
    const preview = page.getByTestId(TID.map.previewFields)
    await preview.filter({ hasText: /course-basic · 4\s900/ }).waitFor()
    await shots.take(page, 'map')

    // 3 Проверка: the bad e-mail of row 4, fixed in place.
    await page.getByTestId(TID.map.next).click()
    await page.getByRole('heading', { name: /Проверка строк/ }).waitFor()
    expect(await planCount(page, 'errors')).toBe(1)
    const badCell = page.getByTestId(TID.review.cell(BAD_EMAIL.row, BAD_EMAIL.column))
    await badCell.click()
    await waitForText(page, TID.review.panel, /Строка 4/)
    await shots.take(page, 'review')
    await badCell.dblclick()
    await page.getByTestId(TID.review.editor).fill(BAD_EMAIL.fixed)
    await page.getByTestId(TID.review.editor).press('Enter')
    await expect.poll(() => planCount(page, 'errors')).toBe(0)
    expect(await page.getByTestId(TID.review.row(BAD_EMAIL.row)).innerText()).toContain('Исправлена · готова')

    // 4 Отправка: the sandbox's own pace, 20 per second, 4 at a time.
    await page.getByTestId(TID.review.next).click()
    await page.getByRole('heading', { name: /Отправка заказов/ }).waitFor()
    expect(await page.getByTestId(TID.send.rate).inputValue()).toBe('20')
    expect(await page.getByTestId(TID.send.concurrency).inputValue()).toBe('4')
    await setPace(page, 20, 4)
    await shots.take(page, 'send-ready')
    await page.getByTestId(TID.send.start).click()
    await page.getByRole('heading', { name: /Запуск №1 · завершён/ }).waitFor({ timeout: 30_000 })
    expect(await stateCount(page, 'succeeded').innerText()).toBe('30')
    expect(await page.getByText('В очереди 30 заказов.').count()).toBe(1)
    // The finished run's result, not the same sheet offered again.
    expect(await page.getByTestId(TID.send.start).count()).toBe(0)
    await page.getByTestId(TID.send.result).waitFor()
    await shots.take(page, 'send-finished')

    // История: "Песочница", a Moscow date, then a CSV for Excel with decimal commas.
    await page.getByTestId(TID.step('history')).click()
    const row = page.getByTestId(TID.history.run(1))
    await row.waitFor()
    expect(await row.innerText()).toContain('Песочница')
    expect(await row.innerText()).not.toContain('127.0.0.1')
    await row.getByRole('button', { name: 'Запуск №1' }).click()
    await page.getByRole('heading', { name: /^Запуск №1 · orders\.csv$/ }).waitFor()
    await page.getByTestId(TID.history.orders).waitFor()
    await shots.take(page, 'history')

    expect(await page.getByTestId(TID.history.exportDelimiter).inputValue()).toBe(';')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(TID.history.export).click()])
    const csv = readFileSync(await download.path()).toString('utf8').slice(1)
    const header = csv.split('\r\n')[0] ?? ''
    expect(header).toContain('"Заказ в запуске";"Состояние";"Номер счёта";"Код ошибки";"Ошибка"')
    expect(csv.split('\r\n')[1]).toContain(';"создан";')
    await waitForText(page, 'run-action-result', /Выгружено/)

    expect(app.errors.filter((e) => e.startsWith('page error'))).toEqual([])
  })
})
