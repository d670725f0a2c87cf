// Step 3: every product of the sheet matched to the shop's product list (GetAllGoods). A product
// found by its good_name or its exact title applies; a close match is only offered, and becomes the
// product sent when the user takes it; any product can be picked from the shop's list. Choices are
// kept in the sheet's template by main. Prices that differ from the shop's are shown with both
// amounts, and lines without a price with the shop's. When the list cannot be read the user may go
// on without the check, after confirming.
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { lineNeed } from '#shared/shop/product-choices'
import type { CatalogInfo, ProductLine, ProductsView, ShopProductView } from '#shared/ipc/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { CountsBar } from '../../components/CountsBar'
import { ErrorMessage } from '../../components/Messages'
import { useFormats, useT } from '../../lib/i18n'
import { renderMessage } from '#shared/i18n/message'
import { useAction } from '../../lib/use-action'
import type { SessionState } from '../../lib/use-session'
import { TID } from '../../test-ids'

interface ProductsScreenProps {
  state: SessionState
  onNext: () => void
  /** The catalog as this screen learnt it, for the rest of the window. */
  onCatalog?: (info: CatalogInfo) => void
}

export function ProductsScreen({ state, onNext, onCatalog }: ProductsScreenProps) {
  const t = useT()
  const { session, counts } = state
  if (!session || !counts) return <p className="empty">{t('common.loadFirst')}</p>
  return <ProductsBody sessionId={session.sessionId} revision={state.revision} state={state} onNext={onNext} onCatalog={onCatalog} />
}

