// Which shop the app talks to: the built-in sandbox until an account is set, then the account's
// API with its key from the secret store. The key is used here to build clients and is never
// returned, logged or written anywhere but the secret store.
import type { ConnectionInfo, ConnectionTest } from '#shared/ipc/contract'
import { answerAdvice } from '#shared/wire/answer-advice'
import { englishOf, messageOf, msg, type Message, type MessageParam } from '#shared/i18n/message'
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
    if (!account) {
      const copied = this.sandbox.shopProducts()
      return { kind: 'sandbox', login: SANDBOX_LOGIN, domain: 'sandbox', hasKey: true, keyStorage: 'public sandbox key (nothing reaches a real shop)', ...(copied ? { sandboxProducts: copied } : {}) }
    }
    return { kind: 'account', login: account.login, domain: account.domain, hasKey: this.secrets.get(account.login) !== null, keyStorage: this.secrets.describe(), ...(this.secrets.describeWhy ? { keyStorageWhy: this.secrets.describeWhy() } : {}) }
  }

  set(input: { login: string; domain: string; apiKey?: string | undefined }): ConnectionInfo {
    const login = input.login.trim()
    const domain = input.domain.trim()
    apiBaseUrl(login, domain) // throws a plain ApiAddressError for a bad login or address
    if (input.apiKey !== undefined) {
      const key = input.apiKey.trim()
      if (key === '') throw new ServiceError('invalid-input', msg('connection.error.emptyKey'))
      try {
        this.secrets.set(login, key)
      } catch (error) {
        throw new ServiceError('secret-storage', error instanceof Error ? messageOf(error) : msg('connection.error.notStored'))
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
      throw new ServiceError('connection', msg('connection.error.otherAccount', { runId: run.id, host: hostOf(apiBase), login }))
    }
    return this.accountTarget(account.login, account.domain)
  }

  async test(): Promise<ConnectionTest> {
    let target: Target
    try {
      target = await this.current()
    } catch (error) {
      if (error instanceof ServiceError) return verdict(false, messageOf(error))
      throw error
    }
    const outcome = await target.client.getBills(CONNECTION_TEST_EMAIL)
    const where: MessageParam = target.kind === 'sandbox' ? msg('cli.sandboxName') : hostOf(target.apiBase)
    if (outcome.kind === 'unknown' && outcome.unsigned !== undefined) {
      // Not signed with this key: a wrong key (code 4), or something between us and the shop.
      const { errorCode, errorText } = outcome.unsigned
      const advice = (errorCode >= 1 && errorCode <= 8 ? answerAdvice(errorCode) : null) ?? msg('connection.verdict.copyKey')
      return verdict(false, msg('connection.verdict.unsigned', { where, text: errorText.slice(0, 200), code: errorCode, advice }))
    }
    if (outcome.kind !== 'answer') return verdict(false, outcome.reasonMessage ?? msg('error.asIs', { text: outcome.reason }))
    const { errorCode: code, errorText: text } = outcome
    if (code === 400 || code === 0) {
      return verdict(true, target.kind === 'sandbox' ? msg('connection.verdict.sandboxOk') : msg('connection.verdict.shopOk', { where, login: target.login }))
    }
    const advice = (code >= 1 && code <= 8 ? answerAdvice(code) : null) ?? msg('connection.verdict.checkAll')
    return verdict(false, msg('connection.verdict.answered', { where, text, code, advice }))
  }

  private async sandboxTarget(): Promise<Target> {
    const sandbox = await this.sandbox.get()
    return { kind: 'sandbox', login: SANDBOX_LOGIN, apiBase: sandbox.baseUrl, client: new ApiClient({ baseUrl: sandbox.baseUrl, login: SANDBOX_LOGIN, secret: SANDBOX_SECRET }) }
  }

  private accountTarget(login: string, domain: string): Target {
    const secret = this.secrets.get(login)
    if (secret === null) {
      throw new ServiceError('connection', msg('connection.error.noKey', { login }))
    }
    const apiBase = apiBaseUrl(login, domain)
    return { kind: 'account', login, apiBase, client: new ApiClient({ baseUrl: apiBase, login, secret }) }
  }
}

/** The verdict in English, with its key and values for the renderer. */
function verdict(ok: boolean, message: Message): ConnectionTest {
  return { ok, message: englishOf(message), key: message.key, ...(message.params ? { params: message.params } : {}) }
}

export function hostOf(apiBase: string): string {
  try {
    return new URL(apiBase).host
  } catch {
    return apiBase
  }
}
