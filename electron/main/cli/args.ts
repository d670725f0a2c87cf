// Thin wrapper over node:util parseArgs that turns its exceptions into one-line usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './usage-error'
import { msg, type Message } from '#shared/i18n/message'

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
    throw new UsageError(msg('usage.badArgs', { command, problem: argsProblem(error) }))
  }
}

export function parsePositiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(msg('usage.positiveNumber', { flag, value }))
  return n
}

export function parsePositiveInteger(value: string | undefined, flag: string): number | undefined {
  const n = parsePositiveNumber(value, flag)
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(msg('usage.wholeNumber', { flag, value: value ?? '' }))
  return n
}

/** `--delimiter` accepts the character itself or a name, since a bare tab or semicolon is awkward to type. */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' }
  const resolved = named[value.toLowerCase()] ?? value
  if (resolved.length !== 1) throw new UsageError(msg('usage.delimiter', { value }))
  return resolved
}

/** What parseArgs refused, in the catalog's words for the mistakes it names (an unknown flag, a
 * flag without its value, a value for a switch); its own English words otherwise. */
function argsProblem(error: unknown): Message {
  const code = (error as { code?: unknown } | null)?.code
  const text = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(text)?.[1]
  if (quoted !== undefined) {
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return msg('usage.unknownOption', { option: quoted })
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && text.endsWith('argument missing')) return msg('usage.valueMissing', { option: quoted })
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && text.endsWith('does not take an argument')) return msg('usage.noValue', { option: quoted })
  }
  return msg('error.asIs', { text: text.replace(/\.?\s*To specify[\s\S]*$/, '').replace(/\s+/g, ' ').replace(/\.+$/, '') })
}
