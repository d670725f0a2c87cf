// Step 2: every CreateOrder field with its column, grouped as a person thinks of an order, next to
// a live preview of one order. Each change goes to main, which answers with new counts.
import { useMemo } from 'react'
import { FIELD_CATALOG, type FieldGroup, type FieldSpec } from '#shared/mapping/catalog'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { CountsBar } from '../../components/CountsBar'
import { ErrorMessage } from '../../components/Messages'
import { SheetIssues } from '../../components/SheetIssues'
import { columnChoices, columnIndexOf } from '../../lib/columns'
import { useT } from '../../lib/i18n'
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
import { StatusPanel, previewValues } from './StatusPanel'
import { TemplateSave } from './TemplateSave'
import { TIME_ZONE_LIST, timeZoneNames } from './transform-words'
import { isMapped } from './mapping-edit'

/** The rarely used groups are folded until one of their fields is mapped. */
const GROUPS: ReadonlyArray<{ id: Exclude<FieldGroup, 'goods'>; title: CatalogKey; hint?: CatalogKey; folded?: boolean }> = [
  { id: 'customer', title: 'map.group.customer' },
  { id: 'delivery', title: 'map.group.delivery', hint: 'map.group.deliveryHint' },
  { id: 'order', title: 'map.group.order' },
  { id: 'tracking', title: 'map.group.tracking' },
  { id: 'affiliate', title: 'map.group.affiliate', hint: 'map.group.affiliateHint', folded: true }
]

/** utm[...] fields of the tracking group sit in a folded part of their own. */
function isUtm(spec: FieldSpec): boolean {
  return spec.key.startsWith('utm[utm_')
}

export function MapScreen({ state, onNext }: { state: SessionState; onNext: () => void }) {
  const t = useT()
  const { session, mapping, counts } = state
  const headers = session?.headers
  const choices = useMemo(() => columnChoices(headers ?? [], t), [headers, t])
  const samples = useMemo(
    () => (session ? columnSamples(session.rawPreview, session.meta.headerRow.value, session.headers.length) : []),
    [session]
  )
  // Hundreds of zone names: built once, not on every mapping change.
  const zoneList = useMemo(() => <datalist id={TIME_ZONE_LIST}>{timeZoneNames().map((z) => <option key={z} value={z} />)}</datalist>, [])
  if (!session || !mapping || !counts) return <p className="empty">{t('common.loadFirst')}</p>

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
  const statusColumn = mapping.status?.source.kind === 'column' ? columnIndexOf(session.headers, mapping.status.source) : -1
  const statusValues = statusColumn >= 0 ? previewValues(session.rawPreview, session.meta.headerRow.value, statusColumn) : []

  return (
    <section className="panel-stack" aria-labelledby="map-title">
      <div className="screen-head">
        <h1 id="map-title" tabIndex={-1}>{t('map.title')}</h1>
        <span className="busy" role="status">{state.mappingBusy ? t('map.updating') : ''}</span>
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
          <StatusPanel editor={editor} values={statusValues} />
          {GROUPS.slice(1).map((group) => <FieldGroupCard key={group.id} group={group} editor={editor} />)}
          <DefaultsPanel editor={editor} />
          {unused.length > 0 && (
            <p className="note">{t('map.unused', { columns: unused.map((h) => t('column.ref', { column: h })).join(', ') })}</p>
          )}
        </div>
        <div className="map-side">
          <OrderPreviewPanel sessionId={session.sessionId} revision={state.revision} orders={counts.orders} />
          <TemplateSave sessionId={session.sessionId} suggestion={session.template ?? baseName(session.meta.file)} />
        </div>
      </div>

      <div className="screen-actions">
        <button type="button" className="primary" data-testid={TID.map.next} onClick={onNext}>{t('map.next')}</button>
      </div>
    </section>
  )
}

function FieldGroupCard({ group, editor }: { group: (typeof GROUPS)[number]; editor: MapEditor }) {
  const t = useT()
  const specs = FIELD_CATALOG.filter((spec) => spec.group === group.id)
  const plain = group.folded ? [] : specs.filter((spec) => !isUtm(spec))
  const folded = group.folded ? specs : specs.filter(isUtm)
  return (
    <fieldset className="card field-group">
      <legend>{t(group.title)}</legend>
      {group.hint && <p className="hint">{t(group.hint)}</p>}
      {plain.map((spec) => <FieldRow key={spec.key} spec={spec} editor={editor} />)}
      {folded.length > 0 && <FoldedFields title={group.folded ? t(group.title) : t('map.utm')} specs={folded} editor={editor} />}
    </fieldset>
  )
}

/** Rarely used fields (UTM tags, affiliate tags): folded, and open when one of them is mapped. */
function FoldedFields({ title, specs, editor }: { title: string; specs: readonly FieldSpec[]; editor: MapEditor }) {
  const t = useT()
  const mapped = specs.filter((spec) => isMapped(editor.mapping.fields[spec.key as keyof typeof editor.mapping.fields])).length
  return (
    <details className="folded-fields" open={mapped > 0}>
      <summary>{t('map.folded', { title, mapped, total: specs.length })}</summary>
      {specs.map((spec) => <FieldRow key={spec.key} spec={spec} editor={editor} />)}
    </details>
  )
}

function baseName(file: string): string {
  const dot = file.lastIndexOf('.')
  return dot > 0 ? file.slice(0, dot) : file
}
