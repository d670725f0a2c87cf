// Runs the reference PHP side of the live cross-check (test/fixtures/php/cross-check.php).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('../../fixtures/php/cross-check.php', import.meta.url))


/** Sends JSON lines to one PHP process and returns its answers, one per line, in order. */
export function askPhp(lines: string[]): unknown[] {
  const run = spawnSync('php', ['-d', 'display_errors=stderr', SCRIPT], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (run.status !== 0) throw new Error(`php cross-check failed (exit ${run.status}): ${run.stderr}`)
  const answers = run.stdout.split('\n').filter((line) => line !== '')
  if (answers.length !== lines.length) throw new Error(`php answered ${answers.length} of ${lines.length} cases: ${run.stderr}`)
  return answers.map((line) => JSON.parse(line) as unknown)
}
