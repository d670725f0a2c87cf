// Where auto-matching refused to guess: each case asks the user to pick, and disappears once the
// field has a column or the user leaves it unmapped on purpose.
import { useState } from 'react'
import type { Ambiguity } from '#shared/mapping/auto-map'
import { ambiguityText } from '#shared/mapping/auto-map-reasons'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import { parseTarget } from './field-targets'
import type { MapEditor } from './map-editor'
import { assignColumn, fieldAt, isMapped } from './mapping-edit'

export function AmbiguityList({ ambiguities, editor }: { ambiguities: readonly Ambiguity[]; editor: MapEditor }) {
  const t = useT()
  const f = useFormats()
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const open = ambiguities.filter((a) => {
    const target = parseTarget(a.field)
    return target !== null && !dismissed.has(a.field) && !isMapped(fieldAt(editor.mapping, target))
  })
  if (open.length === 0) return null

  return (
    <section className="card warnings" aria-label={t('map.choicesLabel')}>
      <h2>{t('map.choices', { count: open.length })}</h2>
      <ul>
        {open.map((a) => {
          const target = parseTarget(a.field)
          if (!target) return null
          return (
            <li key={a.field} data-testid={TID.map.ambiguity(a.field)}>
              <p>{ambiguityText(a, t)}</p>
              <div className="choice-buttons">
                {a.candidates.map((c) => {
                  const ref = editor.choices[c.columnIndex]?.ref
                  return (
                    <button key={c.columnIndex} type="button" disabled={!ref} onClick={() => ref && editor.update(assignColumn(editor.mapping, target, ref))}>
                      {t('map.use', { column: c.column, percent: f.percent(c.confidence) })}
                    </button>
                  )
                })}
                <button type="button" className="link-button" onClick={() => setDismissed(new Set(dismissed).add(a.field))}>{t('map.leaveUnmapped')}</button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
