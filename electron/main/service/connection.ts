// Which shop the app talks to: the built-in sandbox until an account is set, then the account's
// API with its key from the secret store. The key is used here to build clients and is never
// returned, logged or written anywhere but the secret store.
import type { ConnectionInfo, ConnectionTest } from '#shared/ipc/contract'
import { CREATE_ORDER_ANSWERS } from '#shared/wire/create-order-answers'
import { SANDBOX_DESTINATION, shopDestination } from '#shared/run/destination'
import { apiBaseUrl } from '../api/api-base'
import { ApiClient } from '../api/api-client'
import type { AppStateFile } from './app-state'
import { ServiceError } from './errors'
import { SANDBOX_LOGIN, SANDBOX_SECRET, type SandboxHost } from './sandbox-host'
import type { SecretStore } from './types'

/** A made-up address: GetBills answers 400 "order not found" once the login and key are right. */
export const CONNECTION_TEST_EMAIL = 'connection-test@orderbatch.invalid'

export interface Target {
  kind: 'sandbox' | 'account'
  login: string
  apiBase: string
  client: ApiClient
}

export class Connections {
  constructor(
    private readonly state: AppStateFile,
    private readonly secrets: SecretStore,
    private readonly sandbox: SandboxHost
  ) {}

  info(): ConnectionInfo {
    const account = this.state.get().account
    if (!account) return { kind: 'sandbox', login: SANDBOX_LOGIN, domain: 'sandbox', hasKey: true, keyStorage: 'public sandbox key (nothing reaches a real shop)' }
    return { kind: 'account', login: account.login, domain: account.domain, hasKey: this.secrets.get(account.login) !== null, keyStorage: this.secrets.describe() }
  }

  set(input: { login: string; domain: string; apiKey?: string | undefined }): ConnectionInfo {
    const login = input.login.trim()
    const domain = input.domain.trim()
    apiBaseUrl(login, domain) // throws a plain ApiAddressError for a bad login or address
    if (input.apiKey !== undefined) {
      const key = input.apiKey.trim()
      if (key === '') throw new ServiceError('invalid-input', 'The API key is empty. Copy it from the API settings page of your shop.')
      try {
        this.secrets.set(login, key)
      } catch (error) {
        throw new ServiceError('secret-storage', error instanceof Error ? error.message : 'The API key could not be stored safely on this computer.')
      }
    }
    this.state.update((s) => ({ ...s, account: { login, domain } }))
    return this.info()
  }

  useSandbox(): ConnectionInfo {
    this.state.update((s) => ({ ...s, account: null }))
    return this.info()
  }

  /** Where new runs go now (shared/destination.ts); needs neither the key nor the sandbox. */
  destination(): string {
    const account = this.state.get().account
    return account ? shopDestination(account.login, apiBaseUrl(account.login, account.domain)) : SANDBOX_DESTINATION
  }

  /** The client for new runs, from the connection chosen now. */
  async current(): Promise<Target> {
    const account = this.state.get().account
    if (!account) return this.sandboxTarget()
    return this.accountTarget(account.login, account.domain)
  }

  /** The client for an existing run: the sandbox for sandbox runs, else the account the run was
   * sent with, which must be the connected one (its key is needed to sign). */
  async forRun(run: { id: number; settings: { login: string; apiBase: string } }, isSandboxRun: boolean): Promise<Target> {
    if (isSandboxRun) return this.sandboxTarget()
    const account = this.state.get().account
    const { login, apiBase } = run.settings
    if (!account || account.login !== login || apiBaseUrl(account.login, account.domain) !== apiBase) {
      throw new ServiceError(
        'connection',
        `Run ${run.id} was sent to ${hostOf(apiBase)} with the login "${login}". Connect that account (Connection screen) to continue it.`
      )
    }
    return this.accountTarget(account.login, account.domain)
  }

  async test(): Promise<ConnectionTest> {
    let target: Target
    try {
      target = await this.current()
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, message: error.message }
      throw error
    }
    const outcome = await target.client.getBills(CONNECTION_TEST_EMAIL)
    const where = target.kind === 'sandbox' ? 'the built-in sandbox' : hostOf(target.apiBase)
    if (outcome.kind === 'unknown' && outcome.unsigned !== undefined) {
      // Not signed with this key: a wrong key (code 4), or something between us and the shop.
      const { errorCode, errorText } = outcome.unsigned
      const known = CREATE_ORDER_ANSWERS[errorCode]
      const advice = errorCode >= 1 && errorCode <= 8 && known ? known.advice : 'Copy the API key again from the API settings page of your shop.'
      return { ok: false, message: `${where} answered "${errorText.slice(0, 200)}" (code ${errorCode}), but the answer is not signed with this API key. ${advice}` }
    }
    if (outcome.kind !== 'answer') return { ok: false, message: outcome.reason }
    const { errorCode: code, errorText: text } = outcome
    if (code === 400 || code === 0) {
      return {
        ok: true,
        message: target.kind === 'sandbox'
          ? 'Connected to the built-in sandbox: orders go to a local stand-in, nothing reaches a real shop.'
          : `Connected to ${where}: the login "${target.login}" and the API key are correct.`
      }
    }
    const known = CREATE_ORDER_ANSWERS[code]
    const advice = code >= 1 && code <= 8 && known ? known.advice : 'Check the login, the API address and the key.'
    return { ok: false, message: `${where} answered "${text}" (code ${code}). ${advice}` }
  }

  private async sandboxTarget(): Promise<Target> {
    const sandbox = await this.sandbox.get()
    return { kind: 'sandbox', login: SANDBOX_LOGIN, apiBase: sandbox.baseUrl, client: new ApiClient({ baseUrl: sandbox.baseUrl, login: SANDBOX_LOGIN, secret: SANDBOX_SECRET }) }
  }

  private accountTarget(login: string, domain: string): Target {
    const secret = this.secrets.get(login)
    if (secret === null) {
      throw new ServiceError('connection', `No API key is stored for the login "${login}". Enter the key on the Connection screen and save it.`)
    }
    const apiBase = apiBaseUrl(login, domain)
    return { kind: 'account', login, apiBase, client: new ApiClient({ baseUrl: apiBase, login, secret }) }
  }
}

export function hostOf(apiBase: string): string {
  try {
    return new URL(apiBase).host
  } catch {
    return apiBase
  }
}
