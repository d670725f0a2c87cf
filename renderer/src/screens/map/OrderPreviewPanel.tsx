// One order exactly as it would be sent: its fields, its goods, its problems and the form body
// (main masks the hash; the key never reaches the renderer).
import { useEffect, useId, useState } from 'react'
import type { OrderPreview } from '#shared/ipc/contract'
import type { OrderFieldKey } from '#shared/mapping/field-keys'
import { ErrorMessage } from '../../components/Messages'
import { IssueList } from '../../components/IssueList'
import { useApi } from '../../lib/api-context'
import { fieldLabel } from '../../lib/field-words'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'

interface OrderPreviewPanelProps {
  sessionId: string
  revision: number
  orders: number
}

export function OrderPreviewPanel({ sessionId, revision, orders }: OrderPreviewPanelProps) {
  const api = useApi()
  const t = useT()
  const f = useFormats()
  const inputId = useId()
  const [order, setOrder] = useState(1)
  const [preview, setPreview] = useState<OrderPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const wanted = Math.min(Math.max(1, order), Math.max(1, orders))

  useEffect(() => {
    let current = true
    if (orders < 1) {
      setPreview(null)
      return
    }
    api.invoke('mapping.previewOrder', { sessionId, order: wanted }).then(
      (result) => {
        if (!current) return
        setError(result.ok ? null : result.error.message)
        setPreview(result.ok ? result.value : null)
      },
      () => current && setError(t('error.bridge'))
    )
    return () => {
      current = false
    }
  }, [api, sessionId, revision, wanted, orders, t])

  return (
    <aside className="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('map.preview')}</h2>
      {orders < 1 ? (
        <p className="empty">{t('map.previewEmpty')}</p>
      ) : (
        <>
          <div className="inline-controls">
            <label htmlFor={inputId}>{t('map.previewOrder')}</label>
            <button type="button" aria-label={t('map.previousOrder')} disabled={wanted <= 1} onClick={() => setOrder(wanted - 1)}>‹</button>
            <input
              id={inputId}
              type="number"
              className="narrow"
              min={1}
              max={orders}
              data-testid={TID.map.previewOrder}
              value={wanted}
              onChange={(e) => setOrder(Number(e.target.value) || 1)}
            />
            <button type="button" aria-label={t('map.nextOrder')} disabled={wanted >= orders} onClick={() => setOrder(wanted + 1)}>›</button>
            <span className="hint">{t('map.ofOrders', { count: f.count(orders) })}</span>
          </div>
          <ErrorMessage message={error} testId="preview-error" />
          {preview && <PreviewBody preview={preview} />}
        </>
      )}
    </aside>
  )
}

function PreviewBody({ preview }: { preview: OrderPreview }) {
  const t = useT()
  const f = useFormats()
  const fields = Object.entries(preview.order.fields) as [OrderFieldKey, string][]
  // A good without a price gets the shop's: named with its amount when the product list knows it.
  const shopPrice = (price: string | null | undefined) => (price ? t('map.shopPriceIs', { price: f.amount(price) }) : t('map.shopPriceShort'))
  return (
    <>
      <p className="hint">{t('map.fromRows', { count: preview.order.rows.length, rows: preview.order.rows.join(', ') })}</p>
      <dl className="preview-fields" data-testid={TID.map.previewFields}>
        {fields.map(([key, value]) => (
          <div key={key}>
            <dt title={key}>{fieldLabel(key, t)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {preview.order.goods.map((good, i) => (
          <div key={`good-${i}`}>
            <dt>{t('map.good', { number: i + 1 })}</dt>
            <dd>{good.good_name} · {good.good_sum !== undefined ? f.amount(good.good_sum) : shopPrice(preview.shopPrices?.[i])}</dd>
          </div>
        ))}
      </dl>
      <IssueList issues={preview.issues} empty={t('map.noProblemsOrder')} />
      <h3>{t('map.requestBody')}</h3>
      <pre className="request-body" data-testid={TID.map.previewBody} tabIndex={0} aria-label={t('map.requestBodyLabel')}>{preview.body}</pre>
    </>
  )
}
