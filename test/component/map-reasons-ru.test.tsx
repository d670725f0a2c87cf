// The Map step words auto-map's and the source detection's whys from the catalog: in Russian for
// a Russian user, from the codes and parameters the engine sends.
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ChannelInput, OrderPreview } from '#shared/ipc/contract'
import { MapScreen } from '../../renderer/src/screens/map/MapScreen'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { counts, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

function preview(input: ChannelInput<'mapping.previewOrder'>): OrderPreview {
  return { order: { index: input.order, key: null, rows: [2], fields: {}, goods: [] }, issues: [], body: '' }
}

function renderMap(language: 'en' | 'ru') {
  const base = session()
  const summary = session({
    mapping: { ...base.mapping, fields: { ...base.mapping.fields, bill_email: { source: { kind: 'none' } } } },
    auto: {
      ...base.auto!,
      ambiguities: [{
        code: 'look-alike',
        params: { field: 'bill_email', spec: 'bill_email' },
        field: 'bill_email',
        candidates: [{ column: 'E-mail', columnIndex: 1, confidence: 0.9 }, { column: 'E-mail 2', columnIndex: 2, confidence: 0.88 }],
        message: 'Columns "E-mail" (column B) and "E-mail 2" (column C) both look like E-mail (bill_email); none was used so nothing is guessed. Pick the right column for E-mail (bill_email) by hand.'
      }]
    },
    source: null,
    notes: [{ code: 'group.named', params: { column: 'Order' } }, { code: 'price.none', params: {}, level: 'warning' }]
  })
  const api = createFakeApi({
    'mapping.set': (input) => ({ mapping: input.mapping, counts: counts() }),
    'mapping.previewOrder': preview,
    'templates.list': () => []
  })
  renderWithApi(<WithSession summary={summary}>{(state) => <MapScreen state={state} onNext={() => undefined} />}</WithSession>, api, { language })
}

describe('Map step whys', () => {
  it('are in Russian for a Russian user', async () => {
    renderMap('ru')
    const ambiguity = await screen.findByTestId(TID.map.ambiguity('bill_email'))
    expect(ambiguity.textContent).toContain(
      'Оба столбца «E-mail» (столбец B) и «E-mail 2» (столбец C) похожи на поле «E-mail (bill_email)»; ни один не взят, чтобы ничего не угадывать.'
    )
    const panel = screen.getByTestId(TID.map.sourcePanel)
    expect(panel.textContent).toContain('Строки с одинаковым «Order» — один заказ: заголовок называет номер заказа.')
    expect(panel.textContent).toContain('Столбец цены не найден')
    expect(screen.getByTestId(TID.map.badge('bill_first_name')).getAttribute('title')).toContain('содержит «First name»')
  })

  it('are the engine’s English sentences for an English user', async () => {
    renderMap('en')
    const ambiguity = await screen.findByTestId(TID.map.ambiguity('bill_email'))
    expect(ambiguity.textContent).toContain('Columns "E-mail" (column B) and "E-mail 2" (column C) both look like E-mail (bill_email); none was used so nothing is guessed.')
    expect(screen.getByTestId(TID.map.sourcePanel).textContent).toContain('Rows with the same "Order" are one order: its header names an order number.')
    expect(screen.getByTestId(TID.map.badge('bill_first_name')).getAttribute('title')).toBe('Matched automatically: contains "First name".')
  })
})
