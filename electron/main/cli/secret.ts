// The API key comes only from an environment variable: never from an argument, where it would
// show in shell history and process lists.
import type { CliIo } from './io'
import { UsageError } from './usage-error'

export const DEFAULT_SECRET_ENV = 'ORDERBATCH_SECRET'

export function readSecret(io: CliIo, envName: string | undefined): string {
  const name = envName ?? DEFAULT_SECRET_ENV
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError("--secret-env takes the NAME of an environment variable (letters, digits, _), not its value.")
  const secret = io.env[name]
  if (!secret) throw new UsageError(`Set the API key in the environment variable ${name} (for example: export ${name}=...). It is never taken from the command line.`)
  return secret
}
