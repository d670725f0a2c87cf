// Where the file came from and what was decided from its rows: the recognized export, how rows
// are grouped into orders and why, guesses to confirm (highlighted until confirmed), the zone and
// day/month order of its times, how quantities are sent, and how full names are split.
import { useId } from 'react'
import type { Mapping } from '#shared/mapping/mapping'
import { translateNote, type Note } from '#shared/presets/notes'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import type { MapEditor } from './map-editor'

type Guess = NonNullable<Mapping['guesses']>[number]

/** The mapping without one guess: the user has confirmed it. */
export function confirmGuess(mapping: Mapping, guess: Guess): Mapping {
  const guesses = (mapping.guesses ?? []).filter((g) => !(g.field === guess.field && g.column === guess.column))
  const next: Mapping = { ...mapping, guesses }
  if (guesses.length === 0) delete next.guesses
  return next
}

export function setQuantity(mapping: Mapping, change: { mode?: 'repeat' | 'multiply'; price?: 'unit' | 'line' }): Mapping {
  const [first, ...rest] = mapping.goods
  if (!first?.quantity) return mapping
  return { ...mapping, goods: [{ ...first, quantity: { ...first.quantity, ...change } }, ...rest] }
}

export function SourcePanel({ source, notes, editor }: { source: { id: string; name: string } | null; notes: readonly Note[]; editor: MapEditor }) {
  const t = useT()
  const { mapping } = editor
  const ids = { mode: useId(), price: useId() }
  const guesses = mapping.guesses ?? []
  const quantity = mapping.goods[0]?.quantity
  // Guesses are shown from the mapping (they go when confirmed); the rest from the notes.
  const shown = notes.filter((n) => n.level !== 'guess' && n.code !== 'preset.recognized' && !n.code.startsWith('quantity.') && n.code !== 'date.zone')
  const group = mapping.groupBy
  return (
    <section className="card source-panel" aria-label={t('source.label')} data-testid={TID.map.sourcePanel}>
      <h2 data-testid={TID.map.recognized}>{source ? t('source.recognized', { name: source.name }) : t('source.unknown')}</h2>
      {source && <p className="hint">{t('source.presetApplied')}</p>}

      <p data-testid={TID.map.grouping}>
        {group
          ? t('source.groupedBy', { column: group.column })
          : t('source.notGrouped')}
      </p>

      {guesses.length > 0 && (
        <div className="guesses" role="group" aria-label={t('source.guessesLabel')}>
          <h3>{t('source.guesses', { count: guesses.length })}</h3>
          <ul>
            {guesses.map((g) => (
              <li key={`${g.field}|${g.column}`} className="guess" data-testid={TID.map.guess(g.field)}>
                <span>{translateNote({ code: g.code, params: g.params }, t)}</span>{' '}
                <button type="button" onClick={() => editor.update(confirmGuess(mapping, g))}>{t('source.confirm', { column: g.column })}</button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <p data-testid={TID.map.times}>
        {t('source.timesBefore')}<strong>{mapping.defaults.timeZone}</strong>{t('source.timesMiddle')}
        <strong>{t(`source.order.${mapping.defaults.dateOrder}`)}</strong>{t('source.timesAfter')}
      </p>

      {quantity && (
        <div className="form-grid" data-testid={TID.map.quantity}>
          <label htmlFor={ids.mode}>{t('source.quantityFrom', { column: quantity.column.column })}</label>
          <select id={ids.mode} value={quantity.mode} onChange={(e) => editor.update(setQuantity(mapping, { mode: e.target.value as 'repeat' | 'multiply' }))}>
            <option value="repeat">{t('source.quantity.repeat')}</option>
            <option value="multiply">{t('source.quantity.multiply')}</option>
          </select>
          <label htmlFor={ids.price}>{t('source.priceHolds')}</label>
          <select id={ids.price} value={quantity.price ?? 'unit'} onChange={(e) => editor.update(setQuantity(mapping, { price: e.target.value as 'unit' | 'line' }))}>
            <option value="unit">{t('source.price.unit')}</option>
            <option value="line">{t('source.price.line')}</option>
          </select>
        </div>
      )}

      {shown.length > 0 && (
        <ul className="source-notes">
          {shown.map((n, i) => (
            <li key={i} className={n.level === 'warning' ? 'note-warning' : undefined} data-code={n.code}>{translateNote(n, t)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
