// Where the file came from and what was decided from its rows: the recognized export, how rows
// are grouped into orders and why, guesses to confirm (highlighted until confirmed), the zone and
// day/month order of its times, how quantities are sent, and how full names are split.
import { useId } from 'react'
import type { Mapping } from '#shared/mapping/mapping'
import { noteText, type Note } from '#shared/presets/notes'
import { TID } from '../../test-ids'
import type { MapEditor } from './map-editor'

type Guess = NonNullable<Mapping['guesses']>[number]

const ORDER_WORDS: Record<Mapping['defaults']['dateOrder'], string> = {
  auto: 'told from each value',
  dmy: 'day first',
  mdy: 'month first',
  ymd: 'year first'
}

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
  const { mapping } = editor
  const ids = { mode: useId(), price: useId() }
  const guesses = mapping.guesses ?? []
  const quantity = mapping.goods[0]?.quantity
  // Guesses are shown from the mapping (they go when confirmed); the rest from the notes.
  const shown = notes.filter((n) => n.level !== 'guess' && n.code !== 'preset.recognized' && !n.code.startsWith('quantity.') && n.code !== 'date.zone')
  const group = mapping.groupBy
  return (
    <section className="card source-panel" aria-label="Where the file came from" data-testid={TID.map.sourcePanel}>
      <h2 data-testid={TID.map.recognized}>{source ? `Recognized: ${source.name}` : 'Not a known export: columns matched by their names'}</h2>
      {source && <p className="hint">Its preset was applied. Change anything below.</p>}

      <p data-testid={TID.map.grouping}>
        {group
          ? `Orders: rows with the same "${group.column}" are one order.`
          : 'Orders: each row is one order (no column groups rows).'}
      </p>

      {guesses.length > 0 && (
        <div className="guesses" role="group" aria-label="Guesses to confirm">
          <h3>{guesses.length === 1 ? 'One guess to confirm' : `${guesses.length} guesses to confirm`}</h3>
          <ul>
            {guesses.map((g) => (
              <li key={`${g.field}|${g.column}`} className="guess" data-testid={TID.map.guess(g.field)}>
                <span>{noteText({ code: g.code, params: g.params })}</span>{' '}
                <button type="button" onClick={() => editor.update(confirmGuess(mapping, g))}>Confirm "{g.column}"</button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <p data-testid={TID.map.times}>
        Times without a zone are read as <strong>{mapping.defaults.timeZone}</strong>; dates like 03/04/2026 are read{' '}
        <strong>{ORDER_WORDS[mapping.defaults.dateOrder]}</strong>. Change both under "Reading dates and amounts".
      </p>

      {quantity && (
        <div className="form-grid" data-testid={TID.map.quantity}>
          <label htmlFor={ids.mode}>Quantity from "{quantity.column.column}"</label>
          <select id={ids.mode} value={quantity.mode} onChange={(e) => editor.update(setQuantity(mapping, { mode: e.target.value as 'repeat' | 'multiply' }))}>
            <option value="repeat">the good once per unit (3 → the good 3 times)</option>
            <option value="multiply">one good at price × quantity</option>
          </select>
          <label htmlFor={ids.price}>The price column holds</label>
          <select id={ids.price} value={quantity.price ?? 'unit'} onChange={(e) => editor.update(setQuantity(mapping, { price: e.target.value as 'unit' | 'line' }))}>
            <option value="unit">the unit price</option>
            <option value="line">the line total</option>
          </select>
        </div>
      )}

      {shown.length > 0 && (
        <ul className="source-notes">
          {shown.map((n, i) => (
            <li key={i} className={n.level === 'warning' ? 'note-warning' : undefined} data-code={n.code}>{noteText(n)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
