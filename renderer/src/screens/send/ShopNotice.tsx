// What the shop is likely to do if the sheet is sent now (issue 12 §3): asked of main for the
// chosen pace as codes with numbers (shared/run/side-effects.ts), worded here in the reader's
// language. Nothing is shown for the sandbox, where main answers with no notices.
import { useEffect, useState } from 'react'
import type { SideEffect } from '#shared/run/side-effects'
import { noticeWords } from '#shared/run/notice-words'
import { useApi } from '../../lib/api-context'
import { useFormats, useT } from '../../lib/i18n'
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
  const t = useT()
  const f = useFormats()
  const [effects, setEffects] = useState<SideEffect[]>([])
  useEffect(() => {
    const pace = readPace(rate, concurrency, t)
    if (typeof pace === 'string') return
    let current = true
    api.invoke('run.notice', { sessionId, ...pace }).then((result) => {
      if (current) setEffects(result.ok ? result.value.effects : [])
    }, () => undefined)
    return () => {
      current = false
    }
  }, [api, sessionId, rate, concurrency, version, t])
  if (effects.length === 0) return null
  return (
    <div className="card" data-testid={TID.send.notice}>
      <h2>{t('notice.title')}</h2>
      <ul>
        {effects.map((effect) => (
          <li key={effect.code}>
            {noticeWords(effect, t, f.duration)}
            {effect.setting && (
              <>
                {' '}
                <a href={effect.setting.url} target="_blank" rel="noreferrer" data-testid={TID.send.noticeLink(effect.code)}>{t('notice.help')}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="hint">{t('notice.goAhead')}</p>
    </div>
  )
}
