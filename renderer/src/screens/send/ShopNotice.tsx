// What the shop is likely to do if the sheet is sent now (issue 12 §3): asked of main for the
// chosen pace, worded by the one module that words it (shared/run/side-effects.ts). Nothing is
// shown for the sandbox, where main answers with no notices.
import { useEffect, useState } from 'react'
import { noticeText, type SideEffect } from '#shared/run/side-effects'
import { useApi } from '../../lib/api-context'
import { TID } from '../../test-ids'
import { readPace } from './send-settings'

interface ShopNoticeProps {
  sessionId: string
  rate: string
  concurrency: string
  /** Changes whenever what would be sent changes (counts, connection). */
  version: string
}

export function ShopNotice({ sessionId, rate, concurrency, version }: ShopNoticeProps) {
  const api = useApi()
  const [effects, setEffects] = useState<SideEffect[]>([])
  useEffect(() => {
    const pace = readPace(rate, concurrency)
    if (typeof pace === 'string') return
    let current = true
    api.invoke('run.notice', { sessionId, ...pace }).then((result) => {
      if (current) setEffects(result.ok ? result.value.effects : [])
    }, () => undefined)
    return () => {
      current = false
    }
  }, [api, sessionId, rate, concurrency, version])
  if (effects.length === 0) return null
  return (
    <div className="card" data-testid={TID.send.notice}>
      <h2>What the shop is likely to do</h2>
      <ul>
        {effects.map((effect) => (
          <li key={effect.code}>{noticeText(effect)}</li>
        ))}
      </ul>
      <p className="hint">Starting the run means going ahead with this.</p>
    </div>
  )
}
