// Row #22 of the fault matrix (reliability.md §5.3): the sending process is suspended (SIGSTOP,
// like a laptop lid closed) while a CreateOrder request is in flight, held longer than the
// client's answer timeout, then continued (SIGCONT). The run must finish with every order created
// exactly once, nothing resent blindly, and no burst of requests after the resume.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { SendResult } from '../../../electron/main/sender/send-run'
import { SECRET, checkInvariants, useSenderScene } from './helpers'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const moduleUrl = (path: string): string => pathToFileURL(`${repoRoot}${path}`).href

const ORDERS = 8
const RATE = 5
const LATENCY_MS = 150
const HEADERS_TIMEOUT_MS = 400
const HOLD_MS = 1500
/** Arrival times are taken in this process from answer times minus the fixed latency; timers
 * here may fire some ms late. A burst would put several starts within a few ms. */
const MEASURE_SLACK_MS = 50

// Like crash-child.ts, but with a client timeout shorter than the suspension, so the answer that
// waited in the socket races the timeout at SIGCONT. The API key comes in the environment.
const CHILD_SCRIPT = `
const { ApiClient } = await import(${JSON.stringify(moduleUrl('electron/main/api/api-client.ts'))})
const { Journal } = await import(${JSON.stringify(moduleUrl('electron/main/journal/index.ts'))})
const { sendRun } = await import(${JSON.stringify(moduleUrl('electron/main/sender/send-run.ts'))})
const [path, runId, baseUrl, rate] = process.argv.slice(1)
const client = new ApiClient({
  baseUrl, login: 'demo', secret: process.env.ORDERBATCH_TEST_SECRET ?? '',
  connectTimeoutMs: 1000, headersTimeoutMs: ${HEADERS_TIMEOUT_MS}, bodyTimeoutMs: 1000
})
const journal = Journal.open(path)
const result = await sendRun(Number(runId), { journal, client }, { rate: Number(rate), concurrency: 1, settleMs: 50 }).done
journal.close()
process.stdout.write(JSON.stringify(result) + '\\n')
`

const scene = useSenderScene()
let proc: ChildProcess | undefined
// Registered after the scene's teardown, so it runs before it (vitest runs after-hooks as a
// stack): the child lets go of the journal before its folder is removed.
afterEach(() => {
  if (proc !== undefined && proc.exitCode === null && proc.signalCode === null) {
    proc.kill('SIGCONT')
    proc.kill('SIGKILL')
  }
  proc = undefined
})

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('#22 the sender is suspended mid-request, then continued', () => {
  it('finishes with every order created once, nothing resent, and no burst after the resume', async () => {
    const answeredAt: number[] = []
    const { sandbox, t: staged } = await scene.start(ORDERS, {
      latencyMs: LATENCY_MS,
      onAnswer: (event) => {
        if (event.fn === 'CreateOrder') answeredAt.push(performance.now())
      }
    })
    staged.journal.close()

    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD_SCRIPT, staged.path, String(staged.runId), sandbox.baseUrl, String(RATE)], {
      cwd: repoRoot,
      env: { ...process.env, ORDERBATCH_TEST_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    proc = child
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

    // Stop the child as soon as its third request reached the shop: its answer is 150 ms away.
    while (sandbox.requests() < 3) {
      if (child.exitCode !== null) throw new Error(`the child ended early: ${stderr}`)
      await sleep(2)
    }
    child.kill('SIGSTOP')
    const inFlightAtStop = sandbox.requests() - answeredAt.length
    await sleep(HOLD_MS)
    // While suspended the child sent nothing more; its answer waited in the socket.
    const requestsWhileStopped = sandbox.requests()
    child.kill('SIGCONT')
    const code = await exited

    expect(code, stderr).toBe(0)
    expect(inFlightAtStop).toBe(1)
    expect(requestsWhileStopped).toBe(3)
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SendResult
    expect(result.outcome, result.message).toBe('finished')
    expect(result.counts).toMatchObject({ succeeded: ORDERS, unknown: 0, pending: 0, sending: 0 })

    // Exactly one CreateOrder request per order: the one caught by the suspension was not resent
    // (whether its answer or the timeout won, the shop's order was found, not made again).
    expect(sandbox.requests()).toBe(ORDERS)
    expect(sandbox.ledger.count()).toBe(ORDERS)
    const t = scene.reopen(staged)
    expect(t.journal.uncleanShutdown).toBe(false)
    checkInvariants(t, sandbox)

    // No 1-second window holds more than RATE request starts, the resume included.
    const arrivals = answeredAt.map((at) => at - LATENCY_MS)
    expect(arrivals).toHaveLength(ORDERS)
    for (let i = 0; i + RATE < arrivals.length; i++) {
      expect(arrivals[i + RATE]! - arrivals[i]!, `starts ${i + 1} to ${i + RATE + 1}`).toBeGreaterThanOrEqual(1000 - MEASURE_SLACK_MS)
    }
  })
})
