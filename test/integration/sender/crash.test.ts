// Rows #2-5 of the fault matrix (reliability.md §5.3): the sender is SIGKILLed at each step of
// sending an order, in a child process; the test then reopens the journal, resumes the run and
// checks against the sandbox's ledger that every order exists exactly once.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { FailpointName } from '../../../electron/main/sender/send-run'
import { SECRET, checkInvariants, clientFor, sendAll, useSenderScene } from './helpers'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url))

const scene = useSenderScene()

function runChild(args: string[], failpoint: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ORDERBATCH_FAILPOINT: failpoint, ORDERBATCH_TEST_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** Stages `count` orders, lets the child die at `failpoint`, and returns the reopened journal. */
async function crashAt(count: number, failpoint: `${FailpointName}:${number}`, rate = 10, concurrency = 1) {
  const { sandbox, t: staged } = await scene.start(count)
  staged.journal.close()
  const exit = await runChild([staged.path, String(staged.runId), sandbox.baseUrl, String(rate), String(concurrency)], failpoint)
  expect(exit.signal, exit.stderr).toBe('SIGKILL')
  const t = scene.reopen(staged)
  const journal = t.journal
  expect(journal.uncleanShutdown).toBe(true)
  expect(journal.integrityCheck()).toEqual([])
  return { sandbox, t, journal }
}

describe('sender crash safety (SIGKILL at each failpoint, then resume)', () => {
  it.each<[string, `${FailpointName}:${number}`, number]>([
    ['#3 after the intent commit, before any byte was written', 'after-intent-commit:2', 1],
    ['#4 after the request was written (the shop creates it)', 'after-request-written:2', 2],
    ['#5 after the answer arrived, before it was recorded', 'after-answer:2', 2],
    ['#5 just before the outcome commit', 'before-outcome-commit:2', 2]
  ])('%s: unknown, reconciled, every order created once', async (_name, failpoint, shopOrdersAtCrash) => {
    // At 10 orders/s each intent and each answer is its own commit: one order is caught mid-way.
    const { sandbox, t, journal } = await crashAt(4, failpoint)
    // #2: the orders after the crash point never got an intent and are plainly pending.
    expect(journal.recoveredSending).toBe(1)
    expect(journal.runCounts(t.runId)).toMatchObject({ succeeded: 1, unknown: 1, pending: 2 })
    expect(sandbox.ledger.count()).toBe(shopOrdersAtCrash)

    const { result, events } = await sendAll(t, clientFor(sandbox.baseUrl))
    expect(result.outcome).toBe('finished')
    expect(events[0]).toMatchObject({ kind: 'reconciled', ordinal: 2, result: shopOrdersAtCrash === 2 ? 'created' : 'absent' })
    expect(result.counts).toMatchObject({ succeeded: 4 })
    expect(sandbox.requests()).toBe(4)
    checkInvariants(t, sandbox)
  })

  it('a crash with a whole batch of intents claimed: each order still created exactly once', async () => {
    const { sandbox, t, journal } = await crashAt(30, 'after-answer:10', 5000, 4)
    const counts = journal.runCounts(t.runId)
    expect(counts.unknown).toBeGreaterThan(1)
    expect(counts.sending).toBe(0)

    const { result } = await sendAll(t, clientFor(sandbox.baseUrl), { rate: 5000, concurrency: 4 })
    expect(result.outcome).toBe('finished')
    expect(result.counts).toMatchObject({ succeeded: 30 })
    checkInvariants(t, sandbox)
  })
})
