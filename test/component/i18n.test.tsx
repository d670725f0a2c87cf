// The app in Russian: plurals, numbers, amounts and dates as a Russian reader writes them, the
// language switch, and a pseudo-locale run that finds any text on screen not from the catalog.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FIELD_CATALOG } from '#shared/mapping/catalog'
import type { ChannelInput, OrderPreview } from '#shared/ipc/contract'
import { formatsFor } from '#shared/i18n/format'
import { App } from '../../renderer/src/App'
import { IssueList } from '../../renderer/src/components/IssueList'
import { planImport } from '#shared/plan/import-plan'
import { LANGUAGE_KEY, systemLanguage } from '../../renderer/src/lib/i18n'
import { useRunFeed } from '../../renderer/src/lib/run-feed'
import { MapScreen } from '../../renderer/src/screens/map/MapScreen'
import { SendScreen } from '../../renderer/src/screens/send/SendScreen'
import { BRAND_DOMAINS } from '../../renderer/src/screens/connection/domains'
import { ENCODINGS } from '../../renderer/src/screens/load/text-options'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, SANDBOX, type FakeApi } from './fake-api'
import { counts, issue, progress, runOrder, runSummary, session, stateCounts } from './fixtures'
import { PSEUDO, untranslated } from './pseudo'
import { renderWithApi, TEST_TIME_ZONE, WithSession } from './render'

const NBSP = '\u00a0'

afterEach(() => {
  localStorage.clear()
  vi.restoreAllMocks()
})

function preview(input: ChannelInput<'mapping.previewOrder'>): OrderPreview {
  return {
    order: { index: input.order, key: null, rows: [2, 3], fields: { bill_email: 'anna@example.com', bill_surname: 'Смирнова' }, goods: [{ good_name: 'course-1', good_sum: '1100.00', row: 2 }] },
    issues: [],
    body: 'goods%5B0%5D%5Bgood_name%5D=course-1&hash=•••'
  }
}

function mapApi(): FakeApi {
  return createFakeApi({
    'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }),
    'mapping.previewOrder': preview,
    'templates.list': () => []
  })
}

function SendHarness() {
  const feed = useRunFeed()
  const [runId, setRunId] = useState<number | null>(null)
  return (
    <WithSession summary={session({ counts: counts({ orders: 100, validOrders: 95, alreadyCreated: 3 }) })}>
      {(state) => <SendScreen state={state} connection={SANDBOX} feed={feed} activeRunId={runId} onRunStarted={setRunId} onOpenHistory={() => undefined} />}
    </WithSession>
  )
}

function historyApi(): FakeApi {
  return createFakeApi({
    'runs.list': () => [runSummary({ runId: 7, sandbox: true, apiBase: 'http://127.0.0.1:43123/api/', counts: stateCounts({ succeeded: 21, failed: 2, unknown: 5 }), total: 28 })],
    'runs.orders': () => ({ total: 1, orders: [runOrder(1)] })
  })
}

