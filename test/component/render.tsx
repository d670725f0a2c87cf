// Rendering with a fake api, cleanup after each test, and the contract check on every fake used.
import { cleanup, render, type RenderResult } from '@testing-library/react'
import { afterEach, expect } from 'vitest'
import { useEffect, type ReactNode } from 'react'
import type { SessionSummary } from '#shared/ipc/contract'
import { ApiProvider } from '../../renderer/src/lib/api-context'
import { useSession, type SessionState } from '../../renderer/src/lib/use-session'
import { takeCreatedFakes, type FakeApi } from './fake-api'

afterEach(() => {
  cleanup()
  for (const fake of takeCreatedFakes()) expect(fake.violations).toEqual([])
})

export function renderWithApi(ui: ReactNode, api: FakeApi): RenderResult {
  return render(<ApiProvider api={api}>{ui}</ApiProvider>)
}

/** Opens a session as if sheet.load had just answered, then renders a screen with it. */
export function WithSession({ summary, children }: { summary: SessionSummary; children: (state: SessionState) => ReactNode }) {
  const state = useSession()
  const { open } = state
  useEffect(() => open(summary), [open, summary])
  return state.session ? <>{children(state)}</> : null
}
