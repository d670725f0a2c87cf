// The loaded sheet, its mapping and the counts main computed for them. Every mapping change goes
// to main at once (mapping.set) and its answer wins; answers to older changes are ignored.
import { useCallback, useRef, useState } from 'react'
import type { PlanCounts, SessionSummary } from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'
import type { Mapping } from '#shared/mapping/mapping'
import { useApi } from './api-context'
import { useT } from './i18n'

export interface SessionState {
  session: SessionSummary | null
  mapping: Mapping | null
  counts: PlanCounts | null
  /** Problems of the mapping or the whole sheet: they block every order. */
  sheetIssues: readonly Issue[]
  /** Bumps whenever a sheet is opened or main accepts a mapping: previews and row pages refetch on it. */
  revision: number
  mappingBusy: boolean
  mappingError: string | null
  open: (summary: SessionSummary) => void
  close: () => void
  updateMapping: (next: Mapping) => void
  updateCounts: (counts: PlanCounts) => void
}

export function useSession(): SessionState {
  const api = useApi()
  const t = useT()
  const [session, setSession] = useState<SessionSummary | null>(null)
  const [mapping, setMapping] = useState<Mapping | null>(null)
  const [counts, setCounts] = useState<PlanCounts | null>(null)
  const [sheetIssues, setSheetIssues] = useState<readonly Issue[]>([])
  const [revision, setRevision] = useState(0)
  const [mappingBusy, setMappingBusy] = useState(false)
  const [mappingError, setMappingError] = useState<string | null>(null)
  const latest = useRef(0)
  const sessionId = useRef<string | null>(null)

  const closeQuietly = useCallback((id: string) => {
    // Closing only frees memory in main; a failure changes nothing the user can act on.
    api.invoke('sheet.close', { sessionId: id }).catch(() => undefined)
  }, [api])

  const open = useCallback((summary: SessionSummary) => {
    if (sessionId.current && sessionId.current !== summary.sessionId) closeQuietly(sessionId.current)
    sessionId.current = summary.sessionId
    latest.current++
    setSession(summary)
    setMapping(summary.mapping)
    setCounts(summary.counts)
    setSheetIssues(summary.sheetIssues ?? [])
    setMappingError(null)
    setMappingBusy(false)
    setRevision((r) => r + 1)
  }, [closeQuietly])

  const close = useCallback(() => {
    if (sessionId.current) closeQuietly(sessionId.current)
    sessionId.current = null
    latest.current++
    setSession(null)
    setMapping(null)
    setCounts(null)
    setSheetIssues([])
  }, [closeQuietly])

  const updateMapping = useCallback((next: Mapping) => {
    const id = sessionId.current
    if (!id) return
    const ticket = ++latest.current
    setMapping(next)
    setMappingBusy(true)
    setMappingError(null)
    const settle = (apply: () => void) => {
      if (ticket !== latest.current) return
      apply()
      setMappingBusy(false)
    }
    api.invoke('mapping.set', { sessionId: id, mapping: next }).then(
      (result) => settle(() => {
        if (!result.ok) return setMappingError(result.error.message)
        setMapping(result.value.mapping)
        setCounts(result.value.counts)
        setSheetIssues(result.value.sheetIssues ?? [])
        setRevision((r) => r + 1)
      }),
      () => settle(() => setMappingError(t('error.bridge')))
    )
  }, [api, t])

  const updateCounts = useCallback((next: PlanCounts) => setCounts(next), [])

  return { session, mapping, counts, sheetIssues, revision, mappingBusy, mappingError, open, close, updateMapping, updateCounts }
}