function ProductsBody({ sessionId, revision, state, onNext, onCatalog }: ProductsScreenProps & { sessionId: string; revision: number }) {
  const t = useT()
  const action = useAction()
  const { run } = action
  const { updateCounts } = state
  const [view, setView] = useState<ProductsView | null>(null)
  const [confirming, setConfirming] = useState(false)

  const show = useCallback((next: ProductsView | undefined) => {
    if (!next) return
    setView(next)
    updateCounts(next.counts)
    onCatalog?.(next.catalog)
  }, [updateCounts, onCatalog])

  useEffect(() => {
    let current = true
    run('products.list', { sessionId }).then((next) => current && show(next), () => undefined)
    return () => {
      current = false
    }
  }, [run, sessionId, revision, show])

  const refresh = async () => {
    if (!(await run('catalog.get', { refresh: true }))) return
    show(await run('products.list', { sessionId }))
  }
  const goOn = async () => {
    setConfirming(false)
    if (!(await run('catalog.continueWithout', {}))) return
    show(await run('products.list', { sessionId }))
  }
  const choose = async (value: string, name: string | null) => show(await run('products.choose', { sessionId, value, name }))

  return (
    <section className="panel-stack" aria-labelledby="products-title">
      <div className="screen-head">
        <h1 id="products-title" tabIndex={-1}>{t('products.title')}</h1>
        <span className="busy" role="status">{action.busy ? t('products.reading') : ''}</span>
      </div>
      {state.counts && <CountsBar counts={state.counts} />}
      <p className="hint">{t('products.intro')}</p>
      <ErrorMessage message={action.error} />
      {view && <CatalogCard catalog={view.catalog} busy={action.busy} onRefresh={refresh} onGoOn={() => setConfirming(true)} />}
      {view && <Stopped view={view} />}
      {view && <ProductTable view={view} busy={action.busy} onChoose={choose} />}
      <div className="screen-actions">
        <button type="button" className="primary" data-testid={TID.products.next} onClick={onNext}>{t('products.next')}</button>
      </div>
      {confirming && view?.catalog.state === 'unavailable' && (
        <ConfirmDialog
          title={t('products.confirmTitle')}
          confirmLabel={view.catalog.cachedAt !== null ? t('products.goOnOld') : t('products.goOn')}
          onConfirm={goOn}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('products.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function CatalogCard({ catalog, busy, onRefresh, onGoOn }: { catalog: CatalogInfo; busy: boolean; onRefresh: () => void; onGoOn: () => void }) {
  const t = useT()
  const f = useFormats()
  const refresh = (
    <button type="button" data-testid={TID.products.refresh} disabled={busy} onClick={onRefresh}>{t('products.refresh')}</button>
  )
  let body
  switch (catalog.state) {
    case 'unknown':
      body = <p>{t('products.reading')}</p>
      break
    case 'skipped':
      body = <p>{t('products.skipped')}</p>
      break
    case 'ready':
      body = (
        <>
          <p>{t('products.ready', { count: catalog.products, time: f.dateTime(catalog.fetchedAt) })}</p>
          <div className="form-actions">{refresh}</div>
        </>
      )
      break
    case 'unavailable':
      body = (
        <>
          <p className="message message-error">{catalog.noProducts ? t('products.noProducts') : t('products.unavailable', { reason: catalog.why ? renderMessage(t, catalog.why) : catalog.reason })}</p>
          <p>
            {catalog.cachedAt !== null
              ? t('products.cached', { count: catalog.cachedProducts, time: f.dateTime(catalog.cachedAt) })
              : t('products.withoutCheck')}
          </p>
          {catalog.confirmed ? (
            <p className="note">{t('products.confirmed')}</p>
          ) : null}
          <div className="form-actions">
            {refresh}
            {!catalog.confirmed && (
              <button type="button" className="danger" data-testid={TID.products.goOn} disabled={busy} onClick={onGoOn}>
                {catalog.cachedAt !== null ? t('products.goOnOld') : t('products.goOn')}
              </button>
            )}
          </div>
        </>
      )
      break
  }
  return <div className="card" data-testid={TID.products.catalog} data-state={catalog.state}>{body}</div>
}

function Stopped({ view }: { view: ProductsView }) {
  const t = useT()
  const { unknownProduct, delivery } = view.stopped
  if (unknownProduct === 0 && delivery === 0) return null
  return (
    <div className="message message-error" role="status" data-testid={TID.products.stopped}>
      {unknownProduct > 0 && <p>{t('products.stopped.unknown', { count: unknownProduct })}</p>}
      {delivery > 0 && <p>{t('products.stopped.delivery', { count: delivery })}</p>}
    </div>
  )
}

/** Lines shown at first, and added by each "show more": a free-text product column can have
 * thousands of distinct values, each with a list of every shop product. */
export const PRODUCTS_PAGE = 50

const NEED_ORDER = { none: 0, close: 1, price: 2 } as const

function ProductTable({ view, busy, onChoose }: { view: ProductsView; busy: boolean; onChoose: (value: string, name: string | null) => void }) {
  const t = useT()
  const f = useFormats()
  const filterId = useId()
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(PRODUCTS_PAGE)
  const checked = view.shop.length > 0
  // The lines that need the user first (not in the shop, a close match, a differing price), each
  // group in the sheet's order; then the filter.
  const ordered = useMemo(() => {
    if (!checked) return view.lines
    const rank = (line: ProductLine) => {
      const need = lineNeed(line)
      return need === null ? 3 : NEED_ORDER[need]
    }
    return view.lines.map((line, i) => ({ line, i, rank: rank(line) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.line)
  }, [view.lines, checked])
  const needle = query.trim().toLocaleLowerCase()
  const matching = useMemo(
    () => (needle === '' ? ordered : ordered.filter((line) => [line.value, line.product?.name, line.product?.title, line.found?.name].some((text) => text?.toLocaleLowerCase().includes(needle)))),
    [ordered, needle]
  )
  if (view.lines.length === 0) return <p className="empty">{t('products.empty')}</p>
  const shown = matching.slice(0, limit)
  const more = Math.min(PRODUCTS_PAGE, matching.length - shown.length)
  const { summary } = view
  return (
    <div className="card">
      <p data-testid={TID.products.summary}>
        {t('products.summary', { count: summary.lines, notFound: summary.notFound, close: summary.close, priceDiffers: summary.priceDiffers })}
      </p>
      <div className="form-grid">
        <label htmlFor={filterId}>{t('products.filter')}</label>
        <input
          id={filterId}
          type="search"
          data-testid={TID.products.filter}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setLimit(PRODUCTS_PAGE)
          }}
        />
      </div>
      <p className="hint" role="status" data-testid={TID.products.showing}>
        {matching.length === 0 ? t('products.noMatch', { query: query.trim() }) : t('products.showing', { shown: shown.length, total: matching.length })}
      </p>
      {shown.length > 0 && <table className="data-table products-table" data-testid={TID.products.table}>
        <caption className="visually-hidden">{t('products.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('products.col.value')}</th>
            <th scope="col" className="num">{t('products.col.orders')}</th>
            <th scope="col">{t('products.col.shop')}</th>
            <th scope="col">{t('products.col.price')}</th>
            {checked && <th scope="col">{t('products.col.choose')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((line) => (
            <tr key={line.value} data-testid={TID.products.line(line.value)} data-match={matchState(line, checked)}>
              <th scope="row"><code>{line.value}</code></th>
              <td className="num">{f.count(line.orders)}</td>
              <td>
                <MatchText line={line} checked={checked} />
                {checked && line.match === 'close' && line.chosen === null && line.found && (
                  <button type="button" className="link-button" data-testid={TID.products.useOffer(line.value)} disabled={busy} onClick={() => onChoose(line.value, line.found!.name)}>
                    {t('products.useOffer', { name: line.found.name })}
                  </button>
                )}
                {line.chosen !== null && (
                  <button type="button" className="link-button" data-testid={TID.products.forget(line.value)} disabled={busy} onClick={() => onChoose(line.value, null)}>
                    {t('products.forget')}
                  </button>
                )}
                {line.product?.kind === 'physical' && <p className="hint">{t('products.physical')}</p>}
              </td>
              <td><PriceText line={line} /></td>
              {checked && (
                <td>
                  <select
                    aria-label={t('products.col.choose')}
                    data-testid={TID.products.pick(line.value)}
                    disabled={busy}
                    value={line.product?.name ?? ''}
                    onChange={(e) => onChoose(line.value, e.target.value === '' ? null : e.target.value)}
                  >
                    <option value="">{t('products.pick')}</option>
                    {view.shop.map((product) => <option key={product.name} value={product.name}>{optionText(product, t)}</option>)}
                  </select>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>}
      {more > 0 && (
        <div className="form-actions">
          <button type="button" data-testid={TID.products.more} onClick={() => setLimit(limit + PRODUCTS_PAGE)}>{t('products.showMore', { more })}</button>
        </div>
      )}
    </div>
  )
}

type MatchState = 'chosen' | 'name' | 'title' | 'close' | 'none' | 'unchecked'

function matchState(line: ProductLine, checked: boolean): MatchState {
  if (!checked) return 'unchecked'
  if (line.chosen !== null) return 'chosen'
  return line.match
}

function MatchText({ line, checked }: { line: ProductLine; checked: boolean }) {
  const t = useT()
  const state = matchState(line, checked)
  const name = line.product?.name ?? line.found?.name ?? ''
  const shown = (product: ShopProductView | null) => (product && product.title && product.title !== product.name ? `${product.name} (${product.title})` : name)
  switch (state) {
    case 'unchecked':
      return <span className="hint">{t('products.match.unchecked')}</span>
    case 'chosen':
      return <span>{t('products.match.chosen', { name: shown(line.product) })}</span>
    case 'name':
      return <span>{t('products.match.name', { name: shown(line.product) })}</span>
    case 'title':
      return <span>{t('products.match.title', { name })}</span>
    case 'close':
      return <span className="text-warning">{t('products.match.close', { name: shown(line.found) })} </span>
    case 'none':
      return <span className="text-error">{t('products.match.none')}</span>
  }
}

function PriceText({ line }: { line: ProductLine }) {
  const t = useT()
  const f = useFormats()
  const product = line.product
  if (!product) return null
  if (product.price === null) return <span className="hint">{t('products.price.none')}</span>
  const shop = f.amount(product.price)
  return (
    <>
      {line.otherPrices.length > 0 ? (
        <p className="text-warning">
          {t('products.price.differs', { shop, sheet: line.otherPrices.map((p) => f.amount(p)).join(', ') })}
          {line.morePrices > 0 && <> {t('products.price.more', { count: line.morePrices })}</>}
        </p>
      ) : (
        <span>{t('products.price.same', { price: shop })}</span>
      )}
      {line.withoutPrice > 0 && <p className="hint">{t('products.price.missing', { count: line.withoutPrice, price: shop })}</p>}
    </>
  )
}

function optionText(product: ShopProductView, t: ReturnType<typeof useT>): string {
  return product.title && product.title !== product.name ? t('products.option', { name: product.name, title: product.title }) : product.name
}
