// Rows of the review grid, asked from main a page at a time as the user scrolls.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { GridRow, PlanCounts } from '#shared/ipc/contract'
import { useApi } from '../../lib/api-context'
import { translateNow } from '../../lib/i18n'
import { RowPageCache } from './row-page-cache'

export const PAGE_SIZE = 200
const MAX_PAGES = 8

export type RowFilter = 'all' | 'problems'

export interface RowPages {
  /** Null until main has answered the first page. */
  total: number | null
  rowAt: (index: number) => GridRow | undefined
  ensure: (first: number, last: number) => void
  replaceRow: (row: GridRow) => void
  error: string | null
}

export function useRowPages(sessionId: string, filter: RowFilter, onCounts: (counts: PlanCounts) => void): RowPages {
  const api = useApi()
  const cache = useRef(new RowPageCache(PAGE_SIZE, MAX_PAGES))
  const generation = useRef(0)
  const scope = useRef<string | null>(null)
  const [answer, setAnswer] = useState<{ generation: number; total: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const countsListener = useRef(onCounts)
  countsListener.current = onCounts

  // Another sheet or filter: drop what is held before anything renders or asks with it, so no
  // row of the old list is shown or counted as held for the new one.
  const key = `${sessionId}\u0000${filter}`
  if (scope.current !== key) {
    scope.current = key
    generation.current++
    cache.current.clear()
  }

  const fetchPage = useCallback((page: number) => {
    const ticket = generation.current
    cache.current.request(page)
    api.invoke('rows.page', { sessionId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter }).then(
      (result) => {
        // An answer for a filter or sheet the user has left is dropped.
        if (ticket !== generation.current) return
        cache.current.settle(page, result.ok ? result.value.rows : null)
        if (!result.ok) return setError(result.error.message)
        setError(null)
        setAnswer({ generation: ticket, total: result.value.total })
        countsListener.current(result.value.counts)
      },
      () => {
        if (ticket !== generation.current) return
        cache.current.settle(page, null)
        setError(translateNow('error.bridge'))
      }
    )
  }, [api, sessionId, filter])

  const ensure = useCallback((first: number, last: number) => {
    for (const page of cache.current.missing(first, last)) fetchPage(page)
  }, [fetchPage])

  // The first page tells how many rows there are; until then the grid has none to ask for.
  useEffect(() => ensure(0, 0), [ensure])

  const [, setTick] = useState(0)
  const replaceRow = useCallback((row: GridRow) => {
    if (cache.current.replace(row)) setTick((t) => t + 1)
  }, [])

  const rowAt = useCallback((index: number) => cache.current.get(index), [])
  const total = answer && answer.generation === generation.current ? answer.total : null

  return { total, rowAt, ensure, replaceRow, error }
}
