// --rate, --concurrency and --journal for the commands that send, with the defaults: the real
// API gets one request at a time at one per second (no limit is documented and the account can
// be blocked for abuse); the built-in sandbox can take more, so the demo is quick.
import { msg } from '#shared/i18n/message'
import type { RunSettings } from '../../journal'
import { parsePositiveInteger, parsePositiveNumber } from '../args'
import { UsageError } from '../usage-error'
import { SANDBOX_DEFAULT_SEND } from '../../sandbox/defaults'

export const SEND_OPTION_SPECS = {
  rate: { type: 'string' },
  concurrency: { type: 'string' }
} as const

export const DEFAULT_SEND = {
  shop: { rate: 1, concurrency: 1 },
  sandbox: SANDBOX_DEFAULT_SEND
} as const

export const MAX_CONCURRENCY = 16

export interface SendOptionValues {
  rate?: string
  concurrency?: string
}

export function sendOptions(values: SendOptionValues, sandbox: boolean, stored?: RunSettings): { rate: number; concurrency: number } {
  const defaults = stored ?? DEFAULT_SEND[sandbox ? 'sandbox' : 'shop']
  const rate = parsePositiveNumber(values.rate, '--rate') ?? defaults.rate
  const concurrency = parsePositiveInteger(values.concurrency, '--concurrency') ?? defaults.concurrency
  if (concurrency > MAX_CONCURRENCY) {
    throw new UsageError(msg('usage.concurrency', { max: MAX_CONCURRENCY }))
  }
  return { rate, concurrency }
}

/** What to append to a suggested command so it reaches the same journal. */
export function commandHint(values: { journal?: string; sandbox?: boolean }): string {
  const journal = values.journal === undefined ? '' : ` --journal ${shellWord(values.journal)}`
  return `${values.sandbox ? ' --sandbox' : ''}${journal}`
}

function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}
