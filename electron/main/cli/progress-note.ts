// Says on stderr what a slow step is doing, but only once it has taken more than a second:
// quick files stay quiet, slow ones never look frozen.
import type { CliIo } from './io'
import { cliT } from './lang'

export async function withProgressNote<T>(io: CliIo, text: string, work: Promise<T>): Promise<T> {
  const started = Date.now()
  const timer = setTimeout(() => io.stderr(`${text}…\n`), 1000)
  try {
    return await work
  } finally {
    clearTimeout(timer)
    const seconds = (Date.now() - started) / 1000
    if (seconds > 1) io.stderr(`${cliT(io)('cli.readingDone', { text, seconds: Math.round(seconds * 10) / 10 })}\n`)
  }
}