describe('the app in Russian', () => {
  it('counts, plurals, speed and time left on the Send screen', async () => {
    const api = createFakeApi({ 'run.start': () => ({ runId: 7, staged: 95, skipped: 3 }) })
    renderWithApi(<SendHarness />, api, { language: 'ru' })
    expect(await screen.findByRole('heading', { name: '5 · Отправка заказов' })).toBeTruthy()
    expect(screen.getByTestId(TID.sandboxBadge).textContent).toBe('Песочница — в настоящий магазин ничего не попадёт')
    const what = screen.getByRole('heading', { name: 'Что будет отправлено' }).parentElement!
    expect(within(what).getByText('Заказов к отправке').nextSibling?.textContent).toBe('92')
    await userEvent.setup().click(screen.getByTestId(TID.send.start))
    expect(await screen.findByText('В очереди 95 заказов, пропущено 3 (созданы прошлым запуском).')).toBeTruthy()

    act(() => api.emit('run.progress', progress({ counts: stateCounts({ pending: 1245, succeeded: 21, failed: 2 }), total: 1268, perMinute: 1266.44 })))
    expect(screen.getByTestId(TID.send.eta).textContent).toBe('около 2 мин 5 с')
    // Testing Library folds the no-break spaces that group the digits into plain ones.
    expect(screen.getByText('1 266,4 зак./мин')).toBeTruthy()
    expect(screen.getByText('23 из 1 268')).toBeTruthy()
    const bar = screen.getByRole('progressbar', { name: 'Обработано заказов' })
    expect(bar.getAttribute('aria-valuetext')).toBe(`Обработано 23 из 1${NBSP}268 заказов`)
    expect(screen.getByTestId(TID.send.progress).querySelector('[data-state="succeeded"]')?.textContent).toBe('создан: 21')
  })

  it('Map: field names in Russian first with the API name beside, amounts with a decimal comma, UTM and affiliate fields folded', async () => {
    renderWithApi(<WithSession summary={session()}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, mapApi(), { language: 'ru' })
    const surname = await screen.findByTestId(TID.map.field('bill_surname'))
    expect(within(surname).getByText('Фамилия')).toBeTruthy()
    expect(within(surname).getByText('bill_surname').tagName).toBe('CODE')
    expect(within(screen.getByTestId(TID.map.field('bill_address'))).getByText('Адрес доставки')).toBeTruthy()
    expect(screen.getByTestId(TID.map.badge('bill_email')).textContent).toBe(`Найдено · 95${NBSP}%`)

    const utm = screen.getByTestId(TID.map.field('utm[utm_source]')).closest('details')!
    expect(utm.open).toBe(false)
    expect(utm.querySelector('summary')?.textContent).toBe('UTM-метки (сопоставлено 0 из 5)')
    const affiliate = screen.getByTestId(TID.map.field('utm[aff_source]')).closest('details')!
    expect(affiliate.open).toBe(false)

    const fields = await screen.findByTestId(TID.map.previewFields)
    await waitFor(() => expect(fields.textContent).toContain(`course-1 · 1${NBSP}100,00`))
    expect(within(fields).getByText('Фамилия')).toBeTruthy()
    expect(screen.getByText('Из строк таблицы 2, 3.')).toBeTruthy()
  })

  it('Problems: the engine\'s issues worded in Russian from their key and params; values, amounts and rows as they are', () => {
    const table = {
      headers: ['Order', 'Email', 'Product', 'Price', 'Фамилия'],
      rows: [
        ['A-1', 'maria.ivanova@', 'course', '1500.505', 'Иванова'],
        ['A-2', 'bob@x.com', 'course', '100', ''],
        ['A-2', 'eve@x.com', 'book', '50', '']
      ],
      rowNumbers: [2, 3, 4],
      date1904: false
    }
    const column = (name: string) => ({ source: { kind: 'column' as const, column: name } })
    const plan = planImport(
      table,
      {
        version: 1,
        fields: { bill_email: column('Email'), bill_surname: column('Фамилия') },
        goods: [{ name: column('Product'), sum: column('Price') }],
        groupBy: { column: 'Order' },
        shipped: true,
        defaults: { dateOrder: 'auto', timeZone: 'UTC', decimal: 'auto' }
      },
      { now: Date.UTC(2025, 2, 15) }
    )
    const issues = [...plan.issues, issue({ code: 'something-new', row: 9, column: null, field: null, message: 'A problem the catalog does not know yet.' })]
    renderWithApi(<IssueList issues={issues} />, createFakeApi(), { language: 'ru' })
    const texts = screen.getAllByRole('listitem').map((item) => item.textContent)
    expect(texts).toContain('Ошибка Строка 2, столбец «Email»: "maria.ivanova@" — неверный адрес e-mail (bill_email). Исправьте адрес в файле.')
    expect(texts).toContain(
      'Ошибка Строка 2, столбец «Price»: "1500.505" — больше 2 знаков после запятой (Цена, goods[0][good_sum]). Впишите цену больше 0, не более 2 знаков после запятой (вида 1500,50), или оставьте ячейку пустой, чтобы взять цену магазина.'
    )
    expect(texts).toContain('Ошибка Заказ "A-2" (строки 3, 4), столбец «Фамилия»: не заполнено — фамилия покупателя (bill_surname); это нужно, потому что товары отправляются почтой. Заполните.')
    expect(texts.find((text) => text?.includes('bill_country'))).toMatch(/^Ошибка Не найден столбец, в котором страна доставки \(bill_country\)/)
    // Nothing of the engine's English is left; an issue without a key is shown as it was worded.
    expect(texts.filter((text) => /\b(Row|column|is not|the order|from row|write)\b/.test(text ?? ''))).toEqual([])
    expect(texts).toContain('Ошибка A problem the catalog does not know yet.')
  })

  it('History: "Песочница" for a sandbox run, dates in Russian', async () => {
    renderWithApi(<App initialStep="history" />, historyApi(), { language: 'ru' })
    const row = await screen.findByTestId(TID.history.run(7))
    expect(row.textContent).toContain('Песочница')
    expect(row.textContent).not.toContain('127.0.0.1')
    expect(row.textContent).toContain('14 мар. 2025 г., 13:30')
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Запуск №7' }))
    expect((await screen.findByRole('heading', { name: /Запуск №7/ })).textContent).toBe('Запуск №7 · orders.csv')
    expect(screen.getByText(/Начат 14 мар\. 2025 г\., 13:30 · завершён · Песочница/)).toBeTruthy()
  })

  it('History: a CSV export for a Russian reader is separated by ";", says so, and can be switched to ","', async () => {
    const api = historyApi()
    api.handle('runs.export', ({ format }) => ({ name: `run-7.${format}`, bytes: new Uint8Array([1]) }))
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:orderbatch/1')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    renderWithApi(<App initialStep="history" />, api, { language: 'ru' })
    const user = userEvent.setup()
    await user.click(within(await screen.findByTestId(TID.history.run(7))).getByRole('button'))
    const separator = (await screen.findByTestId(TID.history.exportDelimiter)) as HTMLSelectElement
    expect(separator.value).toBe(';')
    expect(separator.selectedOptions[0]?.textContent).toBe('точка с запятой ( ; )')
    const note = screen.getByText(/Excel с десятичной запятой ждёт в CSV разделитель «;»/)
    expect(note.textContent).toContain('Заголовки столбцов — на языке интерфейса (Русский)')
    expect(separator.getAttribute('aria-describedby')).toBe(note.id)
    await user.click(screen.getByTestId(TID.history.export))
    await waitFor(() => expect(api.inputsOf('runs.export')).toEqual([{ runId: 7, format: 'csv', only: 'all', language: 'ru', delimiter: ';' }]))
    await user.selectOptions(separator, ',')
    await user.click(screen.getByTestId(TID.history.export))
    await waitFor(() => expect(api.lastInput('runs.export')).toEqual({ runId: 7, format: 'csv', only: 'all', language: 'ru', delimiter: ',' }))
  })

  it('History in English says "Sandbox" too, not the stand-in address', async () => {
    renderWithApi(<App initialStep="history" />, historyApi())
    const row = await screen.findByTestId(TID.history.run(7))
    expect(row.textContent).toContain('Sandbox')
    expect(row.textContent).toContain('14 Mar 2025, 13:30')
  })

  it('switches language from the header and remembers the choice', async () => {
    renderWithApi(<App initialStep="connection" />, createFakeApi(), { language: 'en' })
    expect(await screen.findByRole('heading', { name: 'Connection', level: 1 })).toBeTruthy()
    fireEvent.change(screen.getByTestId(TID.language), { target: { value: 'ru' } })
    expect(await screen.findByRole('heading', { name: 'Подключение', level: 1 })).toBeTruthy()
    expect(screen.getByTestId(TID.step('load')).textContent).toContain('Файл')
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('ru')
    expect(document.documentElement.lang).toBe('ru')
  })

  it('follows the system language: Russian when it is Russian, else English', () => {
    expect(systemLanguage({ language: 'ru-RU', languages: ['ru-RU', 'en-US'] })).toBe('ru')
    expect(systemLanguage({ language: 'de-DE', languages: ['de-DE'] })).toBe('en')
    expect(systemLanguage({ language: 'en-US', languages: [] })).toBe('en')
  })
})

