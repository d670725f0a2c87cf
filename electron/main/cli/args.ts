// Thin wrapper over node:util parseArgs that turns its exceptions into one-line usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './usage-error'

type Options = NonNullable<ParseArgsConfig['options']>

/** The parsed flags: strings for string options, booleans for boolean ones, absent when not given. */
export type ParsedValues<T extends Options> = {
  [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : T[K] extends { multiple: true } ? string[] : string
}

export function parseCommandArgs<T extends Options>(
  argv: string[],
  options: T,
  command: string
): { values: ParsedValues<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
    return { values: parsed.values as ParsedValues<T>, positionals: parsed.positionals }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    throw new UsageError(`${command}: ${text.replace(/\.?\s*To specify[\s\S]*$/, '').replace(/\s+/g, ' ').replace(/\.+$/, '')}. Run "orderbatch help ${command}".`)
  }
}

export function parsePositiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not "${value}".`)
  return n
}

export function parsePositiveInteger(value: string | undefined, flag: string): number | undefined {
  const n = parsePositiveNumber(value, flag)
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number, not "${value}".`)
  return n
}

/** `--delimiter` accepts the character itself or a name, since a bare tab or semicolon is awkward to type. */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' }
  const resolved = named[value.toLowerCase()] ?? value
  if (resolved.length !== 1) throw new UsageError(`--delimiter must be one character (or tab, comma, semicolon, pipe), not "${value}".`)
  return resolved
}
