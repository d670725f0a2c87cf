// The command dispatcher. Every failure reaches the user as one plain line; a stack trace only
// with ORDERBATCH_DEBUG=1. A command's module (and so the engine behind it) is loaded only when
// that command runs: `orderbatch --help` loads none of them.
import { EXIT, type CliIo } from './io'
import { UsageError } from './usage-error'
import { OpError } from '../ops/op-error'
import { HELP, commandHelp } from './help'
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

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Every write goes out with its control characters escaped (terminal-text.ts).
  const io: CliIo = { ...rawIo, stdout: (text) => rawIo.stdout(termOutput(text)), stderr: (text) => rawIo.stderr(termOutput(text)) }
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(rest[0] ? commandHelp(rest[0]) : HELP)
    return EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout('orderbatch 0.1.0\n')
    return EXIT.ok
  }
  const load = COMMANDS[name]
  if (!load) {
    io.stderr(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "orderbatch help".\n`)
    return EXIT.usageOrInput
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(name))
    return EXIT.ok
  }
  try {
    const command = await load()
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`)
      return EXIT.usageOrInput
    }
    if (error instanceof OpError) {
      io.stderr(`${name}: ${error.message}\n`)
      return EXIT.usageOrInput
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`orderbatch ${name}: ${message}\n`)
    if (io.env.ORDERBATCH_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    return EXIT.usageOrInput
  }
}

