// `orderbatch sandbox`: runs the local API stand-in until Ctrl+C, so the app and the CLI can be
// tried end to end without a real shop.
import { resolve } from 'node:path'
import { ApiClient } from '../../api/api-client'
import { ApiAddressError, apiBaseUrl } from '../../api/api-base'
import { fetchCatalog } from '../../api/catalog'
import { CatalogFileError, isCatalogFileName, readCatalogFile } from '../../sandbox/catalog-file'
import { startSandbox, type SandboxEvent, type SandboxOptions, type SandboxProduct } from '../../sandbox/sandbox'
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_SECRET } from '../../sandbox/defaults'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { DEFAULT_SECRET_ENV, readSecret } from '../secret'
import { UsageError } from '../usage-error'
import { errorText, messageOf, msg } from '#shared/i18n/message'
import type { Translate } from '#shared/i18n/translate'
import { cliT } from '../lang'


const OPTIONS = {
  port: { type: 'string' },
  account: { type: 'string' },
  'secret-env': { type: 'string' },
  latency: { type: 'string' },
  jitter: { type: 'string' },
  'fail-rate': { type: 'string' },
  'rate-limit': { type: 'string' },
  products: { type: 'string' },
  'catalog-from': { type: 'string' },
  'catalog-api-base': { type: 'string' },
  'catalog-secret-env': { type: 'string' },
  ledger: { type: 'string' }
} as const

export async function sandboxCommand(argv: string[], io: CliIo): Promise<number> {
  const t = cliT(io)
  let options: SandboxOptions
  try {
    options = await readOptions(argv, io)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    // parseArgs messages can span lines; the user gets one.
    io.stderr(`${errorText(t, error).replace(/\s*\n\s*/g, ' ')}\n`)
    return EXIT.usageOrInput
  }
  const port = options.port ?? 0
  let sandbox
  try {
    sandbox = await startSandbox({ ...options, onAnswer: (event) => io.stderr(`${describeEvent(event, t)}\n`) })
  } catch (error) {
    io.stderr(`${describeStartError(error, port, options.ledgerPath, t)}\n`)
    return EXIT.usageOrInput
  }
  io.stdout(`${t('cli.sandbox.listening', { url: sandbox.baseUrl, account: options.account })}\n`)
  await aborted(io.signal)
  const created = sandbox.ledger.count()
  await sandbox.close()
  io.stderr(`${t('cli.sandbox.stopped', { count: created })}\n`)
  return EXIT.ok
}

async function readOptions(argv: string[], io: CliIo): Promise<SandboxOptions> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'sandbox')
  if (positionals.length > 0) throw new UsageError(msg('usage.sandbox.noArgs', { value: positionals[0] ?? '' }))
  const port = wholeNumber(values.port, '--port') ?? SANDBOX_DEFAULT_PORT
  if (port > 65535) throw new UsageError(msg('usage.sandbox.port', { value: values.port ?? '' }))
  const failRate = decimal(values['fail-rate'], '--fail-rate')
  if (failRate !== undefined && failRate > 1) throw new UsageError(msg('usage.sandbox.failRate', { value: values['fail-rate'] ?? '' }))
  const account = values.account ?? SANDBOX_DEFAULT_ACCOUNT
  if (!/^[A-Za-z0-9_.-]+$/.test(account)) throw new UsageError(msg('usage.sandbox.account', { value: account }))
  if (values.products !== undefined && values['catalog-from'] !== undefined) throw new UsageError(msg('usage.sandbox.productsOrCatalog'))
  if (values['catalog-from'] === undefined && (values['catalog-api-base'] !== undefined || values['catalog-secret-env'] !== undefined)) {
    throw new UsageError(msg('usage.sandbox.catalogFlags'))
  }
  const products = values.products === undefined ? undefined : productsFrom(values.products, io)
  const latencyMs = wholeNumber(values.latency, '--latency')
  const jitterMs = wholeNumber(values.jitter, '--jitter')
  const rateLimit = wholeNumber(values['rate-limit'], '--rate-limit')
  const ledgerPath = values.ledger === undefined ? undefined : resolve(io.cwd, values.ledger)
  // Last, so its note is printed only for a command line that is otherwise valid.
  const secret = readSandboxSecret(io, values['secret-env'])
  const copied = values['catalog-from'] === undefined ? undefined : await copyCatalog(values['catalog-from'], values['catalog-api-base'], values['catalog-secret-env'], io)
  return { port, account, secret, latencyMs, jitterMs, failRate, rateLimit, products: products ?? copied, ledgerPath }
}

