// The language switch tells main the chosen language, so the desktop menu and dialogs speak it:
// at start-up with the remembered choice (null when there is none: main follows the system), and
// at every switch. Main failing to take it changes nothing on screen.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../renderer/src/App'
import { LANGUAGE_KEY } from '../../renderer/src/lib/i18n'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, Failure } from './fake-api'
import { renderWithApi } from './render'

afterEach(() => {
  localStorage.clear()
})

describe('the chosen language reaches main', () => {
  it('at start-up: none remembered means null, the system\'s', async () => {
    const api = createFakeApi()
    renderWithApi(<App initialStep="connection" />, api)
    await waitFor(() => expect(api.inputsOf('language.set')).toEqual([{ language: null }]))
  })

  it('at start-up: the remembered choice', async () => {
    localStorage.setItem(LANGUAGE_KEY, 'ru')
    const api = createFakeApi()
    renderWithApi(<App initialStep="connection" />, api, { language: 'ru' })
    await waitFor(() => expect(api.inputsOf('language.set')).toEqual([{ language: 'ru' }]))
  })

  it('at every switch, once each', async () => {
    const api = createFakeApi()
    renderWithApi(<App initialStep="connection" />, api)
    await waitFor(() => expect(api.inputsOf('language.set')).toHaveLength(1))
    fireEvent.change(screen.getByTestId(TID.language), { target: { value: 'ru' } })
    await waitFor(() => expect(api.inputsOf('language.set')).toEqual([{ language: null }, { language: 'ru' }]))
    fireEvent.change(screen.getByTestId(TID.language), { target: { value: 'en' } })
    await waitFor(() => expect(api.inputsOf('language.set')).toEqual([{ language: null }, { language: 'ru' }, { language: 'en' }]))
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en')
  })

  it('the window switches even when main cannot take it, and nothing is shown about it', async () => {
    const api = createFakeApi({ 'language.set': () => new Failure('The chosen language could not be saved.') })
    renderWithApi(<App initialStep="connection" />, api)
    fireEvent.change(screen.getByTestId(TID.language), { target: { value: 'ru' } })
    expect(await screen.findByRole('heading', { name: 'Подключение', level: 1 })).toBeTruthy()
    await waitFor(() => expect(api.inputsOf('language.set')).toEqual([{ language: null }, { language: 'ru' }]))
    expect(screen.queryByText('The chosen language could not be saved.')).toBeNull()
  })
})
