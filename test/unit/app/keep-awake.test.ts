// The power-save blocker is held exactly while some run is sending.
import { describe, expect, it } from 'vitest'
import { keepAwakeWhileSending } from '../../../electron/main/app/keep-awake'

describe('keepAwakeWhileSending', () => {
  it('starts one blocker when sending begins and stops it when the last run stops', () => {
    let listener: (ids: number[]) => void = () => undefined
    const service = { onSendingChange: (l: (ids: number[]) => void) => ((listener = l), () => undefined) }
    const log: string[] = []
    let next = 7
    const blocker = {
      start: (type: 'prevent-app-suspension' | 'prevent-display-sleep') => (log.push(`start ${type}`), next++),
      stop: (id: number) => {
        log.push(`stop ${id}`)
        return true
      }
    }
    const off = keepAwakeWhileSending(service, blocker)
    listener([1])
    listener([1, 2])
    listener([2])
    listener([])
    listener([])
    listener([3])
    off()
    expect(log).toEqual(['start prevent-app-suspension', 'stop 7', 'start prevent-app-suspension', 'stop 8'])
  })
})
