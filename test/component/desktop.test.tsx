// The appearance setting (system, light, dark) and a file opened by the desktop app.
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/src/App'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { session } from './fixtures'
import { renderWithApi } from './render'

function preferDark(dark: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('dark') ? dark : false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {}
  }))
}

afterEach(() => {
  vi.unstubAllGlobals()
  delete document.documentElement.dataset['theme']
  delete document.documentElement.dataset['appearance']
})

describe('appearance', () => {
  it('follows the system until set, and a choice is saved and shown at once', async () => {
    preferDark(true)
    const user = userEvent.setup()
    const api = createFakeApi({ 'appearance.set': (input) => ({ appearance: input.appearance }) })
    renderWithApi(<App initialStep="load" />, api)
    const setting = screen.getByRole('combobox', { name: 'Appearance' })
    expect(setting).toBe(screen.getByTestId(TID.appearance))
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'))
    expect((setting as HTMLSelectElement).value).toBe('system')

    await user.selectOptions(setting, 'light')
    expect(document.documentElement.dataset['theme']).toBe('light')
    expect(api.inputsOf('appearance.set')).toEqual([{ appearance: 'light' }])
  })

  it('starts from the saved setting', async () => {
    preferDark(false)
    const api = createFakeApi({ 'appearance.get': () => ({ appearance: 'dark' }) })
    renderWithApi(<App initialStep="load" />, api)
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'))
    expect((screen.getByTestId(TID.appearance) as HTMLSelectElement).value).toBe('dark')
  })
})

describe('a file opened by the desktop app', () => {
  it('is read on the Load screen, whatever step was showing', async () => {
    const api = createFakeApi({ 'sheet.load': () => session(), 'runs.list': () => [] })
    renderWithApi(<App initialStep="history" />, api)
    const bytes = new Uint8Array([0x61, 0x2c, 0x62, 0x0a])
    act(() => api.emit('app.openFile', { name: 'march.csv', bytes }))
    await waitFor(() => expect(api.inputsOf('sheet.load')).toHaveLength(1))
    expect(api.lastInput('sheet.load')?.name).toBe('march.csv')
    expect(Array.from(api.lastInput('sheet.load')?.bytes ?? [])).toEqual([0x61, 0x2c, 0x62, 0x0a])
    await screen.findByTestId(TID.load.summary)
  })
})
