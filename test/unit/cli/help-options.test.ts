// Every option a command accepts is in its help, and its help names no option it refuses. The
// options are taken from the command itself: each command parses its arguments with
// parseCommandArgs, which this test watches while the command refuses an unknown flag.
import { describe, expect, it, vi } from 'vitest'
import type * as Args from '../../../electron/main/cli/args'

const seen = new Map<string, string[]>()

vi.mock('../../../electron/main/cli/args', async (importActual) => {
  const actual = await importActual<typeof Args>()
  return {
    ...actual,
    parseCommandArgs: (argv: string[], options: Record<string, unknown>, command: string) => {
      seen.set(command, Object.keys(options))
      return actual.parseCommandArgs(argv, options as never, command)
    }
  }
})

const { runCli } = await import('../../../electron/main/cli/main')
const { commandHelp } = await import('../../../electron/main/cli/help')

const COMMANDS = ['preview', 'mapping', 'import', 'resume', 'retry', 'status', 'export', 'resolve', 'undo', 'sandbox']

async function optionsOf(command: string): Promise<string[]> {
  seen.delete(command)
  let err = ''
  const io = {
    stdout: () => {},
    stderr: (text: string) => void (err += text),
    env: {},
    cwd: process.cwd(),
    isTTY: false
  }
  const code = await runCli([command, 'x', '--zz-not-an-option'], io as never)
  expect(code, err).toBe(1)
  const options = seen.get(command)
  if (!options) throw new Error(`${command} did not parse its arguments with parseCommandArgs`)
  return options
}

describe('command help', () => {
  it.each(COMMANDS)('%s documents every option it accepts, and no other', async (command) => {
    const accepted = await optionsOf(command)
    const help = commandHelp(command)
    // An option is documented by a line of its own ("  --rate N   orders per second ..."); examples
    // may mention other commands' options in passing.
    const documented = new Set([...help.matchAll(/^ {2}--([a-z][a-z0-9-]*)/gm)].map((match) => match[1]))
    expect(accepted.filter((option) => !documented.has(option)), `undocumented options of ${command}`).toEqual([])
    expect([...documented].filter((option) => !accepted.includes(option!)), `help of ${command} names options it refuses`).toEqual([])
  })
})
