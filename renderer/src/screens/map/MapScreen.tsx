// Step 2: every CreateOrder field with its column, grouped as a person thinks of an order, next to
// a live preview of one order. Each change goes to main, which answers with new counts.
import { useMemo } from 'react'
import { FIELD_CATALOG, type FieldGroup } from '#shared/mapping/catalog'
import { CountsBar } from '../../components/CountsBar'
import { ErrorMessage } from '../../components/Messages'
import { SheetIssues } from '../../components/SheetIssues'
import { columnChoices } from '../../lib/columns'
import type { SessionState } from '../../lib/use-session'
import { TID } from '../../test-ids'
import { AmbiguityList } from './AmbiguityList'
import { DefaultsPanel } from './DefaultsPanel'
import { FieldRow } from './FieldRow'
import { GoodsEditor } from './GoodsEditor'
import { columnSamples, type MapEditor } from './map-editor'
import { OrderPreviewPanel } from './OrderPreviewPanel'
import { OrdersPanel } from './OrdersPanel'
import { SourcePanel } from './SourcePanel'
import { TemplateSave } from './TemplateSave'
import { TIME_ZONE_LIST, timeZoneNames } from './transform-words'

const GROUPS: ReadonlyArray<{ id: Exclude<FieldGroup, 'goods'>; title: string; hint?: string }> = [
  { id: 'customer', title: 'Customer' },
  { id: 'delivery', title: 'Delivery', hint: 'Required when the goods are shipped.' },
  { id: 'order', title: 'Order' },
  { id: 'tracking', title: 'Tracking' },
  { id: 'affiliate', title: 'Affiliate', hint: 'Shown only in the partner cabinet.' }
]

export function MapScreen({ state, onNext }: { state: SessionState; onNext: () => void }) {
  const { session, mapping, counts } = state
  const headers = session?.headers
  const choices = useMemo(() => columnChoices(headers ?? []), [headers])
  const samples = useMemo(
    () => (session ? columnSamples(session.rawPreview, session.meta.headerRow.value, session.headers.length) : []),
    [session]
  )
  // Hundreds of zone names: built once, not on every mapping change.
  const zoneList = useMemo(() => <datalist id={TIME_ZONE_LIST}>{timeZoneNames().map((z) => <option key={z} value={z} />)}</datalist>, [])
  if (!session || !mapping || !counts) return <p className="empty">Load a file first.</p>

  const editor: MapEditor = {
    mapping,
    headers: session.headers,
    choices,
    samples,
    matches: session.auto?.matches ?? [],
    template: session.template,
    update: state.updateMapping
  }
  const unused = session.auto?.unmatchedHeaders ?? []

  return (
    <section className="panel-stack" aria-labelledby="map-title">
      <div className="screen-head">
        <h1 id="map-title" tabIndex={-1}>2 · Map columns to order fields</h1>
        <span className="busy" role="status">{state.mappingBusy ? 'Updating…' : ''}</span>
      </div>
      <CountsBar counts={counts} />
      <ErrorMessage message={state.mappingError} />
      <SheetIssues issues={state.sheetIssues} />
      <SourcePanel source={session.source ?? null} notes={session.notes ?? []} editor={editor} />
      <AmbiguityList ambiguities={session.auto?.ambiguities ?? []} editor={editor} />
      {zoneList}

      <div className="map-layout">
        <div className="map-fields">
          <FieldGroupCard group={GROUPS[0]!} editor={editor} />
          <OrdersPanel editor={editor} />
          <GoodsEditor editor={editor} />
          {GROUPS.slice(1).map((group) => <FieldGroupCard key={group.id} group={group} editor={editor} />)}
          <DefaultsPanel editor={editor} />
          {unused.length > 0 && (
            <p className="note">Columns not used: {unused.map((h) => `"${h}"`).join(', ')}. They are not sent.</p>
          )}
        </div>
        <div className="map-side">
          <OrderPreviewPanel sessionId={session.sessionId} revision={state.revision} orders={counts.orders} />
          <TemplateSave sessionId={session.sessionId} suggestion={session.template ?? baseName(session.meta.file)} />
        </div>
      </div>

      <div className="screen-actions">
        <button type="button" className="primary" data-testid={TID.map.next} onClick={onNext}>Continue to review</button>
      </div>
    </section>
  )
}

function FieldGroupCard({ group, editor }: { group: (typeof GROUPS)[number]; editor: MapEditor }) {
  const specs = FIELD_CATALOG.filter((spec) => spec.group === group.id)
  return (
    <fieldset className="card field-group">
      <legend>{group.title}</legend>
      {group.hint && <p className="hint">{group.hint}</p>}
      {specs.map((spec) => <FieldRow key={spec.key} spec={spec} editor={editor} />)}
    </fieldset>
  )
}

function baseName(file: string): string {
  const dot = file.lastIndexOf('.')
  return dot > 0 ? file.slice(0, dot) : file
}