// ---- pseudo-locale ----

describe('pseudo-locale', () => {
  it('every screen shows only catalog text besides the data it was given', async () => {
    const summary = session()
    const api = createFakeApi({
      'sheet.load': () => summary,
      'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }),
      'mapping.previewOrder': preview,
      'templates.list': () => [],
      'rows.page': () => ({ total: 0, rows: [], counts: counts() }),
      'runs.list': () => [runSummary({ runId: 7, sandbox: true })],
      'runs.orders': () => ({ total: 1, orders: [runOrder(1)] })
    })
    // Data shown as it is: what the fake answered, the API domains and encoding names, field API names;
    // dates are Intl's words (month names), not the catalog's.
    // Main's English reasons are not data: the screens word them from their keys.
    const data = JSON.stringify(
      [summary, runSummary(), runOrder(1), preview({ sessionId: 's-1', order: 1 }), SANDBOX, BRAND_DOMAINS, ENCODINGS, FIELD_CATALOG.map((f) => f.key), formatsFor('en', { timeZone: TEST_TIME_ZONE }).dateTime(runSummary().createdAt)],
      (name: string, value: unknown) => (name === 'reason' ? undefined : value)
    )
    renderWithApi(<App initialStep="connection" />, api, PSEUDO)
    const user = userEvent.setup()
    await screen.findAllByTestId(TID.sandboxBadge)
    expect(untranslated(data), 'connection').toEqual([])

    await user.click(screen.getByTestId(TID.step('load')))
    await user.upload(screen.getByTestId(TID.load.fileInput), new File(['x'], 'orders.csv', { type: 'text/csv' }))
    await screen.findByTestId(TID.load.summary)
    expect(untranslated(data), 'load').toEqual([])

    await user.click(screen.getByTestId(TID.load.next))
    await screen.findByTestId(TID.map.previewFields)
    expect(untranslated(data), 'map').toEqual([])

    await user.click(screen.getByTestId(TID.map.next))
    await screen.findByTestId(TID.review.panel)
    expect(untranslated(data), 'review').toEqual([])

    await user.click(screen.getByTestId(TID.review.next))
    await screen.findByTestId(TID.send.start)
    expect(untranslated(data), 'send').toEqual([])

    await user.click(screen.getByTestId(TID.step('history')))
    await user.click(within(await screen.findByTestId(TID.history.run(7))).getByRole('button'))
    await screen.findByTestId(TID.history.orders)
    expect(untranslated(data), 'history').toEqual([])
  })
})
