import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { withProgressNote } from '../../../electron/main/cli/progress-note'
import type { CliIo } from '../../../electron/main/cli/io'

function io(): CliIo & { lines: string[] } {
  const lines: string[] = []
  return { lines, stdout: () => {}, stderr: (t) => void lines.push(t), env: {}, cwd: '/', isTTY: false }
}

describe('withProgressNote', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('stays quiet for work under a second', async () => {
    const out = io()
    const work = new Promise<number>((resolve) => setTimeout(() => resolve(7), 900))
    const done = withProgressNote(out, 'Reading a.csv', work)
    await vi.advanceTimersByTimeAsync(900)
    expect(await done).toBe(7)
    expect(out.lines).toEqual([])
  })

  it('says what it is doing after a second, and when it is done', async () => {
    const out = io()
    const work = new Promise<string>((resolve) => setTimeout(() => resolve('ok'), 2500))
    const done = withProgressNote(out, 'Reading big.xlsx', work)
    await vi.advanceTimersByTimeAsync(1000)
    expect(out.lines).toEqual(['Reading big.xlsx…\n'])
    await vi.advanceTimersByTimeAsync(1500)
    expect(await done).toBe('ok')
    expect(out.lines[1]).toMatch(/^Reading big\.xlsx: done in 2\.5 s\n$/)
  })
})
