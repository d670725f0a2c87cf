// `orderbatch sandbox`: runs the local API stand-in until Ctrl+C, so the app and the CLI can be
// tried end to end without a real shop.
import { resolve } from 'node:path'
import { startSandbox, type SandboxEvent, type SandboxOptions } from '../../sandbox/sandbox'
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_SECRET } from '../../sandbox/defaults'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { DEFAULT_SECRET_ENV } from '../secret'
import { UsageError } from '../usage-error'


const OPTIONS = {
  port: { type: 'string' },
  account: { type: 'string' },
  'secret-env': { type: 'string' },
  latency: { type: 'string' },
  jitter: { type: 'string' },
  'fail-rate': { type: 'string' },
  'rate-limit': { type: 'string' },
  products: { type: 'string' },
  ledger: { type: 'string' }
} as const

export async function sandboxCommand(argv: string[], io: CliIo): Promise<number> {
  let options: SandboxOptions
  try {
    options = readOptions(argv, io)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    // parseArgs messages can span lines; the user gets one.
    io.stderr(`${error.message.replace(/\s*\n\s*/g, ' ')}\n`)
    return EXIT.usageOrInput
  }
  const port = options.port ?? 0
  let sandbox
  try {
    sandbox = await startSandbox({ ...options, onAnswer: (event) => io.stderr(`${describeEvent(event)}\n`) })
  } catch (error) {
    io.stderr(`${describeStartError(error, port, options.ledgerPath)}\n`)
    return EXIT.usageOrInput
  }
  io.stdout(`Sandbox listening on ${sandbox.baseUrl} (account ${options.account})\n`)
  await aborted(io.signal)
  const created = sandbox.ledger.count()
  await sandbox.close()
  io.stderr(`Sandbox stopped; it created ${created} order${created === 1 ? '' : 's'}.\n`)
  return EXIT.ok
}

function readOptions(argv: string[], io: CliIo): SandboxOptions {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'sandbox')
  if (positionals.length > 0) throw new UsageError(`sandbox takes no file or other argument, but got "${positionals[0]}". Run "orderbatch help sandbox".`)
  const port = wholeNumber(values.port, '--port') ?? SANDBOX_DEFAULT_PORT
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not "${values.port}".`)
  const failRate = decimal(values['fail-rate'], '--fail-rate')
  if (failRate !== undefined && failRate > 1) throw new UsageError(`--fail-rate is a fraction from 0 to 1 (0.1 = one call in ten), not "${values['fail-rate']}".`)
  const account = values.account ?? SANDBOX_DEFAULT_ACCOUNT
  if (!/^[A-Za-z0-9_.-]+$/.test(account)) throw new UsageError(`--account takes a login made of letters, digits, ".", "_" or "-", not "${account}".`)
  const products = values.products?.split(',').map((name) => name.trim()).filter(Boolean)
  if (products && products.length === 0) throw new UsageError('--products needs at least one product id, e.g. --products course-1,book.')
  const latencyMs = wholeNumber(values.latency, '--latency')
  const jitterMs = wholeNumber(values.jitter, '--jitter')
  const rateLimit = wholeNumber(values['rate-limit'], '--rate-limit')
  const ledgerPath = values.ledger === undefined ? undefined : resolve(io.cwd, values.ledger)
  // Last, so its note is printed only for a command line that is otherwise valid.
  const secret = readSandboxSecret(io, values['secret-env'])
  return { port, account, secret, latencyMs, jitterMs, failRate, rateLimit, products, ledgerPath }
}

/** The key from the named variable, else the public sandbox key, with a note saying so. */
function readSandboxSecret(io: CliIo, envName: string | undefined): string {
  const name = envName ?? DEFAULT_SECRET_ENV
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError('--secret-env takes the NAME of an environment variable (letters, digits, _), not its value.')
  const secret = io.env[name]
  if (secret) return secret
  io.stderr(`Note: ${name} is not set, so the sandbox signs with its public key "${SANDBOX_DEFAULT_SECRET}". Use the same key in the app, or set ${name}.\n`)
  return SANDBOX_DEFAULT_SECRET
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number of 0 or more, not "${value}".`)
  return Number(value)
}

function decimal(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`${flag} must be a number of 0 or more, not "${value}".`)
  return Number(value)
}

function describeEvent(event: SandboxEvent): string {
  const what = event.code === null ? 'no answer' : `${event.code} ${event.text}`
  const bill = event.billId === undefined ? '' : ` (bill ${event.billId})`
  const fault = event.fault ? ` [fault: ${event.fault}]` : ''
  return `${event.fn} -> ${what}${bill}${fault}`
}

function describeStartError(error: unknown, port: number, ledgerPath: string | undefined): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EADDRINUSE') return `Port ${port} is already in use: pick another with --port N, or --port 0 for any free port.`
  if (code === 'EACCES') return `Not allowed to listen on port ${port}: pick a port above 1024 with --port N.`
  const message = error instanceof Error ? error.message : String(error)
  if (ledgerPath) return `Could not start the sandbox with the ledger ${ledgerPath}: ${message}. Check that its folder exists and is writable, or leave --ledger out.`
  return `Could not start the sandbox: ${message}.`
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  // Without a signal nothing can stop the command but the end of the process.
  if (!signal) return new Promise(() => {})
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}
