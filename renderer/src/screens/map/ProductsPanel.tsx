// The Products check of the Map step (issue 12 §1 in the app): every product value of the sheet
// against the connected shop's product list. A value that is the shop's product name or title is
// fine (a title is sent as its name); a close match is offered, never applied; an unknown product
// makes its orders errors before anything is sent. Prices that differ from the shop's are shown.
import { useEffect, useState } from 'react'
import type { ProductsCheck } from '#shared/ipc/contract'
import { ErrorMessage } from '../../components/Messages'
import { useFormats, useT, type Translate } from '../../lib/i18n'
import { renderMessage } from '#shared/i18n/message'
import { useAction } from '../../lib/use-action'
import { TID } from '../../test-ids'

const MATCH_WORDS = {
  name: 'productsPanel.match.name',
  title: 'productsPanel.match.title',
  close: 'productsPanel.match.close',
  none: 'productsPanel.match.none'
} as const

export function ProductsPanel({ sessionId, revision }: { sessionId: string; revision: number }) {
  const t = useT()
  const f = useFormats()
  const action = useAction()
  const [check, setCheck] = useState<ProductsCheck | null>(null)
  const [asked, setAsked] = useState(false)

  const run = async (refresh: boolean) => {
    setAsked(true)
    const value = await action.run('products.check', { sessionId, refresh })
    if (value) setCheck(value)
  }

  // Once asked, the check follows the mapping (a new product column, edited rows).
  useEffect(() => {
    if (asked) void run(false)
  }, [revision])

  return (
    <section className="card" aria-labelledby="products-title" data-testid={TID.map.products}>
      <h2 id="products-title">{t('productsPanel.title')}</h2>
      <p className="hint">{t('productsPanel.hint')}</p>
      <div className="inline-controls">
        <button type="button" data-testid={TID.map.productsCheck} disabled={action.busy} onClick={() => void run(check !== null)}>
          {check === null ? t('productsPanel.check') : t('productsPanel.refresh')}
        </button>
        {check?.fetchedAt != null && <span className="note">{t('productsPanel.fetchedAt', { time: f.clock(check.fetchedAt), count: check.shopProducts })}</span>}
      </div>
      <ErrorMessage message={action.error} />
      {check && <CheckResult check={check} />}
    </section>
  )
}

function CheckResult({ check }: { check: ProductsCheck }) {
  const t = useT()
  if (check.source === 'none' && check.sandbox && check.reason === null) return <p className="note" data-testid={TID.map.productsNote}>{t('productsPanel.sandboxAny')}</p>
  return (
    <>
      {check.reason !== null && (
        <p className="note" role="status" data-testid={TID.map.productsNote}>
          {check.source === 'cache' ? t('productsPanel.usingCache', { reason: reasonText(t, check) }) : t('productsPanel.noList', { reason: reasonText(t, check) })}
        </p>
      )}
      {check.unknownOrders > 0 && <p className="error-text" data-testid={TID.map.productsUnknown}>{t('productsPanel.unknownOrders', { count: check.unknownOrders })}</p>}
      {check.products.length > 0 && check.source !== 'none' && (
        <table className="products-table" data-testid={TID.map.productsTable}>
          <thead>
            <tr>
              <th scope="col">{t('productsPanel.col.value')}</th>
              <th scope="col">{t('productsPanel.col.orders')}</th>
              <th scope="col">{t('productsPanel.col.shop')}</th>
              <th scope="col">{t('productsPanel.col.price')}</th>
            </tr>
          </thead>
          <tbody>
            {check.products.map((p) => (
              <tr key={p.value} data-testid={TID.map.productRow(p.value)} className={`match-${p.match}`}>
                <th scope="row">{p.value}</th>
                <td className="num">{p.orders}</td>
                <td>
                  {t(MATCH_WORDS[p.match], { name: p.product?.name ?? '', title: p.product?.title ?? '' })}
                </td>
                <td>
                  {p.product?.price != null && p.otherPrices.length > 0 && t('productsPanel.priceDiffers', { shop: p.product.price, sheet: p.otherPrices.join(', ') })}
                  {p.product?.price != null && p.withoutPrice > 0 && t('productsPanel.shopPrice', { price: p.product.price, count: p.withoutPrice })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

/** Why the shop's list could not be read, in the reader's language (main's English words when
 * it sent no key). */
function reasonText(t: Translate, check: Pick<ProductsCheck, 'reason' | 'why'>): string {
  return check.why ? renderMessage(t, check.why) : (check.reason ?? '')
}