/** --products: a JSON or CSV catalog file, or a comma-separated list of product ids. */
function productsFrom(value: string, io: CliIo): SandboxProduct[] | string[] {
  if (isCatalogFileName(value)) {
    try {
      return readCatalogFile(resolve(io.cwd, value.trim()))
    } catch (error) {
      if (error instanceof CatalogFileError) throw new UsageError(error.localized)
      throw error
    }
  }
  const names = value.split(',').map((name) => name.trim()).filter(Boolean)
  if (names.length === 0) throw new UsageError(msg('usage.sandbox.products'))
  return names
}

/** --catalog-from LOGIN: one read-only GetAllGoods call to the real shop, so a rehearsal refuses
 * exactly what the shop would. The shop's key comes from the environment like every key. */
async function copyCatalog(login: string, apiBase: string | undefined, secretEnv: string | undefined, io: CliIo): Promise<SandboxProduct[]> {
  let baseUrl: string
  try {
    baseUrl = apiBase === undefined ? apiBaseUrl(login, 'influencersoft.com') : apiBaseUrl(login, apiBase)
  } catch (error) {
    if (error instanceof ApiAddressError) throw new UsageError(msg('usage.sandbox.catalogAddress', { problem: messageOf(error) }))
    throw error
  }
  const client = new ApiClient({ baseUrl, login, secret: readSecret(io, secretEnv) })
  const fetched = await fetchCatalog(() => client.getAllGoods())
  if (!fetched.ok) throw new UsageError(msg('usage.sandbox.catalogRead', { login, reason: fetched.why }))
  io.stderr(`${cliT(io)('cli.sandbox.copied', { count: fetched.catalog.products.length, login })}\n`)
  return fetched.catalog.products.map(({ id, name, title, price, type }) => ({ id, name, title, type, ...(price === null ? {} : { price }) }))
}

/** The key from the named variable, else the public sandbox key, with a note saying so. */
function readSandboxSecret(io: CliIo, envName: string | undefined): string {
  const name = envName ?? DEFAULT_SECRET_ENV
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(msg('usage.secretEnvName'))
  const secret = io.env[name]
  if (secret) return secret
  io.stderr(`${cliT(io)('cli.sandbox.publicKey', { name, key: SANDBOX_DEFAULT_SECRET })}\n`)
  return SANDBOX_DEFAULT_SECRET
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value.trim())) throw new UsageError(msg('usage.sandbox.whole', { flag, value }))
  return Number(value)
}

function decimal(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(msg('usage.sandbox.decimal', { flag, value }))
  return Number(value)
}

/** One answer of the sandbox: the function, the answer's code and text as the API gives them. */
function describeEvent(event: SandboxEvent, t: Translate): string {
  const what = event.code === null ? t('cli.sandbox.noAnswer') : `${event.code} ${event.text}`
  const bill = event.billId === undefined ? '' : t('cli.sandbox.bill', { bill: event.billId })
  const fault = event.fault ? t('cli.sandbox.fault', { fault: event.fault }) : ''
  return `${event.fn} -> ${what}${bill}${fault}`
}

function describeStartError(error: unknown, port: number, ledgerPath: string | undefined, t: Translate): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EADDRINUSE') return t('cli.sandbox.portInUse', { port })
  if (code === 'EACCES') return t('cli.sandbox.portDenied', { port })
  const message = error instanceof Error ? error.message : String(error)
  if (ledgerPath) return t('cli.sandbox.ledgerFailed', { path: ledgerPath, message })
  return t('cli.sandbox.startFailed', { message })
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  // Without a signal nothing can stop the command but the end of the process.
  if (!signal) return new Promise(() => {})
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}
