// Pacing against the sandbox over real HTTP and the real clock: no 1-second window holds more
// request starts than the rate, and the run keeps up with it. Short on purpose (3 s); the long
// run belongs to the benchmark.
import { describe, expect, it } from 'vitest'
import { CountingClient, checkInvariants, clientFor, sendAll, useSenderScene } from './helpers'

const scene = useSenderScene()

/** Starts within any window of `windowMs` beginning at a start. */
function maxInWindow(starts: number[], windowMs: number): number {
  let max = 0
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (j < starts.length && starts[j]! < starts[i]! + windowMs) j++
    max = Math.max(max, j - i)
  }
  return max
}

describe('sender pacing', () => {
  it('rate 20 for 3 s: never more than 20 starts in a second, at least 98% of the rate', async () => {
    const { sandbox, t } = await scene.start(61, { latencyMs: 5, jitterMs: 10 })
    const client = new CountingClient(clientFor(sandbox.baseUrl))
    const { result } = await sendAll(t, client, { rate: 20, concurrency: 2 })
    expect(result.counts).toMatchObject({ succeeded: 61 })
    const starts = client.starts
    // 1 ms of slack: a start is timed a few microtasks after the pacer granted it.
    expect(maxInWindow(starts, 999)).toBeLessThanOrEqual(20)
    const achieved = ((starts.length - 1) * 1000) / (starts.at(-1)! - starts[0]!)
    expect(achieved).toBeGreaterThanOrEqual(20 * 0.98)
    expect(client.maxInFlight).toBeLessThanOrEqual(2)
    checkInvariants(t, sandbox)
  })
})
