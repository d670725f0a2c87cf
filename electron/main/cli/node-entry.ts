// Wires the CLI to the real process: stdout/stderr, the environment, Ctrl+C and a terminal prompt.
import { createInterface } from 'node:readline/promises'
import { useNodeMd5 } from '../api/node-md5'
import { runCli } from './main'
import type { CliIo } from './io'

export async function main(argv: string[]): Promise<number> {
  // Request signatures by node:crypto's MD5 (shared/ keeps the pure one for other hosts).
  useNodeMd5()
  const controller = new AbortController()
  let interrupts = 0
  process.on('SIGINT', () => {
    interrupts += 1
    // The first Ctrl+C asks the command to stop cleanly; a second one means "now".
    if (interrupts > 1) process.exit(130)
    controller.abort()
  })
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
    confirm: process.stdin.isTTY ? askOnTerminal : undefined,
    signal: controller.signal
  }
  return runCli(argv, io)
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    const answer = await rl.question(`${question} [y/N] `)
    return /^(y|yes|д|да)$/i.test(answer.trim())
  } finally {
    rl.close()
  }
}
