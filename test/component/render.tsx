// Rendering with a fake api, cleanup after each test, and the contract check on every fake used.
import { cleanup, render, type RenderResult } from '@testing-library/react'
import { afterEach, expect } from 'vitest'
import { useEffect, type ReactNode } from 'react'
import type { SessionSummary } from '#shared/ipc/contract'
import { ApiProvider } from '../../renderer/src/lib/api-context'
import { LanguageProvider } from '../../renderer/src/lib/i18n'
import type { Catalog } from '#shared/i18n/catalog/index'
import type { Language } from '#shared/i18n/language'
import { useSession, type SessionState } from '../../renderer/src/lib/use-session'
import { takeCreatedFakes, type FakeApi } from './fake-api'

afterEach(() => {
  cleanup()
  for (const fake of takeCreatedFakes()) expect(fake.violations).toEqual([])
})

export interface RenderOptions {
  /** English unless a test says otherwise. */
  language?: Language
  /** Other catalogs (the pseudo-locale). */
  catalogs?: Record<Language, Catalog>
}

/** Dates and times in the tests' fixed zone, whatever the machine's. */
export const TEST_TIME_ZONE = 'Europe/Moscow'

export function renderWithApi(ui: ReactNode, api: FakeApi, options: RenderOptions = {}): RenderResult {
  return render(
    <LanguageProvider language={options.language ?? 'en'} catalogs={options.catalogs} timeZone={TEST_TIME_ZONE}>
      <ApiProvider api={api}>{ui}</ApiProvider>
    </LanguageProvider>
  )
}

/** Opens a session as if sheet.load had just answered, then renders a screen with it. */
export function WithSession({ summary, children }: { summary: SessionSummary; children: (state: SessionState) => ReactNode }) {
  const state = useSession()
  const { open } = state
  useEffect(() => open(summary), [open, summary])
  return state.session ? <>{children(state)}</> : null
}
