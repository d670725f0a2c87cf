// The Send step's time left counts every API call: with status steps it says how many orders and
// how many calls remain (issue 12 §2).
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SendProgressEvent } from '#shared/ipc/contract'
import { RunProgress } from '../../renderer/src/screens/send/RunProgress'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { renderWithApi } from './render'

function progress(change: Partial<SendProgressEvent> = {}): SendProgressEvent {
  return {
    runId: 1,
    counts: { pending: 12, sending: 0, succeeded: 8, failed: 0, unknown: 0, skipped: 0 },
    total: 20,
    inFlight: 0,
    paused: false,
    rate: 1,
    perMinute: 60,
    etaSeconds: 1200,
    backoffUntil: null,
    ...change
  }
}

describe('Send step: time left', () => {
  it('names orders and calls when statuses add calls', () => {
    renderWithApi(<RunProgress progress={progress({ calls: 20, ordersLeft: 12 })} />, createFakeApi({}))
    expect(screen.getByTestId(TID.send.eta).textContent).toMatch(/^about .+ \(12 orders, 20 calls\)$/)
  })

  it('stays plain when every call is an order', () => {
    renderWithApi(<RunProgress progress={progress({ calls: 12, ordersLeft: 12 })} />, createFakeApi({}))
    expect(screen.getByTestId(TID.send.eta).textContent).not.toContain('calls')
  })
})
