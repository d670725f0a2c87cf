// The command dispatcher. Every failure reaches the user as one plain line; a stack trace only
// with ORDERBATCH_DEBUG=1. A command's module (and so the engine behind it) is loaded only when
// that command runs: `orderbatch --help` loads none of them.
import { EXIT, type CliIo } from './io'
import { UsageError } from './usage-error'
import { commandLineLanguage } from '#shared/i18n/language'
import { OpError } from '../ops/op-error'
import { helpText, commandHelp } from './help'
import { cliT } from './lang'
import { errorText } from '#shared/i18n/message'
import { termOutput } from './terminal-text'

type Command = (argv: string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, () => Promise<Command>> = {
  preview: async () => (await import('./commands/preview')).previewCommand,
  mapping: async () => (await import('./commands/mapping')).mappingCommand,
  import: async () => (await import('./commands/import')).importCommand,
  resume: async () => (await import('./commands/resume')).resumeCommand,
  retry: async () => (await import('./commands/retry')).retryCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  resolve: async () => (await import('./commands/resolve')).resolveCommand,
  undo: async () => (await import('./commands/undo')).undoCommand,
  sandbox: async () => (await import('./commands/sandbox')).sandboxCommand
}

export async function runCli(rawArgv: string[], rawIo: CliIo): Promise<number> {
  const chosen = commandLineLanguage(rawArgv, rawIo.env)
  // Every write goes out with its control characters escaped (terminal-text.ts).
  const io: CliIo = {
    ...rawIo,
    language: rawIo.language ?? chosen.language,
    stdout: (text) => rawIo.stdout(termOutput(text)),
    stderr: (text) => rawIo.stderr(termOutput(text))
  }
  const t = cliT(io)
  if (chosen.unknown !== null) {
    io.stderr(`${t('cli.badLang', { value: chosen.unknown })}\n`)
    return EXIT.usageOrInput
  }
  const argv = chosen.args
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(rest[0] ? commandHelp(rest[0], io.language) : helpText(io.language))
    return EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout('orderbatch 0.1.0\n')
    return EXIT.ok
  }
  const load = COMMANDS[name]
  if (!load) {
    io.stderr(`${t('cli.unknownCommand', { name, commands: Object.keys(COMMANDS).join(', ') })}\n`)
    return EXIT.usageOrInput
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(name, io.language))
    return EXIT.ok
  }
  try {
    const command = await load()
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${errorText(t, error)}\n`)
      return EXIT.usageOrInput
    }
    if (error instanceof OpError) {
      io.stderr(`${name}: ${errorText(t, error)}\n`)
      return EXIT.usageOrInput
    }
    // Other errors that carry a message (the journal's refusals) are worded in the CLI's language too.
    const message = errorText(t, error)
    io.stderr(`orderbatch ${name}: ${message}\n`)
    if (io.env.ORDERBATCH_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    return EXIT.usageOrInput
  }
}

