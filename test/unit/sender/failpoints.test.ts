import { describe, expect, it } from 'vitest'
import { asLookup, failpointFromEnv, failpointHooks } from '../../../electron/main/sender/failpoints'
import type { FailpointName } from '../../../electron/main/sender/failpoints'

describe('failpointFromEnv', () => {
  it('is off when ORDERBATCH_FAILPOINT is unset or empty', () => {
    expect(failpointFromEnv({})).toBeUndefined()
    expect(failpointFromEnv({ ORDERBATCH_FAILPOINT: '  ' })).toBeUndefined()
  })

  it('fires at the first time by default, and only for its own name', () => {
    let kills = 0
    const fp = failpointFromEnv({ ORDERBATCH_FAILPOINT: 'after-answer' }, () => kills++)!
    fp('after-intent-commit')
    expect(kills).toBe(0)
    fp('after-answer')
    fp('after-answer')
    expect(kills).toBe(1)
  })

  it('fires at the Nth time with name:N', () => {
    const fired: number[] = []
    let n = 0
    const fp = failpointFromEnv({ ORDERBATCH_FAILPOINT: 'before-outcome-commit:3' }, () => fired.push(n))!
    for (n = 1; n <= 5; n++) fp('before-outcome-commit')
    expect(fired).toEqual([3])
  })

  it.each(['after-everything', 'after-answer:0', 'after-answer:x', 'AFTER-ANSWER'])('refuses %s in plain words', (spec) => {
    expect(() => failpointFromEnv({ ORDERBATCH_FAILPOINT: spec })).toThrow(/is not a failpoint; use one of after-intent-commit, after-request-written/)
  })
})

describe('failpointHooks', () => {
  it('fires after-request-written for CreateOrder requests but not for lookups', async () => {
    const seen: FailpointName[] = []
    const hooks = failpointHooks((name) => seen.push(name))!
    hooks.afterWrite?.()
    await asLookup(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      hooks.afterWrite?.()
    })
    expect(seen).toEqual(['after-request-written'])
    expect(failpointHooks(undefined)).toEqual({})
  })
})
