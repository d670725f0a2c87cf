// The orders of one run, a page at a time, filtered by state; unknown orders can be settled and
// failed ones fixed from here.
import { useCallback, useEffect, useState } from 'react'
import { ORDER_STATES, type OrderStateName, type RunOrder, type RunSummary } from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'
import { ErrorMessage } from '../../components/Messages'
import { useFormats, useT, type Translate } from '../../lib/i18n'
import { storedText } from '#shared/i18n/message'
import { useAction } from '../../lib/use-action'
import { TID } from '../../test-ids'
import { EditFailedDialog } from './EditFailedDialog'
import { ResolveDialog, type Decision } from './ResolveDialog'

export const ORDERS_PAGE = 100

interface RunOrdersProps {
  run: RunSummary
  headers: readonly string[]
  onChanged: () => void
}

type Open = { kind: 'resolve'; order: RunOrder } | { kind: 'edit'; order: RunOrder; issues: Issue[] | null } | null

export function RunOrders({ run, headers, onChanged }: RunOrdersProps) {
  const list = useAction()
  const t = useT()
  const f = useFormats()
  const change = useAction()
  const [states, setStates] = useState<ReadonlySet<OrderStateName>>(new Set())
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<{ total: number; orders: RunOrder[] } | null>(null)
  const [open, setOpen] = useState<Open>(null)
  const runId = run.runId
  const { run: invoke } = list

  const load = useCallback(async () => {
    const chosen = [...states]
    const value = await invoke('runs.orders', { runId, offset, limit: ORDERS_PAGE, ...(chosen.length ? { states: chosen } : {}) })
    if (value) setPage(value)
  }, [invoke, runId, offset, states])

  useEffect(() => {
    void load()
  }, [load])

  const toggleState = (state: OrderStateName) => {
    const next = new Set(states)
    if (next.has(state)) next.delete(state)
    else next.add(state)
    setStates(next)
    setOffset(0)
  }

  const replace = (order: RunOrder) => {
    setPage((old) => old && { ...old, orders: old.orders.map((o) => (o.ordinal === order.ordinal ? order : o)) })
    onChanged()
  }

  const resolve = async (order: RunOrder, decision: Decision) => {
    const value = await change.run('runs.resolve', { runId, ordinal: order.ordinal, decision })
    if (!value) return
    replace(value)
    setOpen(null)
  }

  const editFailed = async (order: RunOrder, cells: Record<string, string>) => {
    const value = await change.run('runs.editFailed', { runId, ordinal: order.ordinal, cells })
    if (!value) return
    replace(value.order)
    setOpen({ kind: 'edit', order: value.order, issues: value.issues })
  }

  const closeDialog = () => {
    change.setError(null)
    setOpen(null)
  }

  return (
    <section className="card" aria-labelledby="orders-title">
      <h3 id="orders-title">{t('history.orders')}</h3>
      <fieldset className="filter-chips">
        <legend>{t('history.show')}</legend>
        {ORDER_STATES.map((state) => (
          <label key={state} className="chip">
            <input type="checkbox" checked={states.has(state)} data-testid={TID.history.stateFilter(state)} onChange={() => toggleState(state)} />
            {t('history.stateChip', { state: t(`state.${state}`), count: f.count(run.counts[state]) })}
          </label>
        ))}
        {states.size > 0 && <button type="button" className="link-button" onClick={() => { setStates(new Set()); setOffset(0) }}>{t('history.showAll')}</button>}
      </fieldset>
      <ErrorMessage message={list.error} testId="orders-error" />
      {page && page.orders.length === 0 && <p className="empty">{states.size ? t('history.noOrdersChosen') : t('history.noOrders')}</p>}
      {page && page.orders.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid={TID.history.orders}>
            <caption className="visually-hidden">{t('history.ordersCaption', { run: runId })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t('history.col.number')}</th>
                <th scope="col">{t('history.col.state')}</th>
                <th scope="col" className="num">{t('history.col.bill')}</th>
                <th scope="col">{t('history.col.email')}</th>
                <th scope="col">{t('history.col.rows')}</th>
                <th scope="col" className="num">{t('history.col.attempts')}</th>
                <th scope="col">{t('history.col.answer')}</th>
                <th scope="col"><span className="visually-hidden">{t('history.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {page.orders.map((order) => (
                <tr key={order.ordinal} data-testid={TID.history.order(order.ordinal)}>
                  <th scope="row" className="num">{order.ordinal}</th>
                  <td><span className={`status status-${order.state}`}>{t(`state.${order.state}`)}</span>{order.existed ? <span className="tag">{t('history.alreadyInShop')}</span> : null}{order.statusStep ? <StepTag step={order.statusStep} /> : null}{order.deleted ? <span className="tag" data-testid={TID.history.deletedTag}>{t('history.deletedTag')}</span> : null}</td>
                  <td className="num">{order.billId ?? t('common.none')}</td>
                  <td>{order.email}</td>
                  <td>{order.rows.join(', ')}</td>
                  <td className="num">{order.attempts}</td>
                  <td className="answer">{answerText(order, t)}</td>
                  <td>
                    {order.state === 'unknown' && (
                      <button type="button" data-testid={TID.history.resolve(order.ordinal)} onClick={() => setOpen({ kind: 'resolve', order })}>{t('history.settle')}</button>
                    )}
                    {order.state === 'failed' && order.editable && (
                      <button type="button" data-testid={TID.history.editFailed(order.ordinal)} onClick={() => setOpen({ kind: 'edit', order, issues: null })}>{t('history.fix')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > ORDERS_PAGE && (
        <nav className="pager" aria-label={t('history.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ORDERS_PAGE))}>{t('history.previous')}</button>
          <span>{t('history.pageRange', { from: f.count(offset + 1), to: f.count(Math.min(offset + ORDERS_PAGE, page.total)), total: f.count(page.total) })}</span>
          <button type="button" disabled={offset + ORDERS_PAGE >= page.total} onClick={() => setOffset(offset + ORDERS_PAGE)}>{t('history.next')}</button>
        </nav>
      )}
      {open?.kind === 'resolve' && (
        <ResolveDialog order={open.order} busy={change.busy} error={change.error} onClose={closeDialog} onDecide={(d) => resolve(open.order, d)} />
      )}
      {open?.kind === 'edit' && (
        <EditFailedDialog
          order={open.order}
          headers={headers}
          busy={change.busy}
          error={change.error}
          issues={open.issues}
          onClose={closeDialog}
          onSave={(cells) => editFailed(open.order, cells)}
        />
      )}
    </section>
  )
}

/** What became of a created order's status (UpdateOrderStatus): set, or "created, not marked paid". */
/** The shop's answer or our note for the order: why it failed or is unclear, why its status is not
 * set, else what was done with it afterwards (deleted by undo, the user's decision). */
function answerText(order: RunOrder, t: Translate): string {
  if (order.errorText) return `${order.errorCode !== null ? `${order.errorCode}: ` : ''}${storedText(t, order.errorText)}`
  if (order.statusStep && order.statusStep.state !== 'done' && order.statusStep.errorText) return storedText(t, order.statusStep.errorText)
  return order.note ? storedText(t, order.note) : ''
}

function StepTag({ step }: { step: NonNullable<RunOrder['statusStep']> }) {
  const t = useT()
  const status = t(`status.${step.status}`)
  return step.state === 'done'
    ? <span className="tag" data-testid={TID.history.statusStep}>{t('history.step.done', { status })}</span>
    : <span className="tag tag-warning" data-testid={TID.history.statusStep}>{t('history.step.notMarked', { status })}</span>
}
