// Which API a command talks to: a shop (login + address + key from the environment) or the
// built-in sandbox. Decided from the flags before any slow work, so a mistake costs nothing.
import { LocalizedError, messageOf, msg } from '#shared/i18n/message'
import { SANDBOX_DESTINATION, shopDestination } from '#shared/run/destination'
import { ApiAddressError, apiBaseUrl } from '../../api/api-base'
import type { RunSettings } from '../../journal'
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_SECRET } from '../../sandbox/defaults'
import type { CliIo } from '../io'
import { readSecret } from '../secret'
import { UsageError } from '../usage-error'
import { sandboxShopPath } from '../../ops/paths'
import { startJournalSandbox } from '../../ops/sandbox'

export const API_OPTION_SPECS = {
  account: { type: 'string' },
  'secret-env': { type: 'string' },
  'api-base': { type: 'string' },
  'api-domain': { type: 'string' },
  sandbox: { type: 'boolean' }
} as const

export interface ApiFlags {
  account?: string
  'secret-env'?: string
  'api-base'?: string
  'api-domain'?: string
  sandbox?: boolean
}

export type ApiChoice = { kind: 'sandbox' } | { kind: 'shop'; baseUrl: string; login: string; secret: string }

/** What an earlier run was sent to; flags override it. */
export interface StoredTarget {
  runId: number
  settings: RunSettings
  sandbox: boolean
}

export interface ApiTarget {
  baseUrl: string
  login: string
  /** Only ever handed to the API client. */
  secret: string
  sandbox: boolean
  close: () => Promise<void>
}

/** Where orders sent with this choice go (shared/destination.ts). */
export function choiceDestination(choice: ApiChoice): string {
  return choice.kind === 'sandbox' ? SANDBOX_DESTINATION : shopDestination(choice.login, choice.baseUrl)
}

export function chooseApi(flags: ApiFlags, io: CliIo, command: string, stored?: StoredTarget): ApiChoice {
  if (flags['api-base'] !== undefined && flags['api-domain'] !== undefined) {
    throw new UsageError(msg('usage.api.both', { command }))
  }
  if (stored?.sandbox && !flags.sandbox) {
    throw new UsageError(msg('usage.api.sandboxRun', { command, run: stored.runId }))
  }
  if (stored && !stored.sandbox && flags.sandbox) {
    throw new UsageError(msg('usage.api.notSandbox', { command, run: stored.runId, address: stored.settings.apiBase }))
  }
  if (flags.sandbox) {
    const extra = (['account', 'secret-env', 'api-base', 'api-domain'] as const).filter((flag) => flags[flag] !== undefined)
    if (extra.length > 0) {
      throw new UsageError(msg('usage.api.sandboxFlags', { command, account: SANDBOX_DEFAULT_ACCOUNT, flags: extra.map((f) => `--${f}`).join(', ') }))
    }
    return { kind: 'sandbox' }
  }
  const login = flags.account ?? stored?.settings.login
  if (!login) throw new UsageError(msg('usage.api.login', { command }))
  const baseUrl = addressFor(flags, login, command) ?? stored?.settings.apiBase ?? addressOrThrow(login, 'influencersoft.com')
  return { kind: 'shop', baseUrl, login, secret: readSecret(io, flags['secret-env']) }
}

function addressFor(flags: ApiFlags, login: string, command: string): string | undefined {
  const base = flags['api-base']
  if (base !== undefined) {
    if (!base.includes('://')) {
      throw new UsageError(msg('usage.api.base', { command }))
    }
    return addressOrThrow(login, base)
  }
  return flags['api-domain'] === undefined ? undefined : addressOrThrow(login, flags['api-domain'])
}

function addressOrThrow(login: string, where: string): string {
  try {
    return apiBaseUrl(login, where)
  } catch (error) {
    if (error instanceof ApiAddressError) throw new UsageError(error.localized)
    throw error
  }
}

/** Starts the built-in sandbox when chosen; its shop lives next to the journal so later commands
 * (resume, undo) find the orders it created. */
export async function openApi(choice: ApiChoice, journalPath: string): Promise<ApiTarget> {
  if (choice.kind === 'shop') return { ...choice, sandbox: false, close: () => Promise.resolve() }
  const ledgerPath = sandboxShopPath(journalPath)
  let sandbox
  try {
    sandbox = await startJournalSandbox(journalPath)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new LocalizedError(msg('cli.sandboxStartFailed', { path: ledgerPath, reason: error instanceof Error ? messageOf(error) : message }), { cause: error })
  }
  return {
    baseUrl: sandbox.baseUrl,
    login: SANDBOX_DEFAULT_ACCOUNT,
    secret: SANDBOX_DEFAULT_SECRET,
    sandbox: true,
    close: () => sandbox.close()
  }
}
