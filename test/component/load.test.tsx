import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { SessionSummary } from '#shared/ipc/contract'
import { App } from '../../renderer/src/App'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, deferred, Failure } from './fake-api'
import { session } from './fixtures'
import { renderWithApi } from './render'

const BYTES = new Uint8Array([0xef, 0xbb, 0xbf, 0x45, 0x6d, 0x61, 0x69, 0x6c, 0x3b, 0xd0, 0x98, 0x0a])

function pick(bytes = BYTES, name = 'orders.csv'): File {
  return new File([bytes], name, { type: 'text/csv' })
}

describe('Load screen', () => {
  it('sends the bytes of the picked file to sheet.load and shows what was read', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'sheet.load': () => session() })
    renderWithApi(<App initialStep="load" />, api)

    // The visible button is the input's label: both go by the same name.
    expect(screen.getByLabelText('Choose a file…')).toBe(screen.getByTestId(TID.load.fileInput))
    expect(screen.getByText('Choose a file…').getAttribute('aria-hidden')).toBeNull()
    await user.upload(screen.getByTestId(TID.load.fileInput), pick())

    await waitFor(() => expect(api.inputsOf('sheet.load')).toHaveLength(1))
    const input = api.lastInput('sheet.load')
    expect(input?.name).toBe('orders.csv')
    expect(input?.bytes).toBeInstanceOf(Uint8Array)
    expect(Array.from(input?.bytes ?? [])).toEqual(Array.from(BYTES))
    expect(input?.options).toEqual({})

    const summary = await screen.findByTestId(TID.load.summary)
    expect(summary.textContent).toContain('orders.csv')
    expect(summary.textContent).toContain('120 data rows')
    expect(screen.getByText('not valid UTF-8; the letters form Cyrillic words in Windows-1251')).toBeTruthy()
    expect((screen.getByTestId(TID.load.encoding) as HTMLSelectElement).value).toBe('windows-1251')
    expect((screen.getByTestId(TID.load.delimiter) as HTMLSelectElement).value).toBe(';')

    const preview = screen.getByTestId(TID.load.rawPreview)
    const rows = within(preview).getAllByRole('row')
    expect(rows).toHaveLength(4) // column letters, the header row, 2 data rows
    expect(rows[1]?.className).toBe('is-header')
    expect(rows[1]?.textContent).toContain('1headerOrderE-mail')
    expect(rows[2]?.textContent).toContain('anna@example.com')
  })

  it('reads with the largest file size the user sets, and keeps it for a reload', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'sheet.load': () => session(), 'sheet.reload': () => session() })
    renderWithApi(<App initialStep="load" />, api)

    fireEvent.change(screen.getByTestId(TID.load.maxFileMb), { target: { value: '1500' } })
    await user.upload(screen.getByTestId(TID.load.fileInput), pick())

    await waitFor(() => expect(api.inputsOf('sheet.load')).toHaveLength(1))
    expect(api.lastInput('sheet.load')?.options).toEqual({ maxFileMb: 1500 })
    await screen.findByTestId(TID.load.summary)
    fireEvent.change(screen.getByTestId(TID.load.delimiter), { target: { value: ',' } })
    await waitFor(() => expect(api.inputsOf('sheet.reload')).toHaveLength(1))
    expect(api.lastInput('sheet.reload')?.options).toEqual({ maxFileMb: 1500, delimiter: ',' })
  })

  it('loads a file dropped on the drop zone', async () => {
    const api = createFakeApi({ 'sheet.load': () => session() })
    renderWithApi(<App initialStep="load" />, api)
    const zone = screen.getByTestId(TID.load.dropZone)
    fireEvent.dragOver(zone, { dataTransfer: { files: [] } })
    expect(zone.className).toContain('drop-over')
    fireEvent.drop(zone, { dataTransfer: { files: [pick(BYTES, 'dropped.xlsx')] } })
    await waitFor(() => expect(api.lastInput('sheet.load')?.name).toBe('dropped.xlsx'))
    expect(Array.from(api.lastInput('sheet.load')?.bytes ?? [])).toEqual(Array.from(BYTES))
    expect(zone.className).not.toContain('drop-over')
  })

  it('shows reading progress from job.progress while main reads', async () => {
    const user = userEvent.setup()
    const answer = deferred<SessionSummary>()
    const api = createFakeApi({ 'sheet.load': () => answer.promise })
    renderWithApi(<App initialStep="load" />, api)
    await user.upload(screen.getByTestId(TID.load.fileInput), pick())
    await screen.findByTestId(TID.load.progress)

    act(() => api.emit('job.progress', { jobId: 'j1', stage: 'reading', done: 250, total: 1000, finished: false }))
    const bar = screen.getByRole('progressbar', { name: 'Reading orders.csv' }) as HTMLProgressElement
    expect(bar.value).toBe(250)
    expect(bar.max).toBe(1000)
    expect(screen.getByTestId(TID.load.progress).textContent).toContain('250 of 1,000')

    await act(async () => answer.resolve(session()))
    expect(screen.queryByTestId(TID.load.progress)).toBeNull()
    expect(screen.getByTestId(TID.load.summary)).toBeTruthy()
  })

  it('reloads with each override, keeping earlier ones and re-detecting the header row on another sheet', async () => {
    const user = userEvent.setup()
    const workbook = session({
      meta: { ...session().meta, format: 'xlsx', sheetNames: ['Orders', 'Returns'], sheet: 'Orders', encoding: undefined, delimiter: undefined }
    })
    const text = session()
    let current = text
    const api = createFakeApi({ 'sheet.load': () => current, 'sheet.reload': () => current })
    renderWithApi(<App initialStep="load" />, api)
    await user.upload(screen.getByTestId(TID.load.fileInput), pick())
    await screen.findByTestId(TID.load.summary)

    await user.selectOptions(screen.getByTestId(TID.load.delimiter), ',')
    await waitFor(() => expect(api.lastInput('sheet.reload')).toEqual({ sessionId: 's-1', options: { delimiter: ',' } }))

    const headerRow = screen.getByTestId(TID.load.headerRow)
    await user.clear(headerRow)
    await user.type(headerRow, '3{Enter}')
    await waitFor(() => expect(api.lastInput('sheet.reload')).toEqual({ sessionId: 's-1', options: { delimiter: ',', headerRow: 3 } }))

    await user.selectOptions(screen.getByTestId(TID.load.encoding), 'utf-8')
    await waitFor(() => expect(api.lastInput('sheet.reload')?.options).toEqual({ delimiter: ',', headerRow: 3, encoding: 'utf-8' }))

    // A workbook: choosing another sheet drops the header row override.
    current = workbook
    await user.upload(screen.getByTestId(TID.load.fileInput), pick(BYTES, 'orders.xlsx'))
    await waitFor(() => expect(screen.getByTestId(TID.load.sheet)).toHaveProperty('disabled', false))
    const header = screen.getByTestId(TID.load.headerRow)
    await user.clear(header)
    await user.type(header, '2{Enter}')
    await waitFor(() => expect(api.lastInput('sheet.reload')?.options).toEqual({ headerRow: 2 }))
    await user.selectOptions(screen.getByTestId(TID.load.sheet), 'Returns')
    await waitFor(() => expect(api.lastInput('sheet.reload')?.options).toEqual({ sheet: 'Returns' }))
  })

  it('shows a refusal from main as one clear message and keeps no half-loaded file', async () => {
    const user = userEvent.setup()
    const message = '"orders.csv" is empty: it has no rows. Check that you picked the right file.'
    const api = createFakeApi({ 'sheet.load': () => new Failure(message, 'sheet') })
    renderWithApi(<App initialStep="load" />, api)
    await user.upload(screen.getByTestId(TID.load.fileInput), pick())
    expect((await screen.findByRole('alert')).textContent).toBe(message)
    expect(screen.queryByTestId(TID.load.summary)).toBeNull()
    expect(screen.getByTestId(TID.step('map'))).toHaveProperty('disabled', true)
  })

  it('enables the next steps once a file is loaded and continues to mapping', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'sheet.load': () => session(), 'mapping.previewOrder': () => new Failure('not needed here'), 'templates.list': () => [] })
    renderWithApi(<App initialStep="load" />, api)
    expect(screen.getByTestId(TID.step('review'))).toHaveProperty('disabled', true)
    await user.upload(screen.getByTestId(TID.load.fileInput), pick())
    await user.click(await screen.findByTestId(TID.load.next))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Map columns')
    expect(screen.getByTestId(TID.step('map')).getAttribute('aria-current')).toBe('step')
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }))
  })
})
