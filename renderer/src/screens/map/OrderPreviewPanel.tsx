// One order exactly as it would be sent: its fields, its goods, its problems and the form body
// (main masks the hash; the key never reaches the renderer).
import { useEffect, useId, useState } from 'react'
import { fieldSpec } from '#shared/mapping/catalog'
import type { OrderPreview } from '#shared/ipc/contract'
import type { OrderFieldKey } from '#shared/mapping/field-keys'
import { ErrorMessage } from '../../components/Messages'
import { IssueList } from '../../components/IssueList'
import { useApi } from '../../lib/api-context'
import { BRIDGE_FAILURE } from '../../lib/use-action'
import { formatCount } from '../../lib/format'
import { TID } from '../../test-ids'

interface OrderPreviewPanelProps {
  sessionId: string
  revision: number
  orders: number
}

export function OrderPreviewPanel({ sessionId, revision, orders }: OrderPreviewPanelProps) {
  const api = useApi()
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
      () => current && setError(BRIDGE_FAILURE)
    )
    return () => {
      current = false
    }
  }, [api, sessionId, revision, wanted, orders])

  return (
    <aside className="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview of one order</h2>
      {orders < 1 ? (
        <p className="empty">No orders yet: map the e-mail and a product column to see one.</p>
      ) : (
        <>
          <div className="inline-controls">
            <label htmlFor={inputId}>Order</label>
            <button type="button" aria-label="Previous order" disabled={wanted <= 1} onClick={() => setOrder(wanted - 1)}>‹</button>
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
            <button type="button" aria-label="Next order" disabled={wanted >= orders} onClick={() => setOrder(wanted + 1)}>›</button>
            <span className="hint">of {formatCount(orders)}</span>
          </div>
          <ErrorMessage message={error} testId="preview-error" />
          {preview && <PreviewBody preview={preview} />}
        </>
      )}
    </aside>
  )
}

function PreviewBody({ preview }: { preview: OrderPreview }) {
  const fields = Object.entries(preview.order.fields) as [OrderFieldKey, string][]
  return (
    <>
      <p className="hint">From sheet row{preview.order.rows.length > 1 ? 's' : ''} {preview.order.rows.join(', ')}.</p>
      <dl className="preview-fields" data-testid={TID.map.previewFields}>
        {fields.map(([key, value]) => (
          <div key={key}>
            <dt title={key}>{fieldSpec(key)?.label ?? key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {preview.order.goods.map((good, i) => (
          <div key={`good-${i}`}>
            <dt>Good {i + 1}</dt>
            <dd>{good.good_name} · {good.good_sum !== undefined ? good.good_sum : 'shop price'}</dd>
          </div>
        ))}
      </dl>
      <IssueList issues={preview.issues} empty="No problems in this order." />
      <h3>Request body</h3>
      <pre className="request-body" data-testid={TID.map.previewBody} tabIndex={0} aria-label="Request body as it will be sent">{preview.body}</pre>
    </>
  )
}
