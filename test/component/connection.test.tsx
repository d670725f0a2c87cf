import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ConnectionInfo } from '#shared/ipc/contract'
import { englishOf, msg } from '#shared/i18n/message'
import { App } from '../../renderer/src/App'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi, Failure, SANDBOX } from './fake-api'
import { renderWithApi } from './render'

const ACCOUNT: ConnectionInfo = { kind: 'account', login: 'shop42', domain: 'justclick.ru', hasKey: true, keyStorage: 'os keychain' }
const SECRET = 'key-9f2c1d7e-never-shown'

describe('Connection screen', () => {
  it('shows the sandbox badge while no account is added', async () => {
    const api = createFakeApi()
    renderWithApi(<App initialStep="connection" />, api)
    const badges = await screen.findAllByTestId(TID.sandboxBadge)
    expect(badges.length).toBeGreaterThan(0)
    expect(badges[0]?.textContent).toBe('Sandbox — nothing reaches a real shop')
    expect(screen.getByRole('heading', { name: 'Add your account' })).toBeTruthy()
  })

  it('shows the live shop instead of the sandbox badge once an account is set', async () => {
    const api = createFakeApi({ 'connection.get': () => ACCOUNT })
    renderWithApi(<App initialStep="connection" />, api)
    // The badge is there from the start ("Connection unknown") and changes once the answer comes.
    await waitFor(() => expect(screen.getAllByTestId(TID.connectionBadge)[0]?.textContent).toContain('shop42'))
    expect(screen.queryByTestId(TID.sandboxBadge)).toBeNull()
    await waitFor(() => expect((screen.getByTestId(TID.connection.login) as HTMLInputElement).value).toBe('shop42'))
    expect((screen.getByTestId(TID.connection.domain) as HTMLSelectElement).value).toBe('justclick.ru')
  })

  it('saves login, domain and key, then shows "key stored" and never the key', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'connection.set': (input) => ({ kind: 'account', login: input.login, domain: String(input.domain), hasKey: true, keyStorage: 'os keychain' })
    })
    renderWithApi(<App initialStep="connection" />, api)
    await screen.findAllByTestId(TID.sandboxBadge)

    const key = screen.getByTestId(TID.connection.key) as HTMLInputElement
    expect(key.type).toBe('password')
    await user.type(screen.getByLabelText('Account login'), 'shop42')
    await user.type(key, SECRET)
    await user.selectOptions(screen.getByLabelText('API domain'), 'justclick.ru')
    await user.click(screen.getByTestId(TID.connection.save))

    await waitFor(() => expect(api.inputsOf('connection.set')).toEqual([{ login: 'shop42', domain: 'justclick.ru', apiKey: SECRET }]))
    expect((await screen.findByTestId(TID.connection.keyStored)).textContent).toContain('Key stored (os keychain)')
    expect(key.value).toBe('')
    expect(document.body.innerHTML).not.toContain(SECRET)
    expect(screen.getAllByTestId(TID.connectionBadge)[0]?.textContent).toContain('shop42 · justclick.ru')
  })

  it('warns when the key can only be kept in a lightly protected file', async () => {
    const api = createFakeApi({ 'connection.get': () => ({ ...ACCOUNT, keyStorage: 'basic_text' }) })
    renderWithApi(<App initialStep="connection" />, api)
    expect((await screen.findByText(/no system keyring/)).textContent).toContain('only lightly protected')
  })

  it('keeps the stored key when the key field is left empty', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'connection.get': () => ACCOUNT, 'connection.set': () => ACCOUNT })
    renderWithApi(<App initialStep="connection" />, api)
    await screen.findAllByTestId(TID.connectionBadge)
    await user.click(screen.getByTestId(TID.connection.save))
    await waitFor(() => expect(api.inputsOf('connection.set')).toHaveLength(1))
    expect(api.lastInput('connection.set')).not.toHaveProperty('apiKey')
  })

  it('asks for a key when none is stored, and for a full custom URL, without calling main', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'connection.set': () => ACCOUNT })
    renderWithApi(<App initialStep="connection" />, api)
    await screen.findAllByTestId(TID.sandboxBadge)
    await user.type(screen.getByLabelText('Account login'), 'shop42')
    await user.click(screen.getByTestId(TID.connection.save))
    expect(screen.getByRole('alert').textContent).toMatch(/Enter the API key/)

    await user.type(screen.getByTestId(TID.connection.key), 'k')
    await user.selectOptions(screen.getByLabelText('API domain'), 'custom')
    await user.type(screen.getByTestId(TID.connection.customUrl), 'shop.example.com')
    await user.click(screen.getByTestId(TID.connection.save))
    expect(screen.getByRole('alert').textContent).toMatch(/not a full web address/)
    expect(api.inputsOf('connection.set')).toEqual([])

    await user.clear(screen.getByTestId(TID.connection.customUrl))
    await user.type(screen.getByTestId(TID.connection.customUrl), 'https://shop.example.com/api')
    await user.click(screen.getByTestId(TID.connection.save))
    await waitFor(() => expect(api.lastInput('connection.set')).toEqual({ login: 'shop42', domain: 'https://shop.example.com/api', apiKey: 'k' }))
  })

  it.each([
    [true, 'Works.', 'Connected to demo.influencersoft.com: the key is correct.'],
    [false, 'Does not work.', 'The shop says the key is wrong (code 2). Copy the key again from Settings → API.']
  ])('shows the test verdict in plain words (ok=%s)', async (ok, lead, message) => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'connection.test': () => ({ ok, message }) })
    renderWithApi(<App initialStep="connection" />, api)
    await screen.findAllByTestId(TID.sandboxBadge)
    await user.click(screen.getByTestId(TID.connection.test))
    const verdict = await screen.findByTestId(TID.connection.verdict)
    expect(verdict.textContent).toBe(`${lead} ${message}`)
    expect(verdict.className).toContain(ok ? 'verdict-ok' : 'verdict-bad')
  })

  it('words the verdict main sends with a key in Russian, the API\'s own text as it came', async () => {
    const user = userEvent.setup()
    const verdict = msg('connection.verdict.answered', { where: 'shop42.influencersoft.com', text: 'incorrect hash', code: 4, advice: msg('answer.advice.4') })
    const api = createFakeApi({ 'connection.test': () => ({ ok: false, message: englishOf(verdict), key: verdict.key, params: verdict.params ?? {} }) })
    renderWithApi(<App initialStep="connection" />, api, { language: 'ru' })
    await screen.findAllByTestId(TID.sandboxBadge)
    await user.click(screen.getByTestId(TID.connection.test))
    expect((await screen.findByTestId(TID.connection.verdict)).textContent).toBe(
      'Не работает. shop42.influencersoft.com: ответ «incorrect hash» (код 4). Неверен ключ API или логин. Скопируйте ключ API заново со страницы настроек API вашего магазина (Магазин > Настройки > API) и проверьте логин.'
    )
  })

  it('words an address refused by main in Russian', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'connection.set': () => new Failure(msg('api.address.login', { login: 'My Shop' }), 'connection') })
    renderWithApi(<App initialStep="connection" />, api, { language: 'ru' })
    await screen.findAllByTestId(TID.sandboxBadge)
    await user.type(screen.getByTestId(TID.connection.login), 'shop42')
    await user.type(screen.getByTestId(TID.connection.key), 'k')
    await user.click(screen.getByTestId(TID.connection.save))
    expect((await screen.findByRole('alert')).textContent).toContain('Логин «My Shop» не подходит')
  })

  it('shows an error from main as one sentence', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'connection.test': () => new Failure('The shop did not answer within 30 seconds. Check your internet connection.', 'api') })
    renderWithApi(<App initialStep="connection" />, api)
    await screen.findAllByTestId(TID.sandboxBadge)
    await user.click(screen.getByTestId(TID.connection.test))
    expect((await screen.findByRole('alert')).textContent).toBe('The shop did not answer within 30 seconds. Check your internet connection.')
  })

  it('switches back to the sandbox', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({ 'connection.get': () => ACCOUNT, 'connection.useSandbox': () => SANDBOX })
    renderWithApi(<App initialStep="connection" />, api)
    await user.click(await screen.findByTestId(TID.connection.useSandbox))
    const header = screen.getByRole('banner')
    expect((await within(header).findByTestId(TID.sandboxBadge)).textContent).toContain('Sandbox')
    expect(api.lastInput('connection.useSandbox')).toEqual({})
  })

  it("rehearses in the sandbox with the shop's products, and says which the sandbox sells", async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'connection.get': () => ACCOUNT,
      'connection.useSandbox': (input) => (input.shopProducts ? { ...SANDBOX, sandboxProducts: { from: 'shop42', count: 12 } } : SANDBOX)
    })
    renderWithApi(<App initialStep="connection" />, api, { language: 'ru' })
    await user.click(await screen.findByTestId(TID.connection.useSandboxProducts))
    expect(api.lastInput('connection.useSandbox')).toEqual({ shopProducts: true })
    expect((await screen.findByTestId(TID.connection.sandboxProducts)).textContent).toBe(
      'Песочница продаёт 12 товаров, скопированных из магазина shop42, и отклоняет любой другой, как магазин.'
    )
    // Offered only for a shop with a key, never for the sandbox itself.
    expect(screen.queryByTestId(TID.connection.useSandboxProducts)).toBeNull()
  })

  it("says why the shop's products could not be copied", async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'connection.get': () => ACCOUNT,
      'connection.useSandbox': () => new Failure(msg('connection.error.shopProducts', { login: 'shop42', reason: 'the shop did not answer' }))
    })
    renderWithApi(<App initialStep="connection" />, api)
    await user.click(await screen.findByTestId(TID.connection.useSandboxProducts))
    expect((await screen.findByRole('alert')).textContent).toContain('The product list of shop42 could not be read (the shop did not answer), so the sandbox was left as it was.')
  })
})
