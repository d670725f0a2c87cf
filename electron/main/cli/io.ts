// What a CLI command may touch of the outside world, injected so commands run in tests exactly
// as they run from a terminal.
import type { Language } from '#shared/i18n/language'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** stderr is a terminal: progress may redraw in place. */
  isTTY: boolean
  /** Asks a yes/no question on the terminal; absent when there is no terminal. */
  confirm?: (question: string) => Promise<boolean>
  /** Aborted on Ctrl+C. */
  signal?: AbortSignal
  /** The language of messages and help; runCli sets it from --lang and the environment (English when absent). */
  language?: Language
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  usageOrInput: 1,
  /** preview: the sheet has errors; import: finished with failed or unknown orders. */
  problems: 2,
  /** The run stopped (credentials, API access, rate limit not recovering, cancelled). */
  stopped: 3
} as const
