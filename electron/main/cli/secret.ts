// The API key comes only from an environment variable: never from an argument, where it would
// show in shell history and process lists.
import type { CliIo } from './io'
import { UsageError } from './usage-error'
import { msg } from '#shared/i18n/message'

export const DEFAULT_SECRET_ENV = 'ORDERBATCH_SECRET'

export function readSecret(io: CliIo, envName: string | undefined): string {
  const name = envName ?? DEFAULT_SECRET_ENV
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(msg('usage.secretEnvName'))
  const secret = io.env[name]
  if (!secret) throw new UsageError(msg('usage.secretMissing', { name }))
  return secret
}
