// Asking before anything reaches the shop. Without a terminal there is nobody to ask, so the
// command must say --yes; it never sends on silence.
import { msg } from '#shared/i18n/message'
import type { CliIo } from '../io'
import { UsageError } from '../usage-error'

/** Checked first, before any slow work, so a script learns at once that it needs --yes. */
export function checkCanAsk(io: CliIo, yes: boolean | undefined, command: string): void {
  if (yes === true || io.confirm !== undefined) return
  throw new UsageError(msg('usage.noTerminal', { command }))
}

export async function confirmed(io: CliIo, yes: boolean | undefined, question: string): Promise<boolean> {
  if (yes === true) return true
  if (!io.confirm) throw new UsageError(msg('usage.noTerminalPlain'))
  return io.confirm(question)
}
